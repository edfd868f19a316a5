import { describe, expect, it } from 'vitest';
import { matchRoute, serverActionName } from './route-allowlist';

const ID = '6f1a2b3c-0000-4000-8000-000000000001';

describe('route allowlist', () => {
  it.each([
    ['image', 'GET', '/v2/images', 'image.list', []],
    ['image', 'POST', '/v2/images', 'image.create', []],
    ['image', 'PATCH', `/v2/images/${ID}`, 'image.update', [ID]],
    ['image', 'DELETE', `/v2/images/${ID}`, 'image.delete', [ID]],
    ['image', 'PUT', `/v2/images/${ID}/file`, 'image.upload', [ID]],
    ['image', 'GET', `/v2/images/${ID}/file`, 'image.download', [ID]],
    ['image', 'PUT', `/v2/images/${ID}/tags/golden%20v2`, 'image.tag.add', [ID, 'golden v2']],
    ['image', 'DELETE', `/v2/images/${ID}/tags/old`, 'image.tag.remove', [ID, 'old']],
    ['image', 'POST', `/v2/images/${ID}/actions/deactivate`, 'image.deactivate', [ID]],
    ['image', 'GET', `/v2/images/${ID}/members`, 'image.members', [ID]],
    ['image', 'GET', '/v2/schemas/image', 'image.schema', []],
    ['compute', 'GET', '/servers/detail', 'server.list', []],
    ['compute', 'GET', `/servers/${ID}`, 'server.show', [ID]],
    ['compute', 'POST', `/servers/${ID}/action`, 'server.action', [ID]],
    ['compute', 'GET', '/flavors/detail', 'flavor.list', []],
  ])('allows %s %s %s as %s', (service, method, path, action, targets) => {
    expect(matchRoute(service, method, path)).toMatchObject({ action, targets });
  });

  it.each([
    ['image', 'DELETE', '/v2/images'],
    ['image', 'GET', '/v1/images'],
    ['image', 'POST', `/v2/images/${ID}/members`],
    ['image', 'PUT', `/v2/images/${ID}/import`],
    ['image', 'GET', '/v2/images/../../identity/v3/auth/tokens'],
    ['image', 'PUT', `/v2/images/${ID}/tags/a%2Fb`],
    ['image', 'PUT', `/v2/images/${ID}/tags/..`],
    ['image', 'DELETE', '/v2/images/%2e%2e'],
    ['compute', 'DELETE', `/servers/${ID}`],
    ['compute', 'POST', '/servers'],
    ['compute', 'GET', '/os-hypervisors'],
    ['identity', 'GET', '/v3/users'],
  ])('refuses %s %s %s', (service, method, path) => {
    expect(matchRoute(service, method, path)).toBeNull();
  });

  it('names a server action by its single allowed body key', () => {
    const keys = ['createImage', 'shelve', 'shelveOffload', 'unshelve'];
    expect(serverActionName({ createImage: { name: 'snap' } }, keys)).toBe('server.createImage');
    expect(serverActionName({ shelve: null }, keys)).toBe('server.shelve');
    expect(serverActionName({ reboot: { type: 'HARD' } }, keys)).toBeNull();
    expect(serverActionName({ shelve: null, reboot: {} }, keys)).toBeNull();
    expect(serverActionName(['shelve'], keys)).toBeNull();
  });
});
