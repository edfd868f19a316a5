/** `GET /v2/images`: filters, sorting, keyset pagination exactly as Glance v2 does them. */
import type { Caller } from '../context';
import { SimHttpError, urlencode } from '../http';
import type { SimImage } from '../state/model';
import { imageJson } from './glance-view';
import type { ListCache } from './list-cache';

export const SORT_KEYS = [
  'name',
  'status',
  'container_format',
  'disk_format',
  'size',
  'id',
  'created_at',
  'updated_at',
] as const;
type SortKey = (typeof SORT_KEYS)[number];
type SortSpec = { key: SortKey; dir: 'asc' | 'desc' }[];

const RESERVED = new Set([
  'limit',
  'marker',
  'sort_key',
  'sort_dir',
  'sort',
  'member_status',
  'visibility',
  'os_hidden',
  'tag',
]);
const DEFAULT_LIMIT = 25;
const MAX_LIMIT = 1000;

function bad(message: string): SimHttpError {
  return new SimHttpError(400, message);
}

function sortValue(img: SimImage, key: SortKey): string | number | null {
  switch (key) {
    case 'name':
      return img.name;
    case 'status':
      return img.status;
    case 'container_format':
      return img.containerFormat;
    case 'disk_format':
      return img.diskFormat;
    case 'size':
      return img.size;
    case 'id':
      return img.id;
    case 'created_at':
      return img.createdAt;
    case 'updated_at':
      return img.updatedAt;
  }
}

