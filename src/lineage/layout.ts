/**
 * Tree layout for the lineage forest, O(n) and iterative (no recursion: deep chains must not overflow the
 * stack). Leaf counter (STACK.md §4): leaves take consecutive rows, a parent is centred between its first
 * and last child, x = depth. Left to right. A collapsed node is drawn as a leaf and its subtree is hidden.
 */
import type { LineageGraph, Viewer } from './types';
import { hasFact } from './facts';
import { isImageKind } from './classify';
import { deleteRefusals } from './safety';
import { topologicalOrder } from './traverse';

export interface LayoutOptions {
  nodeWidth?: number;
  nodeHeight?: number;
  rankGap?: number;
  siblingGap?: number;
  /** Nodes whose subtree is hidden. */
  collapsed?: ReadonlySet<string>;
  direction?: 'LR';
}

export interface Point {
  x: number;
  y: number;
}

export interface TreeLayout {
  /** Top-left corner of every visible node. */
  positions: Map<string, Point>;
  width: number;
  height: number;
}

export const LAYOUT_DEFAULTS = { nodeWidth: 180, nodeHeight: 48, rankGap: 60, siblingGap: 12 } as const;

export function layoutTree(graph: LineageGraph, opts: LayoutOptions = {}): TreeLayout {
  const nodeWidth = opts.nodeWidth ?? LAYOUT_DEFAULTS.nodeWidth;
  const nodeHeight = opts.nodeHeight ?? LAYOUT_DEFAULTS.nodeHeight;
  const rankGap = opts.rankGap ?? LAYOUT_DEFAULTS.rankGap;
  const siblingGap = opts.siblingGap ?? LAYOUT_DEFAULTS.siblingGap;
  const collapsed = opts.collapsed;
  const rowStep = nodeHeight + siblingGap;
  const colStep = nodeWidth + rankGap;

  const positions = new Map<string, Point>();
  const seen = new Set<string>();
  let row = 0;
  let maxDepth = -1;

  // Explicit stack: node, next child index, depth, y of its first and last laid-out child.
  const ids: string[] = [];
  const next: number[] = [];
  const depths: number[] = [];
  const firstY: number[] = [];
  const lastY: number[] = [];

  const hide = (id: string): void => {
    const queue = [...(graph.children.get(id) ?? [])];
    for (let i = 0; i < queue.length; i++) {
      const kid = queue[i] as string;
      if (seen.has(kid)) continue;
      seen.add(kid);
      for (const k of graph.children.get(kid) ?? []) queue.push(k);
    }
  };

  const layFrom = (root: string): void => {
    seen.add(root);
    ids.push(root);
    next.push(0);
    depths.push(0);
    firstY.push(NaN);
    lastY.push(NaN);
    while (ids.length > 0) {
      const top = ids.length - 1;
      const id = ids[top] as string;
      const isCollapsed = collapsed?.has(id) === true;
      const kids = isCollapsed ? undefined : graph.children.get(id);
      const i = next[top] as number;
      if (kids && i < kids.length) {
        next[top] = i + 1;
        const kid = kids[i] as string;
        if (seen.has(kid)) continue;
        seen.add(kid);
        ids.push(kid);
        next.push(0);
        depths.push((depths[top] as number) + 1);
        firstY.push(NaN);
        lastY.push(NaN);
        continue;
      }
      if (isCollapsed) hide(id);
      const depth = depths[top] as number;
      const f = firstY[top] as number;
      const y = Number.isNaN(f) ? row++ * rowStep : (f + (lastY[top] as number)) / 2;
      positions.set(id, { x: depth * colStep, y });
      if (depth > maxDepth) maxDepth = depth;
      ids.pop();
      next.pop();
      depths.pop();
      firstY.pop();
      lastY.pop();
      const parent = ids.length - 1;
      if (parent >= 0) {
        if (Number.isNaN(firstY[parent])) firstY[parent] = y;
        lastY[parent] = y;
      }
    }
  };

  for (const root of graph.roots) if (!seen.has(root)) layFrom(root);
  // Nodes no root reaches (only in a graph built by hand with a cycle) are laid out as roots of their own.
  for (const id of graph.nodes.keys()) if (!seen.has(id)) layFrom(id);

  return {
    positions,
    width: maxDepth < 0 ? 0 : (maxDepth + 1) * colStep - rankGap,
    height: row === 0 ? 0 : row * rowStep - siblingGap,
  };
}

export interface FamilySummary {
  rootId: string;
  name: string;
  nodeCount: number;
  imageCount: number;
  serverCount: number;
  /** Size of every image in the family. */
  bytes: number;
  orphanCount: number;
  /** Size of the orphans that may be deleted (nothing forbids it; with a viewer: for that viewer). */
  reclaimableBytes: number;
}

/** One summary per root, in the order of graph.roots. */
export function familySummaries(graph: LineageGraph, viewer?: Viewer): FamilySummary[] {
  const byRoot = new Map<string, FamilySummary>();
  for (const root of graph.roots) {
    byRoot.set(root, {
      rootId: root,
      name: graph.nodes.get(root)?.name ?? '',
      nodeCount: 0,
      imageCount: 0,
      serverCount: 0,
      bytes: 0,
      orphanCount: 0,
      reclaimableBytes: 0,
    });
  }
  const family = new Map<string, FamilySummary>();
  for (const id of topologicalOrder(graph)) {
    const node = graph.nodes.get(id);
    if (!node) continue;
    const summary = node.parentId === null ? byRoot.get(id) : family.get(node.parentId);
    if (!summary) continue;
    family.set(id, summary);
    summary.nodeCount++;
    if (node.kind === 'server') summary.serverCount++;
    if (!isImageKind(node.kind)) continue;
    summary.imageCount++;
    const size = node.sizeBytes ?? 0;
    summary.bytes += size;
    if (!hasFact(node, 'orphan')) continue;
    summary.orphanCount++;
    const free = viewer
      ? deleteRefusals(node, viewer).length === 0
      : !['protected', 'shelved', 'in-use', 'unknown', 'transitional'].some((k) =>
          node.facts.some((f) => f.kind === k),
        );
    if (free) summary.reclaimableBytes += size;
  }
  return [...byRoot.values()];
}
