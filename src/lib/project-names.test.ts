import { describe, expect, it } from 'vitest';
import { projectNames } from './project-names';

const ADMIN = '721ab6502e7142728bc5413b3d30d38b';
const DEMO = '2c72c112c0944ccfa5eba64442c61478';
const names = projectNames([
  { id: ADMIN, name: 'admin' },
  { id: DEMO, name: 'demo' },
]);

describe('projectNames', () => {
  it('labels a known project by name and an unknown one by its id', () => {
    expect(names.label(DEMO)).toBe('demo');
    expect(names.label('bede497ddb324593ac0f4a30e4ad5cc2')).toBe('bede497ddb324593ac0f4a30e4ad5cc2');
    expect(names.label(null)).toBe('?');
  });

  it('adds the start of the id to a name, and keeps an unknown id whole', () => {
    expect(names.labelWithId(DEMO)).toBe('demo (2c72c112…)');
    expect(names.labelWithId('p-1')).toBe('p-1 (not one of your projects)');
    expect(projectNames([]).labelWithId('p-1')).toBe('p-1');
  });

  it('names every known project in a reason and leaves other ids as they are', () => {
    expect(names.inText(`owned by project ${DEMO}, not by your project ${ADMIN}`)).toBe(
      'owned by project demo, not by your project admin',
    );
    expect(names.inText('which does not cover project bede497d')).toBe(
      'which does not cover project bede497d',
    );
  });

  it('says a project missing from the list is none of the caller’s', () => {
    expect(
      names.inText(`owned by project bede497ddb324593ac0f4a30e4ad5cc2, not by your project ${DEMO}`),
    ).toBe('owned by project bede497d… (not one of your projects), not by your project demo');
  });

  it('changes nothing without names', () => {
    expect(projectNames([]).inText(`project ${DEMO}`)).toBe(`project ${DEMO}`);
  });
});
