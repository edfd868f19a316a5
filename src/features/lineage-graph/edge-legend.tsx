import { Panel } from '@xyflow/react';
import { EDGE_LABELS } from '../../lib/labels';
import { EDGE_KINDS, edgeStyle } from './to-flow-elements';

/** What each line style means. */
export function EdgeLegend() {
  return (
    <Panel
      position="bottom-left"
      aria-label="Legend"
      // Right of the zoom controls, clear of the overview map in the other corner.
      className="!ml-14 rounded bg-white/90 px-2 py-1 text-xs shadow dark:bg-slate-900/90"
    >
      <ul className="flex gap-3">
        {EDGE_KINDS.map((kind) => {
          const s = edgeStyle(kind);
          return (
            <li key={kind} className="flex items-center gap-1 whitespace-nowrap">
              <svg width="28" height="8" aria-hidden="true">
                <line
                  x1="0"
                  y1="4"
                  x2="28"
                  y2="4"
                  stroke={s?.stroke}
                  strokeWidth={2}
                  strokeDasharray={s?.strokeDasharray}
                />
              </svg>
              {EDGE_LABELS[kind]}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
