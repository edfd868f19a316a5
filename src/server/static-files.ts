/**
 * Serves the built SPA (`dist/`): files as they are, hashed assets cacheable for a year, and index.html
 * (never cached) for every other non-/api GET so client-side routes survive a reload.
 */
import { serveStatic } from '@hono/node-server/serve-static';
import type { Env, Hono } from 'hono';

const HASHED_ASSET = /^\/assets\/.+-[A-Za-z0-9_-]{8,}\.[a-z0-9]+$/;

export function mountStatic<E extends Env>(app: Hono<E>, root: string): void {
  app.use('*', async (c, next) => {
    await next();
    if (c.res.ok && !c.req.path.startsWith('/api/'))
      c.res.headers.set(
        'cache-control',
        HASHED_ASSET.test(c.req.path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
  });
  app.use('*', serveStatic({ root }));
  const index = serveStatic({ root, path: 'index.html' });
  // A missing file (a stale hashed asset) is a 404, not the SPA; client routes have no extension.
  app.get('*', (c, next) => (/\.[A-Za-z0-9]+$/.test(c.req.path) ? c.notFound() : index(c, next)));
}
