import { describe, expect, it } from 'vitest';
import { createSimulator, SIM_ORIGIN } from './index';
import { glance, login, nova } from './test-kit';

describe('fault injection', () => {
  it("answers 503 with the service's own body when errorRate is 1, only for the chosen service", async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const t = await login(sim, 'demo');
    sim.setFaults({ errorRate: 1, services: ['image'] });
    const res = await glance(sim, t, '/v2/images');
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({ code: '503 Service Unavailable', title: 'Service Unavailable' });
    const n = await nova(sim, t, '/servers');
    expect(n.status).toBe(200);
    sim.setFaults({ services: ['compute'] });
    const n2 = await nova(sim, t, '/servers');
    expect(n2.status).toBe(503);
    expect(Object.keys((await n2.json()) as object)).toEqual(['serviceUnavailable']);
    sim.clearFaults();
    expect((await nova(sim, t, '/servers')).status).toBe(200);
  });

  it('rejects like a connection reset', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const t = await login(sim, 'demo');
    sim.setFaults({ resetRate: 1, methods: ['DELETE'] });
    expect((await glance(sim, t, '/v2/images')).status).toBe(200);
    const err: unknown = await glance(sim, t, '/v2/images/x', { method: 'DELETE' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TypeError);
    expect((err as TypeError).message).toBe('fetch failed');
    expect(((err as TypeError).cause as { code: string }).code).toBe('ECONNRESET');
    expect(sim.requestCount('DELETE')).toBe(1);
  });

  it('is deterministic: the same seed fails the same requests', async () => {
    const pattern = async (): Promise<number[]> => {
      const sim = createSimulator({ scenario: 'empty' });
      const t = await login(sim, 'demo');
      sim.setFaults({ errorRate: 0.5, seed: 7 });
      const out: number[] = [];
      for (let i = 0; i < 20; i++) out.push((await glance(sim, t, '/v2/images')).status);
      return out;
    };
    const a = await pattern();
    expect(a).toEqual(await pattern());
    expect(a).toContain(503);
    expect(a).toContain(200);
  });

  it('limits faults to a path pattern and delays by latencyMs', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const t = await login(sim, 'demo');
    sim.setFaults({ errorRate: 1, pathPattern: '^/v2/images/[^/]+$' });
    expect((await glance(sim, t, '/v2/images')).status).toBe(200);
    expect((await glance(sim, t, '/v2/images/abc')).status).toBe(503);
    sim.clearFaults();
    sim.setFaults({ latencyMs: 30 });
    const t0 = Date.now();
    await glance(sim, t, '/v2/images');
    expect(Date.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('times out until the request is aborted', async () => {
    const sim = createSimulator({ scenario: 'empty' });
    const t = await login(sim, 'demo');
    sim.setFaults({ timeoutRate: 1 });
    const ctl = new AbortController();
    const p = sim.fetch(`${SIM_ORIGIN}/image/v2/images`, {
      headers: { 'X-Auth-Token': t },
      signal: ctl.signal,
    });
    setTimeout(() => ctl.abort(), 10);
    await expect(p).rejects.toThrow();
  });
});
