/**
 * Test controls for end-to-end tests (demo mode with `--test-controls` only): reset the simulator to a
 * named scenario, switch faults on, expire tokens. Mutating like any other request: the app header
 * and same-origin rules apply (checked before these routes).
 */
import type { Hono } from 'hono';
import { envelopeResponse, proxyEnvelope } from './envelope-response';
import type { SimControls, SimResetOptions } from './sim-controls';

type Env = { Variables: { requestId: string } };

const SCENARIOS: readonly string[] = ['demo', 'generated', 'empty'];

function parseReset(v: unknown): SimResetOptions | null {
  if (typeof v !== 'object' || v === null) return null;
  const o = v as Record<string, unknown>;
  if (typeof o.scenario !== 'string' || !SCENARIOS.includes(o.scenario)) return null;
  const out: SimResetOptions = { scenario: o.scenario as SimResetOptions['scenario'] };
  if (o.generated !== undefined) {
    const g = o.generated as Record<string, unknown> | null;
    if (!g || !Number.isInteger(g.images) || !Number.isInteger(g.servers)) return null;
    out.generated = { images: g.images as number, servers: g.servers as number };
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

export function mountSimControls(app: Hono<Env>, sim: SimControls): void {
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
    if (Object.keys(faults).length === 0) sim.clearFaults();
    else sim.setFaults(faults);
    return c.json({ ok: true });
  });

  app.post('/api/_sim/expire-tokens', (c) => {
    sim.expireTokens();
    return c.json({ ok: true });
  });
}
