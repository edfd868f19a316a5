/**
 * clouds.yaml / secure.yaml / OS_* loading with openstacksdk's rules, normalised to a `CloudConfig`.
 * Node only. Returns null when nothing is configured (the app then runs its demo simulator); throws a
 * one-line `config_error` for anything configured wrongly.
 */
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import type { AuthType, CloudAuth, CloudConfig, EndpointInterface } from './cloud-config';
import { OpenStackError } from './errors';
import { isRecord } from './json-value';

export interface LoadCloudConfigOptions {
  /** Cloud name; overrides OS_CLOUD. */
  cloud?: string;
  /** Defaults to process.env. */
  env?: Record<string, string | undefined>;
  /** Where `./clouds.yaml` is looked for; defaults to process.cwd(). */
  cwd?: string;
  /** Home directory for `~/.config/openstack`; defaults to os.homedir(). */
  home?: string;
  /** The system directory; defaults to /etc/openstack (tests point it elsewhere). */
  systemDir?: string;
}

const CLOUDS_NAMES = ['clouds.yaml', 'clouds.yml'];
const SECURE_NAMES = ['secure.yaml', 'secure.yml'];
const AUTH_KEYS: readonly (keyof CloudAuth)[] = [
  'auth_url',
  'username',
  'user_id',
  'password',
  'user_domain_name',
  'user_domain_id',
  'project_name',
  'project_id',
  'project_domain_name',
  'project_domain_id',
  'application_credential_id',
  'application_credential_name',
  'application_credential_secret',
  'token',
];

export function configError(message: string): OpenStackError {
  return new OpenStackError({
    code: 'config_error',
    message,
    service: 'proxy',
    status: 400,
    requestId: null,
  });
}

export function loadCloudConfig(opts: LoadCloudConfigOptions = {}): CloudConfig | null {
  const env = opts.env ?? process.env;
  const cwd = opts.cwd ?? process.cwd();
  const home = opts.home ?? os.homedir();
  const dirs = [cwd, path.join(home, '.config', 'openstack'), opts.systemDir ?? '/etc/openstack'];
  const forcedTest = env.GLANCE_LINEAGE_TEST_CLOUD === '1';

  const cloudName = nonEmpty(opts.cloud) ?? nonEmpty(env.OS_CLOUD);
  const explicitFile = nonEmpty(env.OS_CLIENT_CONFIG_FILE);
  if (explicitFile && !existsSync(path.resolve(cwd, explicitFile)))
    throw configError(`OS_CLIENT_CONFIG_FILE names ${explicitFile}, which does not exist`);
  const cloudsFile = explicitFile ? path.resolve(cwd, explicitFile) : firstExisting(dirs, CLOUDS_NAMES);

  if (!cloudName) {
    if (nonEmpty(env.OS_AUTH_URL)) return normalise('env', entryFromEnv(env), 'environment', forcedTest);
    return null;
  }

  if (!cloudsFile) {
    if (cloudName === 'envvars' && nonEmpty(env.OS_AUTH_URL))
      return normalise('env', entryFromEnv(env), 'environment', forcedTest);
    throw configError(
      `cloud '${cloudName}' was asked for, but no clouds.yaml was found (looked in ${dirs.join(', ')}; or set OS_CLIENT_CONFIG_FILE)`,
    );
  }

  const clouds = cloudsOf(readYaml(cloudsFile), cloudsFile);
  const entry = clouds[cloudName];
  if (!isRecord(entry)) {
    const names = Object.keys(clouds);
    throw configError(
      `cloud '${cloudName}' is not in ${cloudsFile} (${names.length ? `clouds there: ${names.join(', ')}` : 'it defines no clouds'})`,
    );
  }

  const secureFile = nonEmpty(env.OS_CLIENT_SECURE_FILE)
    ? path.resolve(cwd, env.OS_CLIENT_SECURE_FILE!)
    : firstExisting(dirs, SECURE_NAMES);
  let merged: Record<string, unknown> = entry;
  if (secureFile && existsSync(secureFile)) {
    const secureEntry = cloudsOf(readYaml(secureFile), secureFile)[cloudName];
    if (isRecord(secureEntry)) merged = deepMerge(entry, secureEntry);
  }
  return normalise(cloudName, merged, cloudsFile, forcedTest);
}

