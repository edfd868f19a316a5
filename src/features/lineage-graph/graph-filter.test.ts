import { describe, expect, it } from 'vitest';
import type { GlanceImage } from '../../openstack/types';
import { filterChoices, filterGraph, NO_FILTER } from './graph-filter';
import { searchNodes } from './search';
import { buildGraph, buildNode } from './testing/graph-builder';

const image = (props: Record<string, unknown>) => props as unknown as GlanceImage;

const graph = buildGraph(
  [
    buildNode('base', {
      name: 'ubuntu-24.04',
      projectId: 'p-admin',
      image: image({ tags: ['golden-src'], os_distro: 'ubuntu' }),
    }),
    buildNode('srv', { kind: 'server', name: 'web-1', parentId: 'base', projectId: 'p-web' }),
    buildNode('snap', {
      kind: 'snapshot',
      name: 'web-1-snap',
      parentId: 'srv',
      projectId: 'p-web',
      facts: [{ kind: 'orphan', reason: 'server gone' }],
      image: image({ tags: ['nightly'], image_type: 'snapshot' }),
    }),
    buildNode('other', { name: 'debian-12', projectId: 'p-admin' }),
  ],
  [
    ['base', 'srv', 'booted-from'],
    ['srv', 'snap', 'snapshot-of'],
  ],
);

describe('filterGraph', () => {
  it('returns the graph itself when nothing is filtered', () => {
    expect(filterGraph(graph, NO_FILTER)).toBe(graph);
  });

  it('keeps matches together with their ancestors, and drops the rest', () => {
    const g = filterGraph(graph, { ...NO_FILTER, fact: 'orphan' });
    expect([...g.nodes.keys()]).toEqual(['base', 'srv', 'snap']);
    expect(g.roots).toEqual(['base']);
    expect(g.edges.map((e) => e.id)).toEqual(['base->srv', 'srv->snap']);
  });

  it('combines criteria: kind and project', () => {
    const g = filterGraph(graph, { ...NO_FILTER, kind: 'image', project: 'p-admin' });
    expect([...g.nodes.keys()]).toEqual(['base', 'other']);
    expect(g.children.size).toBe(0);
    expect(g.roots).toEqual(['base', 'other']);
  });

  it('filters by tag', () => {
    const g = filterGraph(graph, { ...NO_FILTER, tag: 'nightly' });
    expect(g.nodes.has('snap')).toBe(true);
    expect(g.nodes.has('other')).toBe(false);
  });
});

describe('filterChoices', () => {
  it('offers every project and tag once, sorted', () => {
    expect(filterChoices(graph)).toEqual({ projects: ['p-admin', 'p-web'], tags: ['golden-src', 'nightly'] });
  });
});

describe('searchNodes', () => {
  it('finds names and ids case-insensitively, in graph order', () => {
    expect(searchNodes(graph, 'WEB-1')).toEqual(['srv', 'snap']);
    expect(searchNodes(graph, 'oth')).toEqual(['other']);
  });

  it('finds key=value on image properties and key= for "has the property"', () => {
    expect(searchNodes(graph, 'os_distro=Ubuntu')).toEqual(['base']);
    expect(searchNodes(graph, 'image_type=')).toEqual(['snap']);
    expect(searchNodes(graph, 'image_type=backup')).toEqual([]);
  });

  it('finds nothing for an empty query', () => {
    expect(searchNodes(graph, '  ')).toEqual([]);
  });
});
