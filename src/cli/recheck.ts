/**
 * The last check before each delete of `clean --yes`: the image as Glance returns it now, against a server
 * list read just before the deletes started. Refuses what became unsafe since the plan was made.
 */
import { TRANSITIONAL_STATUSES, isShelvedImage, label } from '../lineage';
import type { GlanceImage, NovaServer } from '../openstack/types';

export interface PlannedImage {
  id: string;
  /** Owner when planned. */
  projectId: string | null;
  /** Planned because its server was gone. */
  orphan: boolean;
}

export function makeRecheck(
  planned: readonly PlannedImage[],
  freshServers: readonly NovaServer[],
): (image: GlanceImage) => string | null {
  const plan = new Map(planned.map((p) => [p.id, p]));
  const bootsFrom = new Map<string, NovaServer[]>();
  const byId = new Map<string, NovaServer>();
  for (const s of freshServers) {
    byId.set(s.id, s);
    if (s.status === 'DELETED' || s.image === '' || typeof s.image.id !== 'string') continue;
    const list = bootsFrom.get(s.image.id);
    if (list) list.push(s);
    else bootsFrom.set(s.image.id, [s]);
  }
  return (image) => {
    const p = plan.get(image.id);
    if (!p) return 'not in the confirmed plan';
    if (image.protected) return 'protected now';
    if (TRANSITIONAL_STATUSES.has(image.status)) return `its status is ${image.status} now`;
    if ((image.owner ?? null) !== p.projectId) return `its owner changed to ${image.owner ?? '(none)'}`;
    const users = bootsFrom.get(image.id);
    if (users && users.length > 0)
      return `in use now: ${users
        .slice(0, 3)
        .map((s) => label(s.name, s.id))
        .join(', ')} boot${users.length === 1 ? 's' : ''} from it`;
    const instance = typeof image.instance_uuid === 'string' ? image.instance_uuid : undefined;
    const server = instance !== undefined ? byId.get(instance) : undefined;
    if (server && isShelvedImage(image, server))
      return `shelve image of server ${label(server.name, server.id)} (${server.status}) now`;
    if (server && p.orphan && server.status !== 'DELETED')
      return `its server ${label(server.name, server.id)} exists again (${server.status})`;
    return null;
  };
}
