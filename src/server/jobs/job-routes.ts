/**
 * The job API, for the browser and for scripts (benchmarks, real-lab tests):
 *   POST /api/jobs/bulk-delete {ids, concurrency?, allProjects?, recheckMaxAgeMs?} → 202 {jobId, job}
 *   POST /api/jobs/copy-image {sourceId, name?}                                   → 202 {jobId, job}
 *   GET  /api/jobs                          → {jobs: JobSummary[]} (newest first)
 *   GET  /api/jobs/:id                      → JobView (status, progress, items)
 *   POST /api/jobs/:id/{pause,resume,cancel,retry} → JobView, or 409 with the reason
 *   GET  /api/jobs/:id/report[?format=csv]  → the report as a download
 * Mutating routes pass the app's CSRF/Host checks like any other, are refused in read-only mode, and are
 * audited; every upstream mutation a job makes is audited as it happens.
 */
import type { Context, Hono } from 'hono';
import { hasFact } from '../../lineage';
import type { Viewer } from '../../lineage';
import { toEnvelope } from '../../openstack/error-mapping';
import type { ErrorCode } from '../../openstack/errors';
import { GlanceClient } from '../../openstack/glance';
import { NovaClient } from '../../openstack/nova';
import type { AppDeps, AppEnv } from '../app-deps';
import { envelopeResponse, proxyEnvelope } from '../envelope-response';
import { BulkDeleteJob, DEFAULT_CONCURRENCY, MAX_CONCURRENCY } from './bulk-delete-job';
import type { JobCommand } from '../../wire/jobs';
import { CopyImageJob } from './copy-image-job';
import { freshLineageSource } from './fresh-lineage';
import { jobAudit } from './job-audit';
import { JobRegistry } from './job-registry';
import { jobReportCsv, jobReportJson } from './job-report';
import type { ConfirmedItem } from './recheck';

export const MAX_BULK_IDS = 10_000;
const ID = /^[0-9A-Za-z][0-9A-Za-z_-]{0,127}$/;

export interface JobRouteOptions {
  registry?: JobRegistry;
  /** Wait before the first retry of a failed request in a bulk delete (tests shorten it). */
  retryDelayMs?: number;
}

type Ctx = Context<AppEnv>;

