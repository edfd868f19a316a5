import { BaseEdge, EdgeLabelRenderer, getSmoothStepPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import type { LineageFlowEdge } from '../to-flow-elements';

/**
 * A smooth-step edge with its label in HTML over the canvas. React Flow's own SVG label measures itself
 * (getBBox) once mounted, which makes the browser lay the page out there and then: up to ~30 ms of a task
 * that takes a 50,000-image graph in. The label fades with the edge when another lineage is selected.
 */
export const LabelledEdge = memo(function LabelledEdge(props: EdgeProps<LineageFlowEdge>) {
  const { sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition, label, data } = props;
  const [path, labelX, labelY] = getSmoothStepPath({
    sourceX,
    sourceY,
    sourcePosition,
    targetX,
    targetY,
    targetPosition,
  });
  return (
    <>
      <BaseEdge
        path={path}
        style={props.style}
        markerEnd={props.markerEnd}
        markerStart={props.markerStart}
        interactionWidth={props.interactionWidth}
      />
      {label ? (
        <EdgeLabelRenderer>
          <div
            className={`lineage-edge-label absolute rounded bg-white px-1 text-[10px] leading-4 text-slate-700 dark:bg-slate-900 dark:text-slate-200${data?.related ? ' is-related' : ''}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)` }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      ) : null}
    </>
  );
});
