import { describe, expect, it } from 'vitest';
import type { GlanceImage, NovaServer } from '../openstack/types';
import { makeRecheck } from './recheck';

const image = (id: string, extra: Partial<GlanceImage> = {}): GlanceImage =>
  ({ id, name: id, status: 'active', protected: false, owner: 'demo', ...extra }) as GlanceImage;
const server = (id: string, extra: Partial<NovaServer> = {}): NovaServer =>
  ({ id, name: id, status: 'ACTIVE', image: { id: 'base' }, tenant_id: 'demo', ...extra }) as NovaServer;

describe('makeRecheck', () => {
  const planned = [
    { id: 'snap', projectId: 'demo', orphan: true },
    { id: 'old', projectId: 'demo', orphan: false },
  ];

  it('lets an unchanged planned image through', () => {
    expect(makeRecheck(planned, [server('other')])(image('snap', { instance_uuid: 'gone' }))).toBeNull();
  });

  it('refuses an image outside the plan', () => {
    expect(makeRecheck(planned, [])(image('stranger'))).toBe('not in the confirmed plan');
  });

  it('refuses an image a server boots from now', () => {
    const r = makeRecheck(planned, [server('new-web', { image: { id: 'old' } })])(image('old'));
    expect(r).toMatch(/in use now: new-web .* boots from it/);
  });

  it('ignores deleted servers and boot-from-volume servers when looking for users', () => {
    const r = makeRecheck(planned, [
      server('dead', { status: 'DELETED', image: { id: 'old' } }),
      server('vol', { image: '' }),
    ]);
    expect(r(image('old'))).toBeNull();
  });

  it('refuses an image that became protected, transitional or changed owner', () => {
    const r = makeRecheck(planned, []);
    expect(r(image('old', { protected: true }))).toBe('protected now');
    expect(r(image('old', { status: 'saving' }))).toMatch(/saving/);
    expect(r(image('old', { owner: 'alt' }))).toMatch(/owner changed to alt/);
  });

  it('refuses the shelve image of a server that is shelved now', () => {
    const r = makeRecheck(planned, [server('srv1', { name: 'batch', status: 'SHELVED_OFFLOADED' })]);
    expect(r(image('old', { name: 'batch-shelved', instance_uuid: 'srv1' }))).toMatch(
      /shelve image of server batch/,
    );
  });

  it('refuses an orphan whose server exists again (restored from soft delete)', () => {
    const r = makeRecheck(planned, [server('srv2', { name: 'tmp-1' })]);
    expect(r(image('snap', { instance_uuid: 'srv2' }))).toMatch(/server tmp-1 .* exists again/);
  });
});
