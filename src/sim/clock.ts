/** Time source of the simulator. Every state transition reads it lazily, so a manual clock makes tests exact. */
export interface Clock {
  now(): number;
}

export interface ManualClock extends Clock {
  advance(ms: number): void;
  set(ms: number): void;
}

export function realClock(): Clock {
  return { now: () => Date.now() };
}

/** Default start: 2026-12-01T12:00:00Z, after every fixed date of the demo scenario. */
export const DEFAULT_MANUAL_START = Date.UTC(2026, 11, 1, 12, 0, 0);

export function manualClock(start: number = DEFAULT_MANUAL_START): ManualClock {
  let t = start;
  return {
    now: () => t,
    advance: (ms: number) => {
      t += ms;
    },
    set: (ms: number) => {
      t = ms;
    },
  };
}
