/**
 * The proxy app as `npm run dev` runs it (loaded by the Vite plugin through Vite's SSR loader): demo mode
 * unless a cloud is configured. Environment: GLANCE_LINEAGE_DEMO=1 forces demo, GLANCE_LINEAGE_READ_ONLY=1
 * read-only, GLANCE_LINEAGE_TEST_CONTROLS=1 enables /api/_sim/* (demo only), GLANCE_LINEAGE_AUDIT_FILE the
 * audit file.
 */
import path from 'node:path';
import { createApp } from './app';
import { createFileAuditLog, DEFAULT_AUDIT_FILE } from './audit-log';
import { describeUpstream, openUpstream } from './open-upstream';
import type { ProxySettings } from './settings';

export interface DevApp {
  fetch: (req: Request) => Response | Promise<Response>;
  description: string;
}

export async function createDevApp(
  settings: ProxySettings,
  env: Record<string, string | undefined> = process.env,
): Promise<DevApp> {
  settings.readOnly = env.GLANCE_LINEAGE_READ_ONLY === '1';
  const opened = await openUpstream({ demo: env.GLANCE_LINEAGE_DEMO === '1', env });
  const app = createApp({
    upstream: opened.session,
    settings,
    audit: createFileAuditLog(path.resolve(env.GLANCE_LINEAGE_AUDIT_FILE ?? DEFAULT_AUDIT_FILE)),
    sim: opened.mode === 'demo' && env.GLANCE_LINEAGE_TEST_CONTROLS === '1' ? opened.sim : null,
    mode: opened.mode,
  });
  return {
    fetch: (req) => app.fetch(req),
    description: describeUpstream(opened.mode, opened.session.info()),
  };
}
