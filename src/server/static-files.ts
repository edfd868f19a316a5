/**
 * Serves the built SPA (`dist/`): files as they are, hashed assets cacheable for a year, and index.html
 * (never cached) for every other non-/api GET so client-side routes survive a reload.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from './app-deps';

const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function mountStatic(app: Hono<AppEnv>, root: string): void {
  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.req.path.startsWith('/api/'))
      c.res.headers.set(
        'cache-control',
        HASHED_ASSET.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
  });
  // Client routes have no extension and get index.html; a missing file (a stale hashed asset) is a 404.
  app.use(
    '*',
    serveStatic<AppEnv>({ root, rewriteRequestPath: (p) => (/\.[A-Za-z0-9]+$/.test(p) ? p : '/index.html') }),
  );
}
