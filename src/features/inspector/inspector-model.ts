import { ancestorsOf, diffAgainstBase, isImageKind, propertyOrigins } from '../../lineage';
import type { BaseDiff, LineageGraph, LineageNode, PropertyOrigin, PropertyWithOrigin } from '../../lineage';

export interface PropertyGroup {
  origin: PropertyOrigin;
  title: string;
  properties: PropertyWithOrigin[];
}

/** Group titles in the order the inspector shows them. */
export const ORIGIN_GROUPS: readonly { origin: PropertyOrigin; title: string; hint: string }[] = [
  { origin: 'nova', title: 'Nova-set', hint: 'written by Nova when the snapshot was taken' },
  { origin: 'inherited', title: 'Inherited', hint: 'same key and value as on the base image' },
  { origin: 'user', title: 'User-added', hint: 'set on this image by a person or a tool' },
  { origin: 'glance', title: 'Glance', hint: 'core fields and what Glance writes' },
  { origin: 'app', title: 'App provenance', hint: 'recorded by glance-lineage when it converted an image' },
];

export interface Inspection {
  node: LineageNode;
  parent: LineageNode | undefined;
  /** Nearest first, up to the root. */
  ancestors: LineageNode[];
  /** Children that are not servers (snapshots of a server, converted copies, ...). */
  children: LineageNode[];
  /** Servers booted from this image (children that are servers). */
  servers: LineageNode[];
  /** The chain's base image (base_image_ref), when it is a different, known image. */
  base: LineageNode | undefined;
  /** Only the groups that hold at least one property; empty for servers and placeholders. */
  groups: PropertyGroup[];
  /** The image's free-form properties against the base's; null without a base. */
  diff: BaseDiff | null;
}

function known(graph: LineageGraph, ids: readonly string[]): LineageNode[] {
  return ids.flatMap((id) => {
    const n = graph.nodes.get(id);
    return n ? [n] : [];
  });
}

/** Everything the inspector shows about one node of the (whole, unfiltered) graph; undefined if unknown. */
export function inspectNode(graph: LineageGraph, id: string): Inspection | undefined {
  const node = graph.nodes.get(id);
  if (!node) return undefined;
  const kids = known(graph, graph.children.get(id) ?? []);
  const baseNode = node.rootId !== null && node.rootId !== id ? graph.nodes.get(node.rootId) : undefined;
  const base = baseNode?.image ? baseNode : undefined;
  const image = isImageKind(node.kind) ? node.image : undefined;
  const all = image ? propertyOrigins(image, base?.image) : [];
  const groups = ORIGIN_GROUPS.map(({ origin, title }) => ({
    origin,
    title,
    properties: all.filter((p) => p.origin === origin),
  })).filter((g) => g.properties.length > 0);
  return {
    node,
    parent: node.parentId ? graph.nodes.get(node.parentId) : undefined,
    ancestors: known(graph, ancestorsOf(graph, id)),
    children: kids.filter((k) => k.kind !== 'server'),
    servers: kids.filter((k) => k.kind === 'server'),
    base,
    groups,
    diff: image && base?.image ? diffAgainstBase(image, base.image) : null,
  };
}

/** A property value as text: strings as they are, everything else as JSON. */
export function valueText(value: unknown): string {
  if (typeof value === 'string') return value;
  return JSON.stringify(value) ?? String(value);
}
