import { createContext, useContext } from 'react';
import type { Fact, FactKind, Viewer } from '../lineage/types';

/** How node cards and table rows show facts: some facts are noise on every card for some viewers. */
export interface NodeDisplay {
  /** Facts left off the cards (the inspector still lists them with their reasons). */
  quietFacts: ReadonlySet<FactKind>;
}

const NONE: NodeDisplay = { quietFacts: new Set() };
const ALL_PROJECTS: NodeDisplay = { quietFacts: new Set<FactKind>(['foreign']) };

/**
 * An admin looking at every project sees nearly every node owned by another project: a `foreign` badge on each
 * card says nothing, so it stays in the inspector only. Anyone looking at one project keeps it on the cards.
 */
export function nodeDisplayFor(viewer: Viewer | undefined): NodeDisplay {
  return viewer?.isAdmin && viewer.allProjects ? ALL_PROJECTS : NONE;
}

export function cardFacts(facts: readonly Fact[], display: NodeDisplay): Fact[] {
  return facts.filter((f) => !display.quietFacts.has(f.kind));
}

export const NodeDisplayContext = createContext<NodeDisplay>(NONE);

export function useNodeDisplay(): NodeDisplay {
  return useContext(NodeDisplayContext);
}
