/** A CloudConfig that points the project's own clients at the built-in simulator. */
import type { CloudConfig } from '../openstack/cloud-config';
import { SIM_IDENTITY_URL } from './origin';
import { USERS, type UserName } from './state/identity';

export function simCloudConfig(user: UserName = 'admin'): CloudConfig {
  const u = USERS.find((x) => x.name === user);
  if (!u) throw new Error(`unknown simulator user ${user}`);
  return {
    name: 'demo',
    authType: 'password',
    auth: {
      auth_url: SIM_IDENTITY_URL,
      username: u.name,
      password: u.password,
      user_domain_name: 'Default',
      project_name: u.defaultProject,
      project_domain_name: 'Default',
    },
    regionName: 'RegionOne',
    interface: 'public',
    cacert: null,
    verify: true,
    testCloud: true,
    source: 'built-in simulator',
  };
}