async function jsonBody(c: Ctx): Promise<Record<string, unknown> | null> {
  try {
    const v: unknown = await c.req.json();
    return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The job owner key of the current request: the Keystone user id (per person in team mode). */
function ownerOf(deps: AppDeps): string {
  return deps.upstream.info().user.id;
}

function who(deps: AppDeps): { user: string; cloud: string; project: string | null } {
  const info = deps.upstream.info();
  return { user: info.user.name, cloud: info.cloud, project: info.project?.name ?? null };
}

export function mountJobRoutes(app: Hono<AppEnv>, deps: AppDeps, opts: JobRouteOptions = {}): JobRegistry {
  const registry = opts.registry ?? new JobRegistry();
  const audit = jobAudit(deps);
  const glance = new GlanceClient(deps.upstream);
  const nova = new NovaClient(deps.upstream);

  const fail = (
    c: Ctx,
    code: ErrorCode,
    status: number,
    message: string,
    action?: string,
    targets: string[] = [],
  ) => {
    const requestId = c.get('requestId');
    if (action)
      audit({
        action,
        method: c.req.method,
        path: c.req.path,
        targets,
        outcome: 'refused',
        status,
        requestId,
        code,
      });
    return envelopeResponse(proxyEnvelope(code, status, message, requestId), requestId);
  };
  const readOnly = (c: Ctx, action: string, targets: string[] = []) =>
    deps.settings.readOnly
      ? fail(c, 'read_only', 403, 'The proxy runs in read-only mode: changes are refused.', action, targets)
      : null;

  app.get('/api/jobs', (c) => c.json({ jobs: registry.list(ownerOf(deps)) }));

  app.post('/api/jobs/bulk-delete', async (c) => {
    const refused = readOnly(c, 'job.bulk-delete.start');
    if (refused) return refused;
    const body = await jsonBody(c);
    const ids = body?.ids;
    if (
      !Array.isArray(ids) ||
      ids.length === 0 ||
      ids.length > MAX_BULK_IDS ||
      !ids.every((i) => typeof i === 'string' && ID.test(i))
    )
      return fail(
        c,
        'bad_request',
        400,
        `Body must be {"ids": [image ids, 1 to ${MAX_BULK_IDS}], "concurrency"?: 1..${MAX_CONCURRENCY}}.`,
      );
    const concurrency = body?.concurrency ?? DEFAULT_CONCURRENCY;
    if (
      typeof concurrency !== 'number' ||
      !Number.isInteger(concurrency) ||
      concurrency < 1 ||
      concurrency > MAX_CONCURRENCY
    )
      return fail(c, 'bad_request', 400, `concurrency must be an integer from 1 to ${MAX_CONCURRENCY}.`);
    const maxAge = body?.recheckMaxAgeMs;
    if (maxAge !== undefined && (typeof maxAge !== 'number' || maxAge < 0 || maxAge > 600_000))
      return fail(
        c,
        'bad_request',
        400,
        'recheckMaxAgeMs must be a number of milliseconds from 0 to 600000.',
      );

    const info = deps.upstream.info();
    const allProjects = typeof body?.allProjects === 'boolean' ? body.allProjects : info.isAdmin;
    if (allProjects && !info.isAdmin)
      return fail(c, 'forbidden', 403, 'allProjects needs the admin role.', 'job.bulk-delete.start');
    const viewer: Viewer = { projectId: info.project?.id ?? null, isAdmin: info.isAdmin, allProjects };
    const fresh = freshLineageSource(glance, nova, viewer);
    let initial;
    try {
      initial = await fresh.get(0);
    } catch (e) {
      const env = { ...toEnvelope(e, 'image') };
      env.requestId ??= c.get('requestId');
      return envelopeResponse(
        { ...env, message: `Could not read the cloud to confirm the set: ${env.message}` },
        c.get('requestId'),
      );
    }
    const confirmed = new Map<string, ConfirmedItem>();
    const items = (ids as string[]).map((id) => {
      const node = initial.graph.nodes.get(id);
      confirmed.set(id, {
        id,
        owner: node?.image ? (node.image.owner ?? null) : null,
        orphan: node ? hasFact(node, 'orphan') : false,
      });
      return { id, name: node?.name ?? '' };
    });
    const job = new BulkDeleteJob({
      id: registry.newId(),
      glance,
      fresh,
      viewer,
      items,
      confirmed,
      concurrency,
      ...(maxAge !== undefined ? { recheckMaxAgeMs: maxAge } : {}),
      ...(opts.retryDelayMs !== undefined ? { retryDelayMs: opts.retryDelayMs } : {}),
      audit,
      who: who(deps),
    });
    registry.add(job, ownerOf(deps));
    job.start();
    return c.json({ jobId: job.id, job: job.view() }, 202);
  });

  app.post('/api/jobs/copy-image', async (c) => {
    const body = await jsonBody(c);
    const sourceId = body?.sourceId;
    const refused = readOnly(c, 'job.copy-image.start', typeof sourceId === 'string' ? [sourceId] : []);
    if (refused) return refused;
    const name = body?.name;
    if (
      typeof sourceId !== 'string' ||
      !ID.test(sourceId) ||
      (name !== undefined && (typeof name !== 'string' || name.length > 255))
    )
      return fail(
        c,
        'bad_request',
        400,
        'Body must be {"sourceId": image id, "name"?: string of at most 255 characters}.',
      );
    const job = new CopyImageJob({
      id: registry.newId(),
      glance,
      sourceId,
      ...(typeof name === 'string' && name.trim() ? { name: name.trim() } : {}),
      audit,
      who: who(deps),
    });
    registry.add(job, ownerOf(deps));
    job.start();
    return c.json({ jobId: job.id, job: job.view() }, 202);
  });

  app.get('/api/jobs/:id', (c) => {
    const job = registry.get(c.req.param('id'), ownerOf(deps));
    return job ? c.json(job.view()) : fail(c, 'not_found', 404, `No job ${c.req.param('id')} in this proxy.`);
  });

  app.get('/api/jobs/:id/report', (c) => {
    const job = registry.get(c.req.param('id'), ownerOf(deps));
    if (!job) return fail(c, 'not_found', 404, `No job ${c.req.param('id')} in this proxy.`);
    const csv = c.req.query('format') === 'csv';
    c.header('content-type', csv ? 'text/csv; charset=utf-8' : 'application/json; charset=utf-8');
    c.header(
      'content-disposition',
      `attachment; filename="glance-lineage-${job.id}.${csv ? 'csv' : 'json'}"`,
    );
    return c.body(csv ? jobReportCsv(job.view()) : jobReportJson(job.view()));
  });

  app.post('/api/jobs/:id/:cmd{pause|resume|cancel|retry}', (c) => {
    const id = c.req.param('id');
    const cmd = c.req.param('cmd') as JobCommand;
    const job = registry.get(id, ownerOf(deps));
    const action = `job.${job?.kind ?? 'unknown'}.${cmd}`;
    const refused = readOnly(c, action, [id]);
    if (refused) return refused;
    if (!job) return fail(c, 'not_found', 404, `No job ${id} in this proxy.`);
    const why = job.command(cmd);
    if (why) return fail(c, 'conflict', 409, why);
    return c.json(job.view());
  });

  return registry;
}
