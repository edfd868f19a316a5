import { describe, expect, it } from 'vitest';
import { csvField, graphToCsv } from './graph-csv';
import { buildGraph, buildNode } from './testing/graph-builder';

describe('graphToCsv', () => {
  it('writes a header and one row per node with facts and reasons', () => {
    const graph = buildGraph(
      [
        buildNode('base', { name: 'debian-12' }),
        buildNode('snap', {
          kind: 'snapshot',
          name: 'web, "prod"',
          parentId: 'base',
          rootId: 'base',
          sizeBytes: null,
          facts: [{ kind: 'orphan', reason: 'server web-0 was deleted' }],
        }),
      ],
      [['base', 'snap', 'root-only']],
    );
    const lines = graphToCsv(graph).trimEnd().split('\r\n');
    expect(lines[0]).toBe('id,name,kind,status,project,parent,root,created,size_bytes,facts');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe(
      'snap,"web, ""prod""",snapshot,active,p-demo,base,base,2026-01-01T00:00:00Z,,orphan: server web-0 was deleted',
    );
  });
});

describe('csvField', () => {
  it('defuses values a spreadsheet would run as formulas', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('+1')).toBe("'+1");
    expect(csvField('plain')).toBe('plain');
  });
});
