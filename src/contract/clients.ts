/** The project's own typed clients over a contract session: the only way the suites talk to a cloud. */
import { GlanceClient } from '../openstack/glance';
import { NovaClient } from '../openstack/nova';
import type { Transport } from '../openstack/transport';

export interface Clients {
  glance: GlanceClient;
  nova: NovaClient;
}

export function clientsOf(transport: Transport): Clients {
  return { glance: new GlanceClient(transport), nova: new NovaClient(transport) };
}
