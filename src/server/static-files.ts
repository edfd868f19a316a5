/**
 * Serves the built SPA (`dist/`): files as they are, hashed assets cacheable for a year, and index.html
 * (never cached) for every other non-/api GET so client-side routes survive a reload.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';

const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function mountStatic<E extends Env>(app: Hono<E>, root: string): void {
  app.use(
    '*',
    serveStatic({
      root,
      onFound: (_path, c) => {
        c.header(
          'cache-control',
          HASHED_ASSET.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      },
    }),
  );
  app.get(
    '*',
    serveStatic({
      root,
      path: 'index.html',
      onFound: (_path, c) => {
        c.header('cache-control', 'no-cache');
      },
    }),
  );
}
