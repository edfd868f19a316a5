/**
 * `npm start`: the proxy on 127.0.0.1:8375 serving the built SPA (dist/) and /api, on the configured cloud
 * or the built-in simulator. Errors at start are one line on stderr and exit code 1 (2 for bad flags).
 *
 * `npm start` runs it with V8's `--initial-heap-size=64` (MB; not allowed in NODE_OPTIONS, so it is on the
 * command line). Without it the proxy's heap stays at ~11 MB and V8 starts a full mark-compact about every
 * 200 ms while listings stream through: ~120 of them per 300 Glance pages, half the proxy's CPU (10 → 5.5 ms
 * per 1,000-image page, measured from /proc with the 50k simulator). Run it the same way in production.
 */
import { serveApp } from './node-serve';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { isOpenStackError } from '../openstack/errors';
import { createApp } from './app';
import { createFileAuditLog, DEFAULT_AUDIT_FILE } from './audit-log';
import { extraAllowedHosts, FlagError, parseServerFlags, USAGE } from './flags';
import { redactSecrets } from './headers';
import { describeUpstream, openUpstream } from './open-upstream';
import { proxySettings } from './settings';
import { openTeamCloud } from './team/open-team-cloud';
import { personUpstream } from './team/request-person';
import { createTeamMode, type TeamMode } from './team/team-mode';

const DIST = path.resolve(import.meta.dirname, '..', '..', 'dist');
const SHUTDOWN_GRACE_MS = 3000;

function fail(message: string, code: number): never {
  process.stderr.write(`glance-lineage: ${redactSecrets(message)}\n`);
  process.exit(code);
}

function urlHost(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

async function main(): Promise<void> {
  let flags;
  try {
    flags = parseServerFlags(process.argv.slice(2), process.env);
  } catch (e) {
    if (e instanceof FlagError) fail(`${e.message}\n${USAGE}`, 2);
    throw e;
  }
  if (flags.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }

  let opened;
  let team: TeamMode | null = null;
  try {
    if (flags.team) {
      const t = openTeamCloud({ cloud: flags.cloud, demo: flags.demo });
      team = createTeamMode({
        cloud: t.cloud,
        idleMs: flags.idleMinutes * 60_000,
        secureCookies: flags.secureCookies,
        trustProxy: flags.trustProxy,
        sessionDir: flags.sessionDir,
        testControls: flags.testControls && t.mode === 'demo',
      });
      opened = {
        session: null,
        mode: t.mode,
        sim: t.sim,
        authUrl: t.cloud.config.auth.auth_url,
        cloud: t.cloud.config.name,
      };
    } else {
      const o = await openUpstream({ cloud: flags.cloud, demo: flags.demo, demoUser: flags.demoUser });
      opened = { ...o, authUrl: null, cloud: null };
    }
  } catch (e) {
    if (isOpenStackError(e)) fail(e.message, 1);
    throw e;
  }
  if (flags.testControls && opened.mode !== 'demo')
    fail('--test-controls is only available on the built-in simulator (demo mode)', 2);

  const staticDir = existsSync(path.join(DIST, 'index.html')) ? DIST : null;
  const auditFile = path.resolve(flags.auditFile ?? DEFAULT_AUDIT_FILE);
  const settings = proxySettings({
    port: flags.port,
    readOnly: flags.readOnly,
    allowHosts: extraAllowedHosts(flags),
    trustProxy: flags.trustProxy,
  });
  const app = createApp({
    upstream: opened.session ?? personUpstream,
    team,
    settings,
    audit: createFileAuditLog(auditFile),
    staticDir,
    sim: flags.testControls ? opened.sim : null,
    mode: opened.mode,
    log: flags.verbose ? (line) => process.stdout.write(`${line}\n`) : undefined,
  });

  const server = serveApp(app, { port: flags.port, hostname: flags.host }, (info) => {
    // Port 0 = any free port: the Host allowlist follows the port actually bound.
    if (flags.port === 0)
      settings.allowedHosts = proxySettings({
        port: info.port,
        allowHosts: extraAllowedHosts(flags),
      }).allowedHosts;
    const where = `http://${urlHost(flags.host)}:${info.port}`;
    const upstreamText = opened.session
      ? describeUpstream(opened.mode, opened.session.info())
      : opened.mode === 'demo'
        ? 'demo cloud: built-in simulator'
        : `cloud ${opened.cloud ?? ''}`;
    const extras = [
      flags.readOnly ? 'read-only' : '',
      flags.testControls ? 'test controls on' : '',
      team ? `team mode, sign-in at ${opened.authUrl ?? ''}, idle ${flags.idleMinutes} min` : '',
      team && flags.sessionDir ? `sessions shared in ${flags.sessionDir}` : '',
    ]
      .filter(Boolean)
      .join(', ');
    process.stdout.write(`Glance Lineage on ${where} (${upstreamText})${extras ? ` [${extras}]` : ''}\n`);
    if (!staticDir)
      process.stdout.write('No built app in dist/: run `npm run build` (the API is served anyway).\n');
  });
  server.on('error', (e: NodeJS.ErrnoException) => {
    fail(e.code === 'EADDRINUSE' ? `port ${flags.port} is in use (try --port)` : e.message, 1);
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) process.exit(1);
    stopping = true;
    process.stdout.write(`${signal}: stopping\n`);
    setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    server.close(() => {
      const revoke = team
        ? team.store.close()
        : opened.mode === 'cloud' && opened.session
          ? opened.session.revoke()
          : Promise.resolve();
      revoke.then(
        () => process.exit(0),
        () => process.exit(0),
      );
    });
    if ('closeIdleConnections' in server) server.closeIdleConnections();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e), 1));
