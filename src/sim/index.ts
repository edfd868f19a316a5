/** Public API of the embedded OpenStack simulator. */
export { SIM_ORIGIN, SIM_IDENTITY_URL, SIM_IMAGE_URL, SIM_COMPUTE_URL } from './origin';
export { createSimulator } from './simulator';
export type { Simulator, SimulatorOptions, RequestRecord, StateSnapshot } from './simulator';
export { realClock, manualClock, DEFAULT_MANUAL_START } from './clock';
export type { Clock, ManualClock } from './clock';
export type { Faults, ServiceKind } from './faults';
export { simCloudConfig } from './sim-cloud-config';
export { DEMO_IDS, XSS_IMAGE_NAME, SCENARIO_NAMES } from './scenarios';
export type { ScenarioName, GeneratedOptions } from './scenarios';
export {
  PROJECT_IDS,
  USER_IDS,
  ROLE_IDS,
  USERS as SIM_USERS,
  APP_CREDENTIALS as SIM_APP_CREDENTIALS,
} from './state/identity';
export type { UserName as SimUserName, ProjectName as SimProjectName } from './state/identity';
export { TIMINGS as SIM_TIMINGS, NON_INHERITABLE_PROPERTIES } from './state/servers';
export { TOKEN_LIFETIME_MS } from './services/keystone';
