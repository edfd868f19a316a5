/**
 * What deleting one image would do, and how hard the confirmation must be: the impact panel's content
 * (servers booting from it, descendants, facts, what loses its parent or root) and the risk level.
 */
import { deletionImpact, descendantsOf, factOf, isForeign, label } from '../../lineage';
import type { DeletionImpact, LineageGraph, LineageNode, Viewer } from '../../lineage';

export type DeleteRisk =
  /** Cannot be deleted from here (a shelved server's disk, data still being written). */
  | 'blocked'
  /** Protected: an explicit unprotect step comes first. */
  | 'protected'
  /** In use, a family root, another project's, or not fully visible: type the name to confirm. */
  | 'high'
  | 'normal';

export interface DeleteAssessment {
  risk: DeleteRisk;
  /** Why the risk is what it is, in words. */
  reasons: string[];
  bootingServers: { id: string; name: string }[];
  descendants: number;
  impact: DeletionImpact;
  /** A volume-backed snapshot: its Cinder volume snapshots are not deleted with the image. */
  volumeBacked: boolean;
  /** What must be typed to confirm a high-risk delete. */
  confirmText: string;
}

export function assessDelete(graph: LineageGraph, node: LineageNode, viewer: Viewer): DeleteAssessment {
  const bootingServers = (graph.children.get(node.id) ?? [])
    .map((id) => graph.nodes.get(id))
    .filter((n): n is LineageNode => n?.kind === 'server' && n.status !== 'DELETED')
    .map((n) => ({ id: n.id, name: label(n.name, n.id) }));
  const descendants = descendantsOf(graph, node.id).filter((id) => {
    const n = graph.nodes.get(id);
    return n !== undefined && n.status !== 'DELETED';
  }).length;
  const impact = deletionImpact(graph, [node.id], viewer);
  const reasons: string[] = [];
  const shelved = factOf(node, 'shelved');
  const transitional = factOf(node, 'transitional');
  const protectedFact =
    factOf(node, 'protected') ?? (node.image?.protected ? { reason: 'protected' } : undefined);
  const inUse = factOf(node, 'in-use');
  const unknown = factOf(node, 'unknown');
  let risk: DeleteRisk = 'normal';
  if (shelved) {
    risk = 'blocked';
    reasons.push(
      `shelved: ${shelved.reason}. Deleting it would destroy the offloaded server's disk; unshelve or delete the server in Nova instead.`,
    );
  }
  if (transitional) {
    risk = 'blocked';
    reasons.push(`still being written: ${transitional.reason}`);
  }
  if (risk !== 'blocked' && protectedFact) {
    risk = 'protected';
    reasons.push(`protected: ${protectedFact.reason}. Glance refuses to delete it until it is unprotected.`);
  }
  if (inUse) reasons.push(`in use: ${inUse.reason}`);
  if (descendants > 0) reasons.push(`family root: ${descendants} node(s) descend from it`);
  const foreign = isForeign(node, viewer);
  // An admin who chose all projects acts on every project's images; anyone else is warned harder.
  const foreignRisk = foreign && !(viewer.isAdmin && viewer.allProjects);
  if (foreign) reasons.push(`foreign: owned by project ${node.projectId ?? '?'}`);
  if (unknown) reasons.push(`unknown: ${unknown.reason}`);
  if (risk === 'normal' && (inUse || descendants > 0 || foreignRisk || unknown)) risk = 'high';
  return {
    risk,
    reasons,
    bootingServers,
    descendants,
    impact,
    volumeBacked: node.kind === 'volume-snapshot',
    confirmText: node.name || node.id,
  };
}
