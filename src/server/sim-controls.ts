/**
 * What the test-control routes (`/api/_sim/*`, demo mode with `--test-controls`) may do to the simulator.
 * Structurally a subset of the simulator returned by `createSimulator` (src/sim).
 */
export interface SimResetOptions {
  scenario: 'demo' | 'generated' | 'empty';
  generated?: { images: number; servers: number };
}

export interface SimControls {
  reset(opts?: SimResetOptions): void;
  setFaults(faults: object): void;
  clearFaults(): void;
  expireTokens(): void;
}
