/**
 * Mounts the proxy app under /api in `npm run dev` (the Vite dev server), so the SPA talks to the same
 * app as in `npm start`. Demo mode (simulator) unless a cloud is configured; environment:
 * GLANCE_LINEAGE_DEMO=1 forces demo, GLANCE_LINEAGE_READ_ONLY=1 read-only, GLANCE_LINEAGE_TEST_CONTROLS=1
 * enables /api/_sim/* (demo only), GLANCE_LINEAGE_AUDIT_FILE the audit file.
 * The upstream is opened when the dev server starts listening (never in Vitest, which does not listen).
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Plugin } from 'vite';
import { isOpenStackError } from '../openstack/errors';
import { createApp } from './app';
import { createFileAuditLog, DEFAULT_AUDIT_FILE } from './audit-log';
import { envelopeResponse, newRequestId, proxyEnvelope } from './envelope-response';
import { describeUpstream, openUpstream } from './open-upstream';
import { defaultAllowedHosts, proxySettings } from './settings';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

export function glanceLineageProxy(): Plugin {
  return {
    name: 'glance-lineage-proxy',
    apply: 'serve',
    configureServer(server) {
      const env = process.env;
      const settings = proxySettings({
        port: server.config.server.port ?? 5173,
        readOnly: env.GLANCE_LINEAGE_READ_ONLY === '1',
      });
      let listener: Promise<Listener> | null = null;

      const start = (): Promise<Listener> =>
        (listener ??= openUpstream({ demo: env.GLANCE_LINEAGE_DEMO === '1' }).then(
          (opened) => {
            const app = createApp({
              upstream: opened.session,
              settings,
              audit: createFileAuditLog(path.resolve(env.GLANCE_LINEAGE_AUDIT_FILE ?? DEFAULT_AUDIT_FILE)),
              sim: opened.mode === 'demo' && env.GLANCE_LINEAGE_TEST_CONTROLS === '1' ? opened.sim : null,
              mode: opened.mode,
            });
            server.config.logger.info(
              `  Glance Lineage proxy on /api (${describeUpstream(opened.mode, opened.session.info())})`,
            );
            return getRequestListener(app.fetch);
          },
          (e: unknown) => {
            const message = isOpenStackError(e) ? e.message : e instanceof Error ? e.message : String(e);
            server.config.logger.error(`  Glance Lineage proxy: ${message}`);
            const failed = getRequestListener(() => {
              const id = newRequestId();
              return envelopeResponse(proxyEnvelope('config_error', 503, message, id), id);
            });
            return failed;
          },
        ));

      server.httpServer?.once('listening', () => {
        const address = server.httpServer?.address();
        if (address && typeof address === 'object') settings.allowedHosts = defaultAllowedHosts(address.port);
        void start();
      });

      server.middlewares.use((req, res, next) => {
        if (!req.url?.startsWith('/api/')) {
          next();
          return;
        }
        start().then(
          (handle) => handle(req, res),
          (e: unknown) => next(e),
        );
      });
    },
  };
}
