import { ViewportPortal } from '@xyflow/react';
import { arrowId, EDGE_KINDS, edgeStyle } from './to-flow-elements';

/**
 * The arrowheads the edges point to (`markerEnd` is the id of one of these): drawn as React Flow draws its
 * closed arrow. With marker objects on the edges, React Flow rebuilt its own marker list from every edge it
 * held whenever they changed, and sorted it with `localeCompare`, whose first call loads ICU's collation data
 * (12-15 ms in a task that took a 50,000-image graph's first edges in). They sit in the viewport, so an
 * exported image of it (features/export) carries them.
 */
export function EdgeMarkers() {
  return (
    <ViewportPortal>
      <svg className="pointer-events-none absolute h-0 w-0" aria-hidden="true">
        <defs>
          {EDGE_KINDS.map((kind) => {
            const color = edgeStyle(kind)?.stroke;
            return (
              <marker
                key={kind}
                id={arrowId(kind)}
                className="react-flow__arrowhead"
                markerWidth="14"
                markerHeight="14"
                viewBox="-10 -10 20 20"
                markerUnits="strokeWidth"
                orient="auto-start-reverse"
                refX="0"
                refY="0"
              >
                <polyline
                  className="arrowclosed"
                  style={{ stroke: color, fill: color, strokeWidth: 1 }}
                  strokeLinecap="round"
                  strokeLinejoin="round"
                  points="-5,-4 0,0 -5,4 -5,-4"
                />
              </marker>
            );
          })}
        </defs>
      </svg>
    </ViewportPortal>
  );
}
