import { describe, expect, it } from 'vitest';
import { FlagError, parseServerFlags } from '../flags';

describe('team mode flags', () => {
  it('are off by default (personal mode)', () => {
    expect(parseServerFlags([], {})).toMatchObject({
      team: false,
      idleMinutes: 30,
      secureCookies: false,
      trustProxy: false,
    });
  });

  it('turn on from flags or the environment', () => {
    expect(
      parseServerFlags(['--team', '--idle-minutes', '5', '--secure-cookies', '--trust-proxy'], {}),
    ).toMatchObject({
      team: true,
      idleMinutes: 5,
      secureCookies: true,
      trustProxy: true,
    });
    expect(
      parseServerFlags([], {
        GLANCE_LINEAGE_TEAM: '1',
        GLANCE_LINEAGE_IDLE_MINUTES: '2.5',
        GLANCE_LINEAGE_TRUST_PROXY: '1',
      }),
    ).toMatchObject({ team: true, idleMinutes: 2.5, trustProxy: true });
  });

  it('keep sessions in memory unless a session directory is given (flag or environment, team mode only)', () => {
    expect(parseServerFlags(['--team'], {}).sessionDir).toBeNull();
    expect(parseServerFlags(['--team', '--session-dir', 'shared/sessions'], {}).sessionDir).toBe(
      'shared/sessions',
    );
    expect(
      parseServerFlags([], { GLANCE_LINEAGE_TEAM: '1', GLANCE_LINEAGE_SESSION_DIR: 'sessions' }).sessionDir,
    ).toBe('sessions');
    expect(() => parseServerFlags(['--session-dir', 'sessions'], {})).toThrow(FlagError);
  });

  it('refuse an idle time that is not a positive number', () => {
    expect(() => parseServerFlags(['--idle-minutes', '0'], {})).toThrow(FlagError);
    expect(() => parseServerFlags(['--idle-minutes', 'soon'], {})).toThrow(FlagError);
  });
});