function normalise(
  name: string,
  entry: Record<string, unknown>,
  source: string,
  forcedTest: boolean,
): CloudConfig {
  const where = source === 'environment' ? 'the OS_* variables' : `cloud '${name}' in ${source}`;
  const rawAuth = isRecord(entry.auth) ? entry.auth : {};
  const auth: Partial<CloudAuth> = {};
  for (const key of AUTH_KEYS) {
    const v = rawAuth[key];
    if (typeof v === 'string' && v !== '') auth[key] = v;
    else if (typeof v === 'number') auth[key] = String(v);
  }
  if (!auth.auth_url) throw configError(`${where}: missing auth_url`);
  const authUrl = auth.auth_url;
  if (!/^https?:\/\//i.test(authUrl))
    throw configError(`${where}: auth_url must start with http:// or https:// (got '${authUrl}')`);

  const authType = authTypeOf(entry.auth_type, auth, where);
  if (authType === 'password') {
    if (!auth.username && !auth.user_id)
      throw configError(`${where}: password auth needs a username or user_id`);
    if (!auth.password)
      throw configError(`${where}: password auth needs a password (clouds.yaml, secure.yaml or OS_PASSWORD)`);
  } else if (authType === 'v3applicationcredential') {
    if (!auth.application_credential_secret)
      throw configError(`${where}: application credential auth needs application_credential_secret`);
    if (
      !auth.application_credential_id &&
      !(auth.application_credential_name && (auth.username || auth.user_id))
    )
      throw configError(
        `${where}: application credential auth needs application_credential_id (or its name plus username/user_id)`,
      );
  } else if (!auth.token) {
    throw configError(`${where}: token auth needs a token (OS_TOKEN)`);
  }

  return {
    name,
    authType,
    auth: auth as CloudAuth,
    regionName: regionOf(entry),
    interface: interfaceOf(entry.interface ?? entry.endpoint_type, where),
    cacert: typeof entry.cacert === 'string' && entry.cacert ? entry.cacert : null,
    verify: !(isFalse(entry.verify) || isTrue(entry.insecure)),
    testCloud: forcedTest || (isRecord(entry.glance_lineage) && isTrue(entry.glance_lineage.test_cloud)),
    source,
  };
}

function authTypeOf(raw: unknown, auth: Partial<CloudAuth>, where: string): AuthType {
  if (raw === undefined || raw === null || raw === '') {
    if (auth.application_credential_secret) return 'v3applicationcredential';
    if (auth.token && !auth.password) return 'token';
    return 'password';
  }
  const t = scalarText(raw).toLowerCase().replace(/-/g, '_');
  if (t === 'password' || t === 'v3password') return 'password';
  if (t === 'v3applicationcredential' || t === 'application_credential' || t === 'v3_application_credential')
    return 'v3applicationcredential';
  if (t === 'token' || t === 'v3token') return 'token';
  throw configError(
    `${where}: auth_type '${scalarText(raw)}' is not supported (use password, v3applicationcredential or token)`,
  );
}

function regionOf(entry: Record<string, unknown>): string | null {
  if (typeof entry.region_name === 'string' && entry.region_name) return entry.region_name;
  // openstacksdk also accepts `regions: [RegionOne, ...]` or `regions: [{name: RegionOne}]`; the first one wins.
  if (Array.isArray(entry.regions) && entry.regions.length > 0) {
    const first: unknown = entry.regions[0];
    if (typeof first === 'string') return first;
    if (isRecord(first) && typeof first.name === 'string') return first.name;
  }
  return null;
}

function interfaceOf(raw: unknown, where: string): EndpointInterface {
  if (raw === undefined || raw === null || raw === '') return 'public';
  const v = scalarText(raw).toLowerCase().replace(/url$/, '');
  if (v === 'public' || v === 'internal' || v === 'admin') return v;
  throw configError(`${where}: interface '${scalarText(raw)}' is not one of public, internal, admin`);
}

function entryFromEnv(env: Record<string, string | undefined>): Record<string, unknown> {
  const pick = (...names: string[]): string | undefined => {
    for (const n of names) {
      const v = nonEmpty(env[n]);
      if (v) return v;
    }
    return undefined;
  };
  const auth: Record<string, string | undefined> = {
    auth_url: pick('OS_AUTH_URL'),
    username: pick('OS_USERNAME'),
    user_id: pick('OS_USER_ID'),
    password: pick('OS_PASSWORD'),
    user_domain_name: pick('OS_USER_DOMAIN_NAME'),
    user_domain_id: pick('OS_USER_DOMAIN_ID'),
    project_name: pick('OS_PROJECT_NAME', 'OS_TENANT_NAME'),
    project_id: pick('OS_PROJECT_ID', 'OS_TENANT_ID'),
    project_domain_name: pick('OS_PROJECT_DOMAIN_NAME'),
    project_domain_id: pick('OS_PROJECT_DOMAIN_ID'),
    application_credential_id: pick('OS_APPLICATION_CREDENTIAL_ID'),
    application_credential_name: pick('OS_APPLICATION_CREDENTIAL_NAME'),
    application_credential_secret: pick('OS_APPLICATION_CREDENTIAL_SECRET'),
    token: pick('OS_TOKEN'),
  };
  return {
    auth,
    auth_type: pick('OS_AUTH_TYPE'),
    region_name: pick('OS_REGION_NAME'),
    interface: pick('OS_INTERFACE', 'OS_ENDPOINT_TYPE'),
    cacert: pick('OS_CACERT'),
    insecure: pick('OS_INSECURE'),
  };
}

function readYaml(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw configError(`cannot read ${file}: ${(e as Error).message}`);
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, lineCounter });
  const first = doc.errors[0];
  if (first) {
    const line = lineCounter.linePos(first.pos[0]).line;
    const what = first.message.split('\n')[0] ?? 'syntax error';
    throw configError(`malformed YAML in ${file}${line ? ` at line ${line}` : ''}: ${what}`);
  }
  return doc.toJS() as unknown;
}

