import { describe, expect, it } from 'vitest';
import type { Fact } from '../lineage/types';
import { cardFacts, nodeDisplayFor } from './fact-display';

const facts: Fact[] = [
  { kind: 'foreign', reason: 'owned by project alt, not by your project admin' },
  { kind: 'in-use', reason: '1 server boots from it' },
];

describe('facts on the node cards', () => {
  it('leaves foreign off the cards of an admin looking at every project', () => {
    const shown = cardFacts(
      facts,
      nodeDisplayFor({ projectId: 'p-admin', isAdmin: true, allProjects: true }),
    );
    expect(shown.map((f) => f.kind)).toEqual(['in-use']);
  });

  it('keeps foreign for anyone looking at one project', () => {
    for (const viewer of [
      { projectId: 'p-demo', isAdmin: false, allProjects: false },
      { projectId: 'p-admin', isAdmin: true, allProjects: false },
    ])
      expect(cardFacts(facts, nodeDisplayFor(viewer)).map((f) => f.kind)).toEqual(['foreign', 'in-use']);
  });
});
