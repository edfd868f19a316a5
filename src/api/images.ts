import { queryOptions } from '@tanstack/react-query';
import type { GlanceImage, GlanceImageList } from '../openstack/types';
import type { Transport } from '../openstack/transport';
import { readJson } from './http';
import { proxyTransport } from './proxy-transport';

export const PAGE_SIZE = 1000;

/** Every image the caller can see, 1,000 per page, following Glance's relative `next` links. */
export async function listAllImages(
  transport: Transport,
  opts: { signal?: AbortSignal } = {},
): Promise<GlanceImage[]> {
  const images: GlanceImage[] = [];
  let path: string | undefined = `/v2/images?limit=${PAGE_SIZE}`;
  const seen = new Set<string>();
  while (path && !seen.has(path)) {
    seen.add(path);
    const res = await transport.request('image', path, { signal: opts.signal });
    const page = await readJson<GlanceImageList>(res, 'image');
    images.push(...page.images);
    path = page.next;
  }
  return images;
}

export const imageKeys = {
  all: ['images'] as const,
  lists: () => [...imageKeys.all, 'list'] as const,
  list: (params: { scope: 'visible' }) => [...imageKeys.lists(), params] as const,
};

export const imageQueries = {
  /** All images visible to the caller (Glance lists every project's images to admins). */
  all: (transport: Transport = proxyTransport) =>
    queryOptions({
      queryKey: imageKeys.list({ scope: 'visible' }),
      queryFn: ({ signal }) => listAllImages(transport, { signal }),
    }),
};
