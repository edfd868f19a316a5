/**
 * Moving the selection along the lineage with the arrow keys, over the nodes on the canvas (a collapsed
 * subtree's nodes are not there): ← the parent, → the first (top-most) child, ↑/↓ the previous/next sibling
 * (roots are siblings of each other). Siblings are ordered top to bottom as the layout draws them.
 */
import { compareText } from '../../lib/compare-text';

export type NavKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown';

export interface NavNode {
  id: string;
  parentId: string | null;
  y: number;
}

export function isNavKey(key: string): key is NavKey {
  return key === 'ArrowLeft' || key === 'ArrowRight' || key === 'ArrowUp' || key === 'ArrowDown';
}

/** The node the key moves to from `fromId`, or null when there is none that way. */
export function neighbourOf(nodes: readonly NavNode[], fromId: string, key: NavKey): string | null {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const from = byId.get(fromId);
  if (!from) return null;
  // A parent not on the canvas (filtered out) makes the node a root of what is drawn.
  const parentOf = (n: NavNode): string | null =>
    n.parentId !== null && byId.has(n.parentId) ? n.parentId : null;
  const childrenOf = (parent: string | null): NavNode[] =>
    nodes.filter((n) => parentOf(n) === parent).sort((a, b) => a.y - b.y || compareText(a.id, b.id));
  switch (key) {
    case 'ArrowLeft':
      return parentOf(from);
    case 'ArrowRight':
      return childrenOf(from.id)[0]?.id ?? null;
    case 'ArrowUp':
    case 'ArrowDown': {
      const siblings = childrenOf(parentOf(from));
      const i = siblings.findIndex((n) => n.id === from.id);
      return siblings[i + (key === 'ArrowUp' ? -1 : 1)]?.id ?? null;
    }
  }
}
