/** Reads images and servers in parallel and builds the lineage graph for the viewer. */
import { buildLineage } from '../lineage';
import type { LineageGraph, Viewer } from '../lineage';
import type { NovaServer } from '../openstack/types';
import type { CloudChoice } from './args';
import type { CliCloud } from './cloud';
import { CliError } from './errors';

export interface LoadedLineage {
  graph: LineageGraph;
  viewer: Viewer;
}

export function viewerOf(cloud: CliCloud, choice: CloudChoice): Viewer {
  if (choice.allProjects && !cloud.info.isAdmin)
    throw new CliError(
      `--all-projects needs the admin role; ${cloud.info.user.name} has ${cloud.info.roles.join(', ') || 'no roles'} in project ${cloud.info.project?.name ?? '(none)'}`,
    );
  return {
    projectId: cloud.info.project?.id ?? null,
    isAdmin: cloud.info.isAdmin,
    allProjects: choice.allProjects,
  };
}

/** Servers of the viewer's scope, plus (admins with all projects) the deleted servers Nova still lists. */
export async function loadServers(
  cloud: CliCloud,
  viewer: Viewer,
): Promise<{ servers: NovaServer[]; deletedServers: NovaServer[] }> {
  const all = viewer.isAdmin && viewer.allProjects;
  const [servers, deleted] = await Promise.all([
    cloud.listServers({ allTenants: all, deleted: false }),
    all ? cloud.listServers({ allTenants: true, deleted: true }) : Promise.resolve([]),
  ]);
  const live = new Set(servers.map((s) => s.id));
  return { servers, deletedServers: deleted.filter((s) => !live.has(s.id)) };
}

export async function loadLineage(cloud: CliCloud, choice: CloudChoice): Promise<LoadedLineage> {
  const viewer = viewerOf(cloud, choice);
  const [images, { servers, deletedServers }] = await Promise.all([
    cloud.listImages(),
    loadServers(cloud, viewer),
  ]);
  return { graph: buildLineage({ images, servers, deletedServers, viewer }), viewer };
}
