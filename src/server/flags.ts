/** The flags of `npm start` / `tsx src/server/main.ts`, parsed without side effects (tested on their own). */
import { parseArgs } from 'node:util';

export const DEFAULT_PORT = 8375;
export type DemoUser = 'admin' | 'demo' | 'alt' | 'auditor';
const DEMO_USERS: readonly string[] = ['admin', 'demo', 'alt', 'auditor'];

export interface ServerFlags {
  port: number;
  host: string;
  cloud: string | null;
  demo: boolean;
  demoUser: DemoUser;
  readOnly: boolean;
  testControls: boolean;
  allowHosts: string[];
  auditFile: string | null;
  verbose: boolean;
  help: boolean;
  /** Team mode: people sign in with their own Keystone credentials (see src/server/team). */
  team: boolean;
  /** Team mode: end a session after this many minutes without a request. */
  idleMinutes: number;
  /** Team mode: always mark the session cookie Secure (the browser reaches the proxy over TLS). */
  secureCookies: boolean;
  /** Believe X-Forwarded-Proto / X-Forwarded-For from the reverse proxy in front. */
  trustProxy: boolean;
  /** Team mode: keep sessions in this directory, shared by replicas (null: in memory, per process). */
  sessionDir: string | null;
}

export const DEFAULT_IDLE_MINUTES = 30;

export const USAGE = `Usage: npm start -- [options]
  --port N             port to listen on (default $GLANCE_LINEAGE_PORT or ${DEFAULT_PORT}; 0 = any free port)
  --host ADDR          address to bind (default 127.0.0.1)
  --cloud NAME         clouds.yaml entry (default $OS_CLOUD, then OS_* variables; none = demo simulator)
  --demo               use the built-in simulator even if a cloud is configured
  --demo-user NAME     simulator user: admin (default), demo, alt, auditor
  --read-only          refuse every change (also GLANCE_LINEAGE_READ_ONLY=1)
  --test-controls      demo only: enable /api/_sim/* (reset scenario, faults, token expiry, memory) for tests
  --allow-host NAME    also accept this Host name (repeatable; DNS-rebinding allowlist)
  --audit-file PATH    audit log file (default .audit/audit.jsonl; also GLANCE_LINEAGE_AUDIT_FILE)
  --verbose            log one line per request (tokens redacted)
  --team               team mode: a sign-in page, one Keystone session per person (also GLANCE_LINEAGE_TEAM=1)
  --idle-minutes N     team mode: end a session after N idle minutes (default ${DEFAULT_IDLE_MINUTES}; GLANCE_LINEAGE_IDLE_MINUTES)
  --secure-cookies     team mode: always mark the session cookie Secure (served over TLS)
  --session-dir DIR    team mode: sessions in DIR, shared by replicas (default: memory; GLANCE_LINEAGE_SESSION_DIR)
  --trust-proxy        believe X-Forwarded-Proto/-For from the TLS reverse proxy in front (GLANCE_LINEAGE_TRUST_PROXY=1)`;

export class FlagError extends Error {}

function parsePort(v: string, what: string): number {
  const n = Number(v);
  if (!/^\d+$/.test(v) || n > 65535) throw new FlagError(`${what} must be a port number 0-65535, got '${v}'`);
  return n;
}

export function parseServerFlags(
  argv: readonly string[],
  env: Record<string, string | undefined>,
): ServerFlags {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        cloud: { type: 'string' },
        demo: { type: 'boolean' },
        'demo-user': { type: 'string' },
        'read-only': { type: 'boolean' },
        'test-controls': { type: 'boolean' },
        'allow-host': { type: 'string', multiple: true },
        'audit-file': { type: 'string' },
        verbose: { type: 'boolean' },
        team: { type: 'boolean' },
        'idle-minutes': { type: 'string' },
        'secure-cookies': { type: 'boolean' },
        'trust-proxy': { type: 'boolean' },
        'session-dir': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (e) {
    throw new FlagError(e instanceof Error ? e.message : String(e));
  }
  const port =
    values.port !== undefined
      ? parsePort(values.port, '--port')
      : env.GLANCE_LINEAGE_PORT
        ? parsePort(env.GLANCE_LINEAGE_PORT, 'GLANCE_LINEAGE_PORT')
        : DEFAULT_PORT;
  const demoUser = values['demo-user'] ?? 'admin';
  if (!DEMO_USERS.includes(demoUser))
    throw new FlagError(`--demo-user must be one of ${DEMO_USERS.join(', ')}, got '${demoUser}'`);
  if (values.demo && values.cloud) throw new FlagError('--demo and --cloud exclude each other');
  const idleText = values['idle-minutes'] ?? env.GLANCE_LINEAGE_IDLE_MINUTES;
  const idleMinutes = idleText === undefined ? DEFAULT_IDLE_MINUTES : Number(idleText);
  if (idleText !== undefined && (!/^\d+(\.\d+)?$/.test(idleText) || idleMinutes <= 0))
    throw new FlagError(`--idle-minutes must be a positive number of minutes, got '${idleText}'`);
  if (values['session-dir'] !== undefined && !(values.team ?? false) && env.GLANCE_LINEAGE_TEAM !== '1')
    throw new FlagError('--session-dir is for team mode: add --team');
  return {
    port,
    host: values.host ?? '127.0.0.1',
    cloud: values.cloud ?? null,
    demo: values.demo ?? false,
    demoUser: demoUser as DemoUser,
    readOnly: (values['read-only'] ?? false) || env.GLANCE_LINEAGE_READ_ONLY === '1',
    testControls: values['test-controls'] ?? false,
    allowHosts: values['allow-host'] ?? [],
    auditFile: values['audit-file'] ?? env.GLANCE_LINEAGE_AUDIT_FILE ?? null,
    verbose: values.verbose ?? false,
    help: values.help ?? false,
    team: (values.team ?? false) || env.GLANCE_LINEAGE_TEAM === '1',
    idleMinutes,
    secureCookies: values['secure-cookies'] ?? false,
    trustProxy: (values['trust-proxy'] ?? false) || env.GLANCE_LINEAGE_TRUST_PROXY === '1',
    sessionDir: values['session-dir'] || env.GLANCE_LINEAGE_SESSION_DIR || null,
  };
}

/** The Host names to accept beyond loopback: an explicit non-wildcard bind address is one of them. */
export function extraAllowedHosts(flags: Pick<ServerFlags, 'host' | 'allowHosts'>): string[] {
  const loopback = ['127.0.0.1', 'localhost', '::1', '[::1]', '0.0.0.0', '::'];
  const bound = loopback.includes(flags.host)
    ? []
    : [flags.host.includes(':') ? `[${flags.host}]` : flags.host];
  return [...bound, ...flags.allowHosts];
}
