import { describe, expect, it } from 'vitest';
import { isSecureRequest, sessionCookie, sessionIdOf } from './session-cookie';

const id = 'x'.repeat(43);
const req = (headers: Record<string, string>, u = 'http://127.0.0.1/') => new Request(u, { headers });

describe('session cookie', () => {
  it('reads only a well-formed id of its own name', () => {
    expect(sessionIdOf(req({ cookie: `other=1; glance_lineage_session=${id}` }))).toBe(id);
    expect(sessionIdOf(req({ cookie: 'glance_lineage_session=short' }))).toBeNull();
    expect(sessionIdOf(req({ cookie: `xglance_lineage_session=${id}` }))).toBeNull();
    expect(sessionIdOf(req({}))).toBeNull();
  });

  it('is HttpOnly, SameSite=Strict, Path=/, and Secure only when asked', () => {
    expect(sessionCookie(id, { secure: false, maxAgeSeconds: 60.7 })).toBe(
      `glance_lineage_session=${id}; Path=/; HttpOnly; SameSite=Strict; Max-Age=60`,
    );
    expect(sessionCookie(id, { secure: true, maxAgeSeconds: 1 })).toMatch(/; Secure$/);
  });

  it('believes X-Forwarded-Proto only from a trusted proxy', () => {
    const viaProxy = req({ 'x-forwarded-proto': 'https' });
    expect(isSecureRequest(viaProxy, { secureCookies: false, trustProxy: false })).toBe(false);
    expect(isSecureRequest(viaProxy, { secureCookies: false, trustProxy: true })).toBe(true);
    expect(isSecureRequest(req({}, 'https://x/'), { secureCookies: false, trustProxy: false })).toBe(true);
    expect(isSecureRequest(req({}), { secureCookies: true, trustProxy: false })).toBe(true);
  });
});
