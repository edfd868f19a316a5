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
}

export const USAGE = `Usage: npm start -- [options]
  --port N             port to listen on (default $GLANCE_LINEAGE_PORT or ${DEFAULT_PORT}; 0 = any free port)
  --host ADDR          address to bind (default 127.0.0.1)
  --cloud NAME         clouds.yaml entry (default $OS_CLOUD, then OS_* variables; none = demo simulator)
  --demo               use the built-in simulator even if a cloud is configured
  --demo-user NAME     simulator user: admin (default), demo, alt, auditor
  --read-only          refuse every change (also GLANCE_LINEAGE_READ_ONLY=1)
  --test-controls      demo only: enable /api/_sim/* (reset scenario, faults, token expiry) for tests
  --allow-host NAME    also accept this Host name (repeatable; DNS-rebinding allowlist)
  --audit-file PATH    audit log file (default .audit/audit.jsonl; also GLANCE_LINEAGE_AUDIT_FILE)
  --verbose            log one line per request (tokens redacted)`;

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
