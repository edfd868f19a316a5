/** Fault injection: latency, 5xx with the service's own body, connection resets, timeouts. Seeded, per test. */
import { createRng, type Rng } from './prng';

export type ServiceKind = 'identity' | 'image' | 'compute';

export interface Faults {
  latencyMs: number;
  /** 0..1: answer 503 with a body like the service's. */
  errorRate: number;
  /** 0..1: reject like a connection reset (TypeError 'fetch failed', cause ECONNRESET). */
  resetRate: number;
  /** 0..1: never answer; rejects when the request's signal aborts (or after timeoutMs). */
  timeoutRate?: number;
  timeoutMs?: number;
  services?: ServiceKind[];
  methods?: string[];
  /** Regular expression tested against the request path (e.g. '/v2/images/[^/]+$'). */
  pathPattern?: string;
  seed?: number;
}

export const NO_FAULTS: Faults = { latencyMs: 0, errorRate: 0, resetRate: 0 };

export type FaultDecision = 'reset' | 'timeout' | 'error' | null;

export class FaultInjector {
  private faults: Faults = { ...NO_FAULTS };
  private rng: Rng = createRng(1);

  set(f: Partial<Faults>): void {
    this.faults = { ...this.faults, ...f };
    this.rng = createRng(this.faults.seed ?? 1);
  }

  clear(): void {
    this.faults = { ...NO_FAULTS };
    this.rng = createRng(1);
  }

  get current(): Readonly<Faults> {
    return this.faults;
  }

  applies(service: ServiceKind, method: string, path: string): boolean {
    const f = this.faults;
    if (f.services && !f.services.includes(service)) return false;
    if (f.methods && !f.methods.map((m) => m.toUpperCase()).includes(method.toUpperCase())) return false;
    if (f.pathPattern && !new RegExp(f.pathPattern).test(path)) return false;
    return true;
  }

  decide(service: ServiceKind, method: string, path: string): FaultDecision {
    if (!this.applies(service, method, path)) return null;
    const f = this.faults;
    if (f.resetRate > 0 && this.rng.next() < f.resetRate) return 'reset';
    if ((f.timeoutRate ?? 0) > 0 && this.rng.next() < (f.timeoutRate ?? 0)) return 'timeout';
    if (f.errorRate > 0 && this.rng.next() < f.errorRate) return 'error';
    return null;
  }
}

export function connectionReset(): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
  });
}

export function connectionTimeout(): TypeError {
  return new TypeError('fetch failed', {
    cause: Object.assign(new Error('Connect Timeout Error'), { code: 'UND_ERR_CONNECT_TIMEOUT' }),
  });
}
