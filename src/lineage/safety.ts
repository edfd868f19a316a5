/**
 * What forbids deleting an image, shared by deletionImpact and selectForRetention so both refuse the same
 * things: not an image, protected, a shelved server's disk, in use, another project's image (unless an admin
 * chose all projects), unknown visibility, data still being written (queued/saving/uploading/importing).
 */
import type { LineageNode, Viewer } from './types';
import { isImageKind } from './classify';
import { factOf, isForeign } from './facts';

/** Every reason `node` must not be deleted by this viewer; empty when it may be. */
export function deleteRefusals(node: LineageNode | undefined, viewer: Viewer): string[] {
  if (!node) return ['not in the lineage graph'];
  if (!isImageKind(node.kind)) return [`not an image (${node.kind})`];
  const out: string[] = [];
  for (const kind of ['protected', 'shelved', 'in-use', 'unknown', 'transitional'] as const) {
    const fact = factOf(node, kind);
    if (fact) out.push(`${kind}: ${fact.reason}`);
  }
  if (isForeign(node, viewer) && !(viewer.isAdmin && viewer.allProjects))
    out.push(
      `foreign: owned by project ${node.projectId ?? '?'}${viewer.isAdmin ? '; choose all projects to include other projects' : ''}`,
    );
  return out;
}
