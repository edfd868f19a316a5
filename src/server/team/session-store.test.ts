import { describe, expect, it } from 'vitest';
import { SessionStore, type StoredSession } from './session-store';

function fake(expiresAt: number) {
  const s = {
    revoked: 0,
    ended: false,
    expiresAtMs: () => expiresAt,
    revoke: () => {
      s.revoked++;
      return Promise.resolve();
    },
  };
  return s satisfies StoredSession;
}

describe('SessionStore', () => {
  it('hands out a fresh random id per session and finds it again', () => {
    const store = new SessionStore({ idleMs: 1000 });
    const a = store.create(fake(Infinity));
    const b = store.create(fake(Infinity));
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a).not.toBe(b);
    expect(store.get(a)).not.toBeNull();
    expect(store.get('unknown')).toBeNull();
  });

  it('ends idle, expired and ended sessions on access, revoking each once', async () => {
    let now = 0;
    const store = new SessionStore({ idleMs: 100, now: () => now });
    const idle = fake(10_000);
    const expired = fake(150);
    const ended = fake(10_000);
    const [i, e, d] = [store.create(idle), store.create(expired), store.create(ended)];
    now = 90;
    store.touch(e);
    ended.ended = true;
    expect(store.get(d)).toBeNull();
    now = 120;
    expect(store.get(i)).toBeNull();
    expect(store.get(e)).not.toBeNull();
    now = 150;
    expect(store.get(e)).toBeNull();
    await Promise.resolve();
    expect([idle.revoked, expired.revoked, ended.revoked]).toEqual([1, 1, 1]);
    expect(store.size).toBe(0);
  });

  it('reports a failed revocation and still forgets the session', async () => {
    const errors: unknown[] = [];
    const store = new SessionStore({ idleMs: 100, onRevokeError: (e) => errors.push(e) });
    const s = { ...fake(Infinity), revoke: () => Promise.reject(new Error('keystone down')) };
    const id = store.create(s);
    expect(await store.destroy(id)).toBe(false);
    expect(errors).toHaveLength(1);
    expect(store.get(id)).toBeNull();
  });
});
