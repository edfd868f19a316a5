import { describe, expect, it } from 'vitest';
import { isNavKey, neighbourOf, type NavNode } from './keyboard-nav';

//  root-a ─┬─ srv-1 ── snap-1
//          ├─ srv-2
//          └─ srv-3
//  root-b
const nodes: NavNode[] = [
  { id: 'srv-3', parentId: 'root-a', y: 200 },
  { id: 'root-a', parentId: null, y: 100 },
  { id: 'srv-1', parentId: 'root-a', y: 0 },
  { id: 'snap-1', parentId: 'srv-1', y: 0 },
  { id: 'srv-2', parentId: 'root-a', y: 100 },
  { id: 'root-b', parentId: null, y: 400 },
];

describe('arrow keys along the lineage', () => {
  it('← goes to the parent and stops at a root', () => {
    expect(neighbourOf(nodes, 'snap-1', 'ArrowLeft')).toBe('srv-1');
    expect(neighbourOf(nodes, 'srv-1', 'ArrowLeft')).toBe('root-a');
    expect(neighbourOf(nodes, 'root-a', 'ArrowLeft')).toBeNull();
  });

  it('→ goes to the top-most child and stops at a leaf', () => {
    expect(neighbourOf(nodes, 'root-a', 'ArrowRight')).toBe('srv-1');
    expect(neighbourOf(nodes, 'srv-2', 'ArrowRight')).toBeNull();
  });

  it('↑/↓ walk the siblings top to bottom, roots included, and stop at the ends', () => {
    expect(neighbourOf(nodes, 'srv-1', 'ArrowDown')).toBe('srv-2');
    expect(neighbourOf(nodes, 'srv-2', 'ArrowDown')).toBe('srv-3');
    expect(neighbourOf(nodes, 'srv-3', 'ArrowDown')).toBeNull();
    expect(neighbourOf(nodes, 'srv-2', 'ArrowUp')).toBe('srv-1');
    expect(neighbourOf(nodes, 'root-a', 'ArrowDown')).toBe('root-b');
  });

  it('treats a node whose parent is not drawn as a root', () => {
    const filtered = nodes.filter((n) => n.id !== 'root-a');
    expect(neighbourOf(filtered, 'srv-1', 'ArrowLeft')).toBeNull();
    expect(neighbourOf(filtered, 'srv-1', 'ArrowDown')).toBe('srv-2');
  });

  it('knows only the four arrows', () => {
    expect(isNavKey('ArrowUp')).toBe(true);
    expect(isNavKey('Tab')).toBe(false);
    expect(neighbourOf(nodes, 'nope', 'ArrowUp')).toBeNull();
  });
});