function compareValues(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

export function comparator(spec: SortSpec): (a: SimImage, b: SimImage) => number {
  return (a, b) => {
    for (const { key, dir } of spec) {
      const c = compareValues(sortValue(a, key), sortValue(b, key));
      if (c !== 0) return dir === 'asc' ? c : -c;
    }
    return 0;
  };
}

function checkKey(k: string): SortKey {
  if (!(SORT_KEYS as readonly string[]).includes(k)) {
    throw bad(`Invalid sort key: ${k}. It must be one of the following: ${SORT_KEYS.join(', ')}.`);
  }
  return k as SortKey;
}

function checkDir(d: string): 'asc' | 'desc' {
  if (d !== 'asc' && d !== 'desc')
    throw bad(`Invalid sort direction: ${d}. It must be one of the following: asc, desc.`);
  return d;
}

export function parseSort(q: URLSearchParams): SortSpec {
  const sort = q.get('sort');
  const keys = q.getAll('sort_key');
  const dirs = q.getAll('sort_dir');
  let spec: SortSpec = [];
  // Glance's tie-breakers (created_at, then id) go the way of the one direction given, else desc
  // (glance/db/sqlalchemy/api.py image_get_all): an oldest-first listing is the exact reverse of the default.
  let tieDir: 'asc' | 'desc' = 'desc';
  if (sort !== null) {
    if (keys.length || dirs.length)
      throw bad('Sort parameter cannot be used together with sort_key and sort_dir.');
    for (const part of sort.split(',')) {
      const [k, d] = part.trim().split(':');
      spec.push({ key: checkKey(k ?? ''), dir: checkDir(d ?? 'desc') });
    }
    if (spec.length === 1) tieDir = spec[0]!.dir;
  } else {
    if (dirs.length > 1 && dirs.length !== keys.length)
      throw bad('Number of sort dirs does not match the number of sort keys');
    const dirList = dirs.map(checkDir);
    spec = keys.map((k, i) => ({ key: checkKey(k), dir: dirList[i] ?? dirList[0] ?? 'desc' }));
    if (spec.length === 0) spec = [{ key: 'created_at', dir: dirList[0] ?? 'desc' }];
    if (dirList.length === 1) tieDir = dirList[0]!;
  }
  if (!spec.some((s) => s.key === 'created_at')) spec.push({ key: 'created_at', dir: tieDir });
  if (!spec.some((s) => s.key === 'id')) spec.push({ key: 'id', dir: tieDir });
  return spec;
}

/** Glance's `in:` list: comma separated, values may be double-quoted. */
export function parseIn(value: string): string[] | null {
  if (!value.startsWith('in:')) return null;
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (const ch of value.slice(3)) {
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function matcher(value: string): (v: string | null | undefined) => boolean {
  const list = parseIn(value);
  if (list) return (v) => v != null && list.includes(v);
  return (v) => v === value;
}

type TimeOp = 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq';

function timeFilter(name: string, value: string): (t: number) => boolean {
  const m = /^(gt|gte|lt|lte|eq|neq):(.+)$/.exec(value);
  const op = (m?.[1] ?? 'eq') as TimeOp;
  const ts = Date.parse(m ? m[2]! : value);
  if (Number.isNaN(ts)) throw bad(`Unable to filter on a range with a nonsensical value. ${name}=${value}`);
  const t0 = Math.floor(ts / 1000) * 1000;
  return (t) => {
    const s = Math.floor(t / 1000) * 1000;
    switch (op) {
      case 'gt':
        return s > t0;
      case 'gte':
        return s >= t0;
      case 'lt':
        return s < t0;
      case 'lte':
        return s <= t0;
      case 'eq':
        return s === t0;
      case 'neq':
        return s !== t0;
    }
  };
}

function boolParam(name: string, v: string): boolean {
  const l = v.toLowerCase();
  if (['true', '1', 'yes', 'on'].includes(l)) return true;
  if (['false', '0', 'no', 'off'].includes(l)) return false;
  throw bad(`Invalid value '${v}' for parameter '${name}'.`);
}

function intParam(name: string, v: string): number {
  if (!/^-?\d+$/.test(v.trim())) throw bad(`${name} param must be an integer`);
  return parseInt(v, 10);
}

type Pred = (img: SimImage) => boolean;

function visibilityPredicate(c: Caller, q: URLSearchParams): Pred {
  const vis = q.get('visibility');
  const ms = q.get('member_status') ?? 'accepted';
  if (!['accepted', 'pending', 'rejected', 'all'].includes(ms)) throw bad(`Invalid status value: ${ms}`);
  const memberOk = (img: SimImage): boolean => {
    const m = img.members.get(c.projectId);
    return m !== undefined && (ms === 'all' || m.status === ms);
  };
  const mine = (img: SimImage): boolean => img.owner === c.projectId;
  const defaultList = (img: SimImage): boolean =>
    c.isAdmin || mine(img) || img.visibility === 'public' || (img.visibility === 'shared' && memberOk(img));
  switch (vis) {
    case null:
      return defaultList;
    case 'public':
    case 'community':
      return (img) => img.visibility === vis;
    case 'private':
      return (img) => img.visibility === 'private' && (c.isAdmin || mine(img));
    case 'shared':
      return (img) => img.visibility === 'shared' && (c.isAdmin || mine(img) || memberOk(img));
    case 'all':
      return (img) => defaultList(img) || img.visibility === 'community';
    default:
      throw bad(`Invalid visibility value: ${vis}`);
  }
}

function buildPredicates(c: Caller, q: URLSearchParams): Pred[] {
  const preds: Pred[] = [visibilityPredicate(c, q)];
  const hidden = q.get('os_hidden');
  const wantHidden = hidden === null ? false : boolParam('os_hidden', hidden);
  preds.push((img) => img.osHidden === wantHidden);
  const tags = q.getAll('tag');
  if (tags.length) preds.push((img) => tags.every((t) => img.tags.includes(t)));
  const seen = new Set<string>();
  for (const [name, value] of q) {
    if (RESERVED.has(name) || seen.has(name)) continue;
    seen.add(name);
    switch (name) {
      case 'name': {
        const m = matcher(value);
        preds.push((img) => m(img.name));
        break;
      }
      case 'id':
      case 'status':
      case 'owner':
      case 'disk_format':
      case 'container_format':
      case 'checksum':
      case 'os_hash_value': {
        const m = matcher(value);
        const get: Record<string, (i: SimImage) => string | null> = {
          id: (i) => i.id,
          status: (i) => i.status,
          owner: (i) => i.owner,
          disk_format: (i) => i.diskFormat,
          container_format: (i) => i.containerFormat,
          checksum: (i) => i.checksum,
          os_hash_value: (i) => i.osHashValue,
        };
        const g = get[name]!;
        preds.push((img) => m(g(img)));
        break;
      }
      case 'protected': {
        const b = boolParam('protected', value);
        preds.push((img) => img.protected === b);
        break;
      }
      case 'created_at': {
        const f = timeFilter(name, value);
        preds.push((img) => f(img.createdAt));
        break;
      }
      case 'updated_at': {
        const f = timeFilter(name, value);
        preds.push((img) => f(img.updatedAt));
        break;
      }
      case 'size_min': {
        const n = intParam(name, value);
        preds.push((img) => img.size !== null && img.size >= n);
        break;
      }
      case 'size_max': {
        const n = intParam(name, value);
        preds.push((img) => img.size !== null && img.size <= n);
        break;
      }
      default: {
        const m = matcher(value);
        preds.push((img) => m(img.props[name]));
      }
    }
  }
  return preds;
}

function sortedImages(all: Map<string, SimImage>, spec: SortSpec, cache: ListCache<SimImage>): SimImage[] {
  const key = spec.map((s) => `${s.key}:${s.dir}`).join(',');
  return cache.order(key, () => [...all.values()].sort(comparator(spec)));
}

/** The first index whose image sorts after `m`: keyset pagination (`sorted` is in `cmp` order). */
function after(sorted: SimImage[], m: SimImage, cmp: (a: SimImage, b: SimImage) => number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cmp(sorted[mid]!, m) > 0) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The body of `GET /v2/images` as JSON text, in the key order `JSON.stringify` gives a `GlanceImageList`. */
export function listImagesText(
  c: Caller,
  url: URL,
  images: Map<string, SimImage>,
  canSee: (img: SimImage) => boolean,
  cache: ListCache<SimImage>,
): string {
  const q = url.searchParams;
  let limit = DEFAULT_LIMIT;
  const rawLimit = q.get('limit');
  if (rawLimit !== null) {
    limit = intParam('limit', rawLimit);
    if (limit < 0) throw bad('limit param must be positive');
    limit = Math.min(limit, MAX_LIMIT);
  }
  const spec = parseSort(q);
  const preds = buildPredicates(c, q);
  const sorted = sortedImages(images, spec, cache);
  const marker = q.get('marker');
  let start = 0;
  if (marker !== null) {
    const m = images.get(marker);
    if (!m || !canSee(m)) throw bad(`No image found with ID ${marker}`);
    start = after(sorted, m, comparator(spec));
  }
  const page: SimImage[] = [];
  for (let i = start; i < sorted.length && page.length < limit; i++) {
    const img = sorted[i]!;
    if (preds.every((p) => p(img))) page.push(img);
  }
  const params = [...q].filter(([k]) => k !== 'marker');
  const qs = urlencode(params);
  const first = qs ? `/v2/images?${qs}` : '/v2/images';
  let text = `{"images":[${page.map((img) => cache.text('', img, imageJson)).join(',')}],"first":${JSON.stringify(first)},"schema":"/v2/schemas/images"`;
  // Like Glance: a full page always carries `next` (the following page may be empty).
  const last = page[page.length - 1];
  if (last && page.length === limit)
    text += `,"next":${JSON.stringify(`/v2/images?${urlencode([...params, ['marker', last.id]])}`)}`;
  return `${text}}`;
}
