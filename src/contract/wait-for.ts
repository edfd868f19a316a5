/** Poll until a condition holds; the error says what was awaited and what was seen last. */
export interface WaitOptions {
  what: string;
  timeoutMs: number;
  intervalMs: number;
  /** How to let time pass; a simulator with a manual clock advances it instead of sleeping. */
  sleep?: (ms: number) => Promise<void>;
}

export const realSleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { what, timeoutMs, intervalMs, sleep = realSleep }: WaitOptions,
): Promise<T> {
  let waited = 0;
  let last: T = await probe();
  while (!done(last)) {
    if (waited >= timeoutMs) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(last)}`);
    }
    await sleep(intervalMs);
    waited += intervalMs;
    last = await probe();
  }
  return last;
}

function describe(v: unknown): string {
  try {
    const s = JSON.stringify(v);
    return s.length > 300 ? `${s.slice(0, 300)}…` : s;
  } catch {
    return String(v);
  }
}
