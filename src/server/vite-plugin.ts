/**
 * Mounts the proxy app under /api in `npm run dev`, so the SPA talks to the same app as in `npm start`.
 * The app itself (dev-app.ts) is loaded through Vite's SSR loader when the dev server starts listening,
 * so the Vite config stays small and Vitest (which never listens) never opens a session.
 */
import { getRequestListener } from '@hono/node-server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Plugin } from 'vite';
import type { createDevApp, DevApp } from './dev-app';
import { defaultAllowedHosts, proxySettings } from './settings.ts';

type Listener = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

function failingApp(message: string): Listener {
  return getRequestListener(() =>
    Response.json(
      { code: 'config_error', message, service: 'proxy', status: 503, requestId: null },
      { status: 503 },
    ),
  );
}

export function glanceLineageProxy(): Plugin {
  return {
    name: 'glance-lineage-proxy',
    apply: 'serve',
    configureServer(server) {
      const settings = proxySettings({ port: server.config.server.port ?? 5173 });
      let listener: Promise<Listener> | null = null;

      const start = (): Promise<Listener> =>
        (listener ??= server
          .ssrLoadModule('/src/server/dev-app.ts')
          .then((mod) => (mod as { createDevApp: typeof createDevApp }).createDevApp(settings))
          .then(
            (app: DevApp) => {
              server.config.logger.info(`  Glance Lineage proxy on /api (${app.description})`);
              return getRequestListener(app.fetch);
            },
            (e: unknown) => {
              const message = e instanceof Error ? e.message : String(e);
              server.config.logger.error(`  Glance Lineage proxy: ${message}`);
              return failingApp(message);
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
