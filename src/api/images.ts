import { queryOptions } from '@tanstack/react-query';
import { GlanceClient, type Transport } from '../openstack';
import { collectPages } from './load-progress';
import { proxyTransport } from './proxy-transport';

export const imageKeys = {
  all: ['images'] as const,
  lists: () => [...imageKeys.all, 'list'] as const,
  list: (params: { scope: 'visible' }) => [...imageKeys.lists(), params] as const,
};

export const imageQueries = {
  /** Every image the caller can see (admins: every project's), 1,000 per page, following `next` links. */
  all: (transport: Transport = proxyTransport) =>
    queryOptions({
      queryKey: imageKeys.list({ scope: 'visible' }),
      queryFn: ({ signal }) => collectPages('images', new GlanceClient(transport).pages({}, { signal })),
    }),
};
