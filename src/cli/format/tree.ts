/**
 * Draws a forest with box-drawing guides:
 *   base
 *   ├── web-1
 *   │   └── web-1-snap
 *   └── db-1
 * Iterative (deep chains do not overflow the stack); a node reached twice is drawn once and then marked,
 * so bad data (a cycle) cannot loop.
 */
export interface TreeSource {
  roots: readonly string[];
  children: (id: string) => readonly string[];
  label: (id: string) => string;
}

export function drawTree(source: TreeSource): string[] {
  const lines: string[] = [];
  const drawn = new Set<string>();
  // Each frame: a node to print, the prefix for its own line, and the prefix its children continue with.
  const stack: { id: string; lead: string; indent: string }[] = [];
  for (let i = source.roots.length - 1; i >= 0; i--) {
    const id = source.roots[i];
    if (id !== undefined) stack.push({ id, lead: '', indent: '' });
  }
  while (stack.length > 0) {
    const frame = stack.pop();
    if (!frame) break;
    const { id, lead, indent } = frame;
    if (drawn.has(id)) {
      lines.push(`${lead}${source.label(id)} (shown above)`);
      continue;
    }
    drawn.add(id);
    lines.push(`${lead}${source.label(id)}`);
    const kids = source.children(id);
    for (let i = kids.length - 1; i >= 0; i--) {
      const kid = kids[i];
      if (kid === undefined) continue;
      const last = i === kids.length - 1;
      stack.push({
        id: kid,
        lead: `${indent}${last ? '└── ' : '├── '}`,
        indent: `${indent}${last ? '    ' : '│   '}`,
      });
    }
  }
  return lines;
}
