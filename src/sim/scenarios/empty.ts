/** The `empty` scenario: identity only, no images, no servers. */
import { emptyState, type SimState } from '../state/model';

export function buildEmpty(): SimState {
  return emptyState();
}
