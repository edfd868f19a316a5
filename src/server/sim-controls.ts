/**
 * What the test-control routes (`/api/_sim/*`, demo mode with `--test-controls`) may do to the simulator:
 * a subset of the simulator returned by `createSimulator` (src/sim).
 */
import type { Simulator, SimulatorOptions } from '../sim';

export type SimResetOptions = Pick<SimulatorOptions, 'scenario' | 'generated'>;

export type SimControls = Pick<Simulator, 'reset' | 'setFaults' | 'clearFaults' | 'expireTokens'>;
