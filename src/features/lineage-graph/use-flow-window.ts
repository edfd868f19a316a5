import { useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { FlowModel } from './flow-model';
import {
  emptyLastWindow,
  keepUnchanged,
  nextWindow,
  viewBox,
  windowElements,
  type Look,
} from './flow-window';
import { emptyLookCache } from './highlight';
import type { Box } from './spatial-index';
import type { LineageFlowEdge, LineageFlowNode } from './to-flow-elements';

const NOTHING = { nodes: [] as LineageFlowNode[], edges: [] as LineageFlowEdge[] };

/**
 * The nodes and edges to hand React Flow: with `cull`, those in a window around the viewport (moved, at most
 * once a frame, when the viewport leaves it); otherwise all of them. Arrays that hold what the last ones held
 * are the last ones. Call inside the ReactFlowProvider.
 */
export function useFlowWindow(
  model: FlowModel,
  look: Look,
  cull: boolean,
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] } {
  const store = useStoreApi<LineageFlowNode, LineageFlowEdge>();
  const [box, setBox] = useState<Box | null>(null);
  const [looks] = useState(emptyLookCache);
  const [last] = useState(emptyLastWindow);

  useEffect(() => {
    if (!cull) return;
    let frame = 0;
    const check = (): void => {
      frame = 0;
      const { transform, width, height } = store.getState();
      if (width <= 0 || height <= 0) return;
      const view = viewBox(transform[0], transform[1], transform[2], width, height);
      setBox((current) => nextWindow(current, view));
    };
    check();
    // Every pan, zoom and resize passes through the store; the check is a few comparisons.
    const unsubscribe = store.subscribe(() => {
      if (frame === 0) frame = requestAnimationFrame(check);
    });
    return () => {
      unsubscribe();
      cancelAnimationFrame(frame);
    };
  }, [store, cull]);

  const { selectedId, related } = look;
  return useMemo(() => {
    if (cull && !box) return NOTHING;
    return keepUnchanged(last, windowElements(model, cull ? box : null, { selectedId, related }, looks));
  }, [model, cull, box, selectedId, related, looks, last]);
}
