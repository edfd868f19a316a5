/**
 * The proxy is not an open relay: it forwards only the method + path pairs the app itself uses.
 * Each allowed route names the audit action it stands for and which path segments are target ids.
 */
import type { ApiService } from '../openstack/transport';

export type MutatingMethod = 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface AllowedRoute {
  service: ApiService;
  method: string;
  /** Audit action, e.g. 'image.delete'; reads are named too ('image.list') but not audited. */
  action: string;
  /** Ids taken from the path (image id, server id, tag). */
  targets: string[];
  /** Nova server actions: the one body key that is allowed (createImage, shelve, ...). */
  bodyKeys?: readonly string[];
}

/** UUIDs and the like; no dots or escapes so nothing can climb out of the path. */
const ID = '([0-9A-Za-z][0-9A-Za-z_-]{0,127})';
/** Tags are free text, percent-encoded in the path; checked again after decoding below. */
const TAG = '([^/]{1,255})';

interface RouteRule {
  method: string;
  pattern: RegExp;
  action: string;
  bodyKeys?: readonly string[];
}

const rules: Record<ApiService, RouteRule[]> = {
  image: [
    { method: 'GET', pattern: /^\/v2\/images$/, action: 'image.list' },
    { method: 'POST', pattern: /^\/v2\/images$/, action: 'image.create' },
    { method: 'GET', pattern: new RegExp(`^/v2/images/${ID}$`), action: 'image.show' },
    { method: 'PATCH', pattern: new RegExp(`^/v2/images/${ID}$`), action: 'image.update' },
    { method: 'DELETE', pattern: new RegExp(`^/v2/images/${ID}$`), action: 'image.delete' },
    { method: 'GET', pattern: new RegExp(`^/v2/images/${ID}/file$`), action: 'image.download' },
    { method: 'PUT', pattern: new RegExp(`^/v2/images/${ID}/file$`), action: 'image.upload' },
    { method: 'PUT', pattern: new RegExp(`^/v2/images/${ID}/tags/${TAG}$`), action: 'image.tag.add' },
    { method: 'DELETE', pattern: new RegExp(`^/v2/images/${ID}/tags/${TAG}$`), action: 'image.tag.remove' },
    {
      method: 'POST',
      pattern: new RegExp(`^/v2/images/${ID}/actions/deactivate$`),
      action: 'image.deactivate',
    },
    {
      method: 'POST',
      pattern: new RegExp(`^/v2/images/${ID}/actions/reactivate$`),
      action: 'image.reactivate',
    },
    { method: 'GET', pattern: new RegExp(`^/v2/images/${ID}/members$`), action: 'image.members' },
    { method: 'GET', pattern: /^\/v2\/schemas(\/[a-z_-]{1,64}){1,2}$/, action: 'image.schema' },
  ],
  compute: [
    { method: 'GET', pattern: /^\/servers$/, action: 'server.list' },
    { method: 'GET', pattern: /^\/servers\/detail$/, action: 'server.list' },
    { method: 'GET', pattern: new RegExp(`^/servers/${ID}$`), action: 'server.show' },
    {
      method: 'POST',
      pattern: new RegExp(`^/servers/${ID}/action$`),
      action: 'server.action',
      bodyKeys: ['createImage', 'shelve', 'shelveOffload', 'unshelve'],
    },
    { method: 'GET', pattern: /^\/flavors$/, action: 'flavor.list' },
    { method: 'GET', pattern: /^\/flavors\/detail$/, action: 'flavor.list' },
  ],
};

function safeDecode(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * The allowed route for `method` + `path` (path relative to the service endpoint, without query), or null.
 * Decoded ids must not contain '/', '\\' or be a dot segment.
 */
export function matchRoute(service: string, method: string, path: string): AllowedRoute | null {
  if (service !== 'image' && service !== 'compute') return null;
  for (const rule of rules[service]) {
    if (rule.method !== method) continue;
    const m = rule.pattern.exec(path);
    if (!m) continue;
    const targets: string[] = [];
    for (const raw of m.slice(1)) {
      if (raw === undefined || raw.startsWith('/')) continue; // schema sub-path groups are not ids
      const decoded = safeDecode(raw);
      if (decoded === null || /[/\\]/.test(decoded) || decoded === '.' || decoded === '..') return null;
      targets.push(decoded);
    }
    return {
      service,
      method,
      action: rule.action,
      targets,
      ...(rule.bodyKeys ? { bodyKeys: rule.bodyKeys } : {}),
    };
  }
  return null;
}

export function isMutating(method: string): method is MutatingMethod {
  return method === 'POST' || method === 'PUT' || method === 'PATCH' || method === 'DELETE';
}

/** `server.action` resolved by the body's single key: `{"createImage": {...}}` → 'server.createImage'. */
export function serverActionName(body: unknown, allowed: readonly string[]): string | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const keys = Object.keys(body);
  if (keys.length !== 1) return null;
  const key = keys[0]!;
  return allowed.includes(key) ? `server.${key}` : null;
}
