import { queryOptions } from '@tanstack/react-query';
import { NovaClient, type Transport } from '../openstack';
import { collectPages } from './load-progress';
import { proxyTransport } from './proxy-transport';

export interface ServerListParams {
  /** Admins: every project's servers (`all_tenants=1`). */
  allTenants: boolean;
  /** Admins: servers Nova still lists as deleted (`deleted=true`). */
  deleted: boolean;
}

export const serverKeys = {
  all: ['servers'] as const,
  lists: () => [...serverKeys.all, 'list'] as const,
  list: (params: ServerListParams) => [...serverKeys.lists(), params] as const,
};

export const serverQueries = {
  /** Every server of the listing, 1,000 per page, following Nova's `servers_links`. */
  list: (params: ServerListParams, transport: Transport = proxyTransport) =>
    queryOptions({
      queryKey: serverKeys.list(params),
      queryFn: ({ signal }) =>
        collectPages(
          params.deleted ? 'deletedServers' : 'servers',
          new NovaClient(transport).pages({ allTenants: params.allTenants, deleted: params.deleted, signal }),
        ),
    }),
};
