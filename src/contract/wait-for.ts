/** Poll until a condition holds; the error says what was awaited and what was seen last. */
export interface WaitOptions {
  what: string;
  timeoutMs: number;
  intervalMs: number;
}

export async function waitFor<T>(
  probe: () => Promise<T>,
  done: (value: T) => boolean,
  { what, timeoutMs, intervalMs }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await probe();
  while (!done(last)) {
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${describe(last)}`);
    }
    await new Promise((r) => setTimeout(r, intervalMs));
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
