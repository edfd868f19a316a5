/**
 * The bulk-delete job's last look at an item before its DELETE: the image as Glance returns it right now,
 * and the lineage facts recomputed from a fresh read of the cloud. Refuses what became unsafe since the
 * dry run (protected, in use, shelved, transitional, another owner, its server back) with the reason.
 */
import { deleteRefusals, hasFact, TRANSITIONAL_STATUSES } from '../../lineage';
import type { LineageGraph, Viewer } from '../../lineage';
import type { GlanceImage } from '../../openstack/types';

/** What the job recorded about an item when it was confirmed. */
export interface ConfirmedItem {
  id: string;
  owner: string | null;
  /** It was an orphan when confirmed (its server was gone). */
  orphan: boolean;
}

/** A refusal reason, or null when the image may be deleted now. */
export function recheckImage(
  image: GlanceImage,
  confirmed: ConfirmedItem | undefined,
  graph: LineageGraph,
  viewer: Viewer,
): string | null {
  if (!confirmed) return 'not in the confirmed set';
  if (image.protected) return 'protected now; not deleted';
  if (TRANSITIONAL_STATUSES.has(image.status)) return `its status is ${image.status} now; not deleted`;
  if ((image.owner ?? null) !== confirmed.owner)
    return `its owner changed to ${image.owner ?? '(none)'}; not deleted`;
  const node = graph.nodes.get(image.id);
  const refusals = deleteRefusals(node, viewer);
  if (refusals.length > 0) return `re-checked just before the delete: ${refusals.join('; ')}`;
  if (confirmed.orphan && node && !hasFact(node, 'orphan'))
    return 'no longer an orphan (its server is visible again); not deleted';
  return null;
}
