import { PlotFrame } from './plot-frame';
import { countTicks, linearScale, type Bucket, type Period } from './plot-scales';

const WIDTH = 760;
const HEIGHT = 260;
const LEFT = 48;
const RIGHT = 16;
const TOP = 16;
const BOTTOM = 58;

interface SnapshotsPlotProps {
  buckets: readonly Bucket[];
  period: Period;
  onPeriod: (p: Period) => void;
}

/** Vertical bars: how many snapshots were taken each week or month. */
export function SnapshotsPlot({ buckets, period, onPeriod }: SnapshotsPlotProps) {
  const ticks = countTicks(Math.max(0, ...buckets.map((b) => b.count)));
  const y = linearScale([0, ticks.at(-1) ?? 1], [HEIGHT - BOTTOM, TOP]);
  const slot = (WIDTH - LEFT - RIGHT) / Math.max(1, buckets.length);
  const labelEvery = Math.max(1, Math.ceil(buckets.length / 12));
  const total = buckets.reduce((s, b) => s + b.count, 0);

  return (
    <PlotFrame
      title="Snapshots created over time"
      description={`${total} snapshots and backups in the shown set, counted per ${period}.`}
      width={WIDTH}
      height={HEIGHT}
      table={{
        columns: [period === 'week' ? 'Week of' : 'Month', 'Snapshots'],
        rows: buckets.map((b) => [b.label, b.count]),
      }}
      controls={
        <label className="flex items-center gap-1 text-sm">
          Per
          <select
            aria-label="Count per"
            value={period}
            onChange={(e) => onPeriod(e.target.value === 'week' ? 'week' : 'month')}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-600 dark:bg-slate-800"
          >
            <option value="week">week</option>
            <option value="month">month</option>
          </select>
        </label>
      }
    >
      <g aria-hidden="true" className="text-[11px]">
        {ticks.map((t) => (
          <g key={t}>
            <line
              x1={LEFT}
              x2={WIDTH - RIGHT}
              y1={y(t)}
              y2={y(t)}
              stroke="currentColor"
              strokeOpacity={0.15}
            />
            <text x={LEFT - 6} y={y(t) + 4} textAnchor="end" fill="currentColor">
              {t}
            </text>
          </g>
        ))}
        <line x1={LEFT} x2={WIDTH - RIGHT} y1={y(0)} y2={y(0)} stroke="currentColor" strokeOpacity={0.5} />
        <text
          transform={`translate(12 ${(TOP + HEIGHT - BOTTOM) / 2}) rotate(-90)`}
          textAnchor="middle"
          fill="currentColor"
          className="font-semibold"
        >
          Snapshots
        </text>
        <text
          x={(LEFT + WIDTH - RIGHT) / 2}
          y={HEIGHT - 6}
          textAnchor="middle"
          fill="currentColor"
          className="font-semibold"
        >
          {period === 'week' ? 'Week (starting Monday, UTC)' : 'Month (UTC)'}
        </text>
      </g>
      {buckets.length === 0 ? (
        <text x={LEFT + 8} y={TOP + 20} fill="currentColor" className="text-xs">
          No snapshots in the shown set.
        </text>
      ) : null}
      {buckets.map((b, i) => {
        const x0 = LEFT + i * slot;
        return (
          <g key={b.start}>
            <title>{`${b.label}: ${b.count} snapshots`}</title>
            <rect
              x={x0 + slot * 0.15}
              y={y(b.count)}
              width={Math.max(1, slot * 0.7)}
              height={Math.max(0, y(0) - y(b.count))}
              className="fill-teal-500 dark:fill-teal-400"
            />
            {i % labelEvery === 0 ? (
              <text
                aria-hidden="true"
                transform={`translate(${x0 + slot / 2} ${HEIGHT - BOTTOM + 12}) rotate(-35)`}
                textAnchor="end"
                fill="currentColor"
                className="text-[10px]"
              >
                {b.label}
              </text>
            ) : null}
          </g>
        );
      })}
    </PlotFrame>
  );
}
