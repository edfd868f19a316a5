import { useStoreApi } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { FlowModel } from './flow-model';
import {
  emptyLastWindow,
  keepUnchanged,
  nextWindow,
  revealStep,
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
 * once a frame, when the viewport leaves it), new ones a dozen a frame (revealStep); otherwise all of them;
 * none before `show`. Arrays that hold what the last ones held are the last ones. Call inside the
 * ReactFlowProvider.
 */
export function useFlowWindow(
  model: FlowModel,
  look: Look,
  cull: boolean,
  show = true,
): { nodes: LineageFlowNode[]; edges: LineageFlowEdge[] } {
  const store = useStoreApi<LineageFlowNode, LineageFlowEdge>();
  const [box, setBox] = useState<Box | null>(null);
  const [looks] = useState(emptyLookCache);
  const [last] = useState(emptyLastWindow);
  /** Frames spent handing a window's new nodes over (with `cull`, they come a dozen a frame). */
  const [frames, setFrames] = useState(0);

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
  const all = useMemo(() => {
    if (!show || (cull && !box)) return NOTHING;
    return windowElements(model, cull ? box : null, { selectedId, related }, looks);
  }, [show, model, cull, box, selectedId, related, looks]);
  const view = useMemo(
    () => {
      const next = cull ? revealStep(all, new Set(last.nodes.map((n) => n.id))) : { ...all, pending: false };
      return { ...keepUnchanged(last, next), pending: next.pending };
    },
    // `frames`: the next dozen, once React Flow holds the last one.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [all, cull, last, frames],
  );
  useEffect(() => {
    if (!view.pending) return;
    const frame = requestAnimationFrame(() => setFrames((n) => n + 1));
    return () => cancelAnimationFrame(frame);
  }, [view]);
  return view;
}
