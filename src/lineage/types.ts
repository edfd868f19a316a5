/**
 * The lineage domain: our camelCase types, built from the wire types in one place (build-lineage.ts).
 * Pure data: no React, no fetch, no React Flow.
 *
 * Direction: every edge goes from parent to child, so the graph is a forest rooted at base images:
 *   image --booted-from--> server --snapshot-of--> snapshot --booted-from--> server --> ...
 *   source --converted-from--> golden/deployable copy
 *   root image --root-only--> snapshot whose server is gone (the generations in between are unknown)
 */
import type { GlanceImage, NovaServer } from '../openstack/types';

export type ImageKind = 'image' | 'snapshot' | 'backup' | 'golden' | 'volume-snapshot';
export type NodeKind = ImageKind | 'server' | 'missing-image' | 'missing-server';

export type FactKind =
  | 'orphan'
  | 'shelved'
  | 'in-use'
  | 'broken-chain'
  | 'protected'
  | 'foreign'
  | 'unknown'
  | 'cycle'
  | 'transitional'
  | 'converted'
  | 'deleted-server';

/** A fact about a node, with its reason in words a person can read ("server tmp-1 (9f2…) was deleted"). */
export interface Fact {
  kind: FactKind;
  reason: string;
}

export type EdgeKind = 'booted-from' | 'snapshot-of' | 'converted-from' | 'root-only';

export interface LineageEdge {
  id: string;
  /** The parent. */
  source: string;
  /** The child. */
  target: string;
  kind: EdgeKind;
}

export interface LineageNode {
  id: string;
  kind: NodeKind;
  name: string;
  /** Project that owns the image, or the server's tenant. */
  projectId: string | null;
  createdAt: string | null;
  /** Glance status or Nova status. */
  status: string | null;
  sizeBytes: number | null;
  /** Immediate parent in the drawn forest (null for roots). */
  parentId: string | null;
  /** The chain's root image id (base_image_ref for snapshots), when known. */
  rootId: string | null;
  /** true when the snapshot hangs under its root because the generations in between are unknown. */
  unknownGenerations: boolean;
  facts: Fact[];
  image?: GlanceImage;
  server?: NovaServer;
}

/** Something wrong with the data itself (a cycle, a self-reference, a duplicate id), reported, never fatal. */
export interface DataProblem {
  kind: 'cycle' | 'self-reference' | 'duplicate-id';
  ids: string[];
  message: string;
}

export interface LineageGraph {
  nodes: Map<string, LineageNode>;
  edges: LineageEdge[];
  /** Children ids per node id, in a stable order. */
  children: Map<string, string[]>;
  /** Nodes without a parent, in a stable order. */
  roots: string[];
  problems: DataProblem[];
}

/** Who is looking: decides which facts are certain. */
export interface Viewer {
  projectId: string | null;
  isAdmin: boolean;
  /** The server list covers every project (admin asked for all projects). */
  allProjects: boolean;
}

export interface LineageInput {
  images: readonly GlanceImage[];
  servers: readonly NovaServer[];
  /** Deleted servers Nova still lists (admins: `servers/detail?deleted=true&all_tenants=1`). */
  deletedServers?: readonly NovaServer[];
  viewer: Viewer;
}

/** The app's own namespaced properties that record provenance on converted images. */
export const PROVENANCE_PREFIX = 'glance_lineage_';
