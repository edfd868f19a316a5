import { describe, expect, it } from 'vitest';
import type { LineageGraph, LineageNode } from '../../lineage/types';
import { csvCell, exportRows, rowsToCsv, rowsToJson } from './export-rows';

function node(id: string, over: Partial<LineageNode> = {}): LineageNode {
  return {
    id,
    kind: 'snapshot',
    name: id,
    projectId: 'p1',
    createdAt: '2026-02-02T10:00:00Z',
    status: 'active',
    sizeBytes: 2048,
    parentId: null,
    rootId: null,
    unknownGenerations: false,
    facts: [],
    ...over,
  };
}

function graphOf(nodes: LineageNode[]): LineageGraph {
  return {
    nodes: new Map(nodes.map((n) => [n.id, n])),
    edges: [],
    children: new Map(),
    roots: [],
    problems: [],
  };
}

/** A small RFC 4180 reader, so the tests check what a spreadsheet would see, not our own string layout. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  return rows;
}

describe('csvCell', () => {
  it.each(['=1+1', '+cmd', '-2', '@SUM(A1)', '\tx', '\rx'])(
    'prefixes a formula-looking cell %j with an apostrophe',
    (v) => {
      expect(csvCell(v).replace(/^"/, '')).toMatch(/^'/);
    },
  );

  it('leaves ordinary text alone and quotes commas, quotes and line breaks', () => {
    expect(csvCell('web-1-snap')).toBe('web-1-snap');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
  });
});

describe('rowsToCsv', () => {
  it('writes a header and one row per node with facts and their reasons, readable back cell by cell', () => {
    const graph = graphOf([
      node('a', { name: 'debian-12', kind: 'image', parentId: null, rootId: 'a' }),
      node('b', {
        name: '=cmd|calc, "x"',
        parentId: 'srv',
        rootId: 'a',
        sizeBytes: null,
        facts: [
          { kind: 'orphan', reason: 'server tmp-1 (2f84eac3) was deleted' },
          { kind: 'protected', reason: 'protected=true' },
        ],
      }),
    ]);
    const rows = parseCsv(rowsToCsv(exportRows(graph)));
    expect(rows[0]).toEqual([
      'id',
      'name',
      'kind',
      'project',
      'status',
      'size_bytes',
      'created',
      'parent',
      'root',
      'facts',
    ]);
    expect(rows).toHaveLength(3);
    expect(rows[1]).toEqual([
      'a',
      'debian-12',
      'image',
      'p1',
      'active',
      '2048',
      '2026-02-02T10:00:00Z',
      '',
      'a',
      '',
    ]);
    expect(rows[2]?.[1]).toBe(`'=cmd|calc, "x"`);
    expect(rows[2]?.[5]).toBe('');
    expect(rows[2]?.[9]).toBe('orphan: server tmp-1 (2f84eac3) was deleted; protected: protected=true');
  });
});

describe('rowsToJson', () => {
  it('keeps values as they are (no apostrophes) with facts as objects', () => {
    const graph = graphOf([node('b', { name: '=x', facts: [{ kind: 'orphan', reason: 'gone' }] })]);
    const parsed = JSON.parse(rowsToJson(exportRows(graph))) as {
      name: string;
      facts: unknown[];
      size_bytes: number;
    }[];
    expect(parsed).toEqual([
      expect.objectContaining({ name: '=x', size_bytes: 2048, facts: [{ kind: 'orphan', reason: 'gone' }] }),
    ]);
  });
});
