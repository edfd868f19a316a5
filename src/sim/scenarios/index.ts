/** Named scenarios. */
import { emptyState, type SimState } from '../state/model';
import { buildDemo } from './demo';
import { buildEmpty } from './empty';
import { buildGenerated, type GeneratedOptions } from './generated';

export type ScenarioName = 'demo' | 'generated' | 'empty';
export const SCENARIO_NAMES: readonly ScenarioName[] = ['demo', 'generated', 'empty'];

export const DEFAULT_GENERATED: GeneratedOptions = { images: 10_000, servers: 2_000, seed: 42 };

export function buildScenario(name: ScenarioName, generated?: GeneratedOptions): SimState {
  switch (name) {
    case 'demo':
      return buildDemo(emptyState('bytes'));
    case 'generated':
      return buildGenerated(generated ?? DEFAULT_GENERATED, emptyState('synthetic'));
    case 'empty':
      return buildEmpty();
  }
}

export { DEMO_IDS, XSS_IMAGE_NAME } from './demo';
export type { GeneratedOptions } from './generated';
