import { formatBytes } from '../../components/format-bytes';
import type { FamilySummary } from '../../lineage';
import { PlotFrame } from './plot-frame';
import { byteTicks, linearScale } from './plot-scales';
import { compareText } from '../../lib/compare-text';

const MAX_FAMILIES = 20;
const ROW = 26;
const LEFT = 170;
const RIGHT = 24;
const TOP = 28;
const BOTTOM = 44;
const WIDTH = 760;

function shortName(name: string): string {
  return name.length > 24 ? `${name.slice(0, 23)}…` : name;
}

/** Horizontal bars, one per lineage family: all image bytes, and the part orphans could free. */
export function StoragePlot({ families }: { families: readonly FamilySummary[] }) {
  const shown = [...families]
    .filter((f) => f.imageCount > 0)
    .sort((a, b) => b.bytes - a.bytes || compareText(a.name, b.name))
    .slice(0, MAX_FAMILIES);
  const hidden = families.filter((f) => f.imageCount > 0).length - shown.length;
  const height = TOP + Math.max(1, shown.length) * ROW + BOTTOM;
  const ticks = byteTicks(Math.max(0, ...shown.map((f) => f.bytes)));
  const x = linearScale([0, ticks.at(-1) ?? 1], [LEFT, WIDTH - RIGHT]);
  const axisY = TOP + shown.length * ROW;

  return (
    <PlotFrame
      title="Storage per lineage family"
      description={`Bytes of images in each family (root image and everything built from it), largest first${
        hidden > 0 ? `; the ${MAX_FAMILIES} largest of ${shown.length + hidden}` : ''
      }. The darker part is what deletable orphans would free.`}
      width={WIDTH}
      height={height}
      table={{
        columns: ['Family', 'Images', 'Bytes', 'Orphans', 'Reclaimable bytes'],
        rows: shown.map((f) => [
          f.name || f.rootId,
          f.imageCount,
          formatBytes(f.bytes),
          f.orphanCount,
          formatBytes(f.reclaimableBytes),
        ]),
      }}
    >
      <g aria-hidden="true" className="text-[11px]">
        {ticks.map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={TOP - 4} y2={axisY} stroke="currentColor" strokeOpacity={0.15} />
            <text x={x(t)} y={axisY + 14} textAnchor="middle" fill="currentColor">
              {formatBytes(t)}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={axisY} y2={axisY} stroke="currentColor" strokeOpacity={0.5} />
        <text
          x={(LEFT + WIDTH - RIGHT) / 2}
          y={axisY + 34}
          textAnchor="middle"
          fill="currentColor"
          className="font-semibold"
        >
          Image bytes
        </text>
        <text x={LEFT} y={14} fill="currentColor" className="font-semibold">
          Family (root image)
        </text>
        <rect
          x={WIDTH - RIGHT - 230}
          y={6}
          width={10}
          height={10}
          className="fill-sky-400 dark:fill-sky-600"
        />
        <text x={WIDTH - RIGHT - 216} y={15} fill="currentColor">
          all images
        </text>
        <rect
          x={WIDTH - RIGHT - 140}
          y={6}
          width={10}
          height={10}
          className="fill-red-600 dark:fill-red-400"
        />
        <text x={WIDTH - RIGHT - 126} y={15} fill="currentColor">
          reclaimable orphans
        </text>
      </g>
      {shown.length === 0 ? (
        <text x={LEFT} y={TOP + 16} fill="currentColor" className="text-xs">
          No images in the shown set.
        </text>
      ) : null}
      {shown.map((f, i) => {
        const y = TOP + i * ROW + 4;
        const h = ROW - 8;
        return (
          <g key={f.rootId} data-family={f.name}>
            <title>{`${f.name}: ${formatBytes(f.bytes)} in ${f.imageCount} images; ${formatBytes(f.reclaimableBytes)} reclaimable from ${f.orphanCount} orphans`}</title>
            <text x={LEFT - 8} y={y + h / 2 + 4} textAnchor="end" fill="currentColor" className="text-[12px]">
              {shortName(f.name || f.rootId.slice(0, 8))}
            </text>
            <rect
              x={LEFT}
              y={y}
              width={Math.max(1, x(f.bytes) - LEFT)}
              height={h}
              className="fill-sky-400 dark:fill-sky-600"
            />
            {f.reclaimableBytes > 0 ? (
              <rect
                x={LEFT}
                y={y + 3}
                width={Math.max(1, x(f.reclaimableBytes) - LEFT)}
                height={h - 6}
                className="fill-red-600 dark:fill-red-400"
              />
            ) : null}
          </g>
        );
      })}
    </PlotFrame>
  );
}