function cloudsOf(doc: unknown, file: string): Record<string, unknown> {
  if (doc === null || doc === undefined) return {};
  if (!isRecord(doc)) throw configError(`${file} must be a mapping with a 'clouds:' key`);
  if (doc.clouds === undefined || doc.clouds === null) return {};
  if (!isRecord(doc.clouds)) throw configError(`${file}: 'clouds:' must be a mapping of cloud names`);
  return doc.clouds;
}

function firstExisting(dirs: string[], names: string[]): string | null {
  for (const dir of dirs) {
    for (const n of names) {
      const p = path.join(dir, n);
      if (existsSync(p)) return p;
    }
  }
  return null;
}

function deepMerge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isRecord(b) && isRecord(v) ? deepMerge(b, v) : v;
  }
  return out;
}

function scalarText(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
    ? String(v)
    : JSON.stringify(v);
}

function nonEmpty(v: string | undefined): string | undefined {
  return v !== undefined && v.trim() !== '' ? v : undefined;
}

function isTrue(v: unknown): boolean {
  return v === true || (typeof v === 'string' && /^(1|true|yes|on)$/i.test(v.trim()));
}

function isFalse(v: unknown): boolean {
  return v === false || (typeof v === 'string' && /^(0|false|no|off)$/i.test(v.trim()));
}
