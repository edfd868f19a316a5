/**
 * Test controls for end-to-end tests (demo mode with `--test-controls` only): reset the simulator to a
 * named scenario, switch faults on, expire tokens, read the proxy's memory. Mutating like any other
 * request: the app header and same-origin rules apply (checked before these routes).
 */
import type { Hono } from 'hono';
import type { AppEnv } from './app-deps';
import { envelopeResponse, proxyEnvelope } from './envelope-response';
import type { Faults } from '../sim';
import type { SimControls, SimResetOptions } from './sim-controls';

const SCENARIOS: readonly string[] = ['demo', 'generated', 'empty'];
const FAULT_KEYS: readonly string[] = [
  'latencyMs',
  'errorRate',
  'resetRate',
  'timeoutRate',
  'timeoutMs',
  'services',
  'methods',
  'pathPattern',
  'seed',
] satisfies (keyof Faults)[];

function parseReset(v: unknown): SimResetOptions | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.scenario !== 'string' || !SCENARIOS.includes(o.scenario)) return null;
  const out: SimResetOptions = { scenario: o.scenario as NonNullable<SimResetOptions['scenario']> };
  if (o.generated !== undefined) {
    const g = o.generated as Record<string, unknown> | null;
    if (!g || !Number.isInteger(g.images) || !Number.isInteger(g.servers)) return null;
    if (g.seed !== undefined && !Number.isInteger(g.seed)) return null;
    out.generated = {
      images: g.images as number,
      servers: g.servers as number,
      ...(g.seed !== undefined ? { seed: g.seed as number } : {}),
    };
  }
  return out;
}

async function jsonBody(req: Request): Promise<unknown> {
  try {
    return (await req.json()) as unknown;
  } catch {
    return undefined;
  }
}

export function mountSimControls(app: Hono<AppEnv>, sim: SimControls): void {
  const bad = (requestId: string, message: string) =>
    envelopeResponse(proxyEnvelope('bad_request', 400, message, requestId), requestId);

  app.post('/api/_sim/reset', async (c) => {
    const opts = parseReset(await jsonBody(c.req.raw));
    if (!opts)
      return bad(
        c.get('requestId'),
        'Body must be {"scenario": "demo"|"generated"|"empty", "generated"?: {images, servers}}.',
      );
    sim.reset(opts);
    return c.json({ ok: true, scenario: opts.scenario });
  });

  app.post('/api/_sim/faults', async (c) => {
    const faults = await jsonBody(c.req.raw);
    if (typeof faults !== 'object' || faults === null || Array.isArray(faults))
      return bad(c.get('requestId'), 'Body must be a JSON object of faults.');
    const unknown = Object.keys(faults).filter((k) => !FAULT_KEYS.includes(k));
    if (unknown.length > 0)
      return bad(
        c.get('requestId'),
        `Unknown fault keys: ${unknown.join(', ')} (known: ${FAULT_KEYS.join(', ')}).`,
      );
    if (Object.keys(faults).length === 0) sim.clearFaults();
    else sim.setFaults(faults);
    return c.json({ ok: true });
  });

  app.post('/api/_sim/expire-tokens', (c) => {
    sim.expireTokens();
    return c.json({ ok: true });
  });

  // The proxy process's memory, after a full collection when Node runs with --expose-gc (the bench's
  // soak reads it between rounds: heap after GC is what grows when something leaks, RSS is noisier).
  app.post('/api/_sim/memory', (c) => {
    const gc = (globalThis as { gc?: () => void }).gc;
    gc?.();
    const m = process.memoryUsage();
    return c.json({ collected: gc !== undefined, rss: m.rss, heapUsed: m.heapUsed, external: m.external });
  });
}
