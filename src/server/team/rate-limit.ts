/**
 * Failed sign-ins per key (an address, a user name) in a sliding window. Only failures count: a key is
 * blocked while it has `max` failures younger than `windowMs`, until the oldest of them ages out.
 */
export interface RateLimitOptions {
  max: number;
  windowMs: number;
  now?: () => number;
}

export const DEFAULT_SIGN_IN_LIMIT = { max: 5, windowMs: 15 * 60_000 } as const;

export class FailureRateLimit {
  readonly #failures = new Map<string, number[]>();
  readonly #max: number;
  readonly #windowMs: number;
  readonly #now: () => number;

  constructor(opts: RateLimitOptions) {
    this.#max = opts.max;
    this.#windowMs = opts.windowMs;
    this.#now = opts.now ?? Date.now;
  }

  /** Milliseconds until any of `keys` may try again, or 0 when none is blocked. */
  retryAfterMs(keys: readonly string[]): number {
    const now = this.#now();
    let wait = 0;
    for (const key of keys) {
      const recent = this.#recent(key, now);
      if (recent.length >= this.#max)
        wait = Math.max(wait, recent[recent.length - this.#max]! + this.#windowMs - now);
    }
    return wait;
  }

  recordFailure(keys: readonly string[]): void {
    const now = this.#now();
    for (const key of keys) this.#failures.set(key, [...this.#recent(key, now), now]);
    if (this.#failures.size > 10_000) this.#sweep(now);
  }

  /** Forgets every failure (test controls only). */
  clear(): void {
    this.#failures.clear();
  }

  #recent(key: string, now: number): number[] {
    const list = (this.#failures.get(key) ?? []).filter((t) => t > now - this.#windowMs);
    if (list.length === 0) this.#failures.delete(key);
    else this.#failures.set(key, list);
    return list;
  }

  #sweep(now: number): void {
    for (const key of [...this.#failures.keys()]) this.#recent(key, now);
  }
}
