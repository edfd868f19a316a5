/**
 * `GET /api/projects`: the id and name of every project the session may know of, so the app can show names
 * instead of ids. Admins get Keystone's `GET /v3/projects` (every project); anyone else, or an admin whose
 * policy refuses that list, gets `GET /v3/auth/projects` (the projects they have a role on).
 */
import type { Hono } from 'hono';
import { toEnvelope } from '../openstack/error-mapping';
import { isOpenStackError } from '../openstack/errors';
import type { KeystoneProject } from '../openstack/types';
import type { AppDeps, AppEnv } from './app-deps';
import { envelopeResponse } from './envelope-response';
import { currentPerson } from './team/request-person';

/** What `GET /api/projects` answers, sorted by name. */
export interface ProjectName {
  id: string;
  name: string;
}

/** A Keystone session that can list projects (KeystoneSession; a team-mode person's session). */
interface ProjectSource {
  listProjects(): Promise<KeystoneProject[]>;
  listAllProjects?: () => Promise<KeystoneProject[]>;
}

function isProjectSource(x: unknown): x is ProjectSource {
  return typeof x === 'object' && x !== null && typeof (x as ProjectSource).listProjects === 'function';
}

/** Every project for an admin (falling back to their own on a 403), else the caller's own projects. */
export async function listProjectNames(source: ProjectSource, isAdmin: boolean): Promise<ProjectName[]> {
  let projects: KeystoneProject[] | null = null;
  if (isAdmin && source.listAllProjects) {
    try {
      projects = await source.listAllProjects();
    } catch (e) {
      if (!(isOpenStackError(e) && e.status === 403)) throw e;
    }
  }
  projects ??= await source.listProjects();
  return projects
    .map((p) => ({ id: p.id, name: p.name }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}

export function mountProjectRoutes(app: Hono<AppEnv>, deps: AppDeps): void {
  app.get('/api/projects', async (c) => {
    const requestId = c.get('requestId');
    try {
      const source = currentPerson()?.person ?? deps.upstream;
      if (!isProjectSource(source)) return c.json([] as ProjectName[]);
      return c.json(await listProjectNames(source, deps.upstream.info().isAdmin));
    } catch (e) {
      const env = toEnvelope(e, 'identity');
      return envelopeResponse({ ...env, requestId: env.requestId ?? requestId }, requestId);
    }
  });
}
