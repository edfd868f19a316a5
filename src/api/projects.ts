import { queryOptions } from '@tanstack/react-query';
import { readJson } from '../openstack';
import { APP_HEADER } from './proxy-transport';

/** One entry of `GET /api/projects`: every project for an admin, the caller's own projects otherwise. */
export interface ProjectRef {
  id: string;
  name: string;
}

export async function getProjects(signal?: AbortSignal): Promise<ProjectRef[]> {
  const res = await fetch('/api/projects', { signal, headers: { [APP_HEADER]: '1' } });
  return readJson<ProjectRef[]>('proxy', res);
}

export const projectKeys = {
  all: ['projects'] as const,
  names: () => [...projectKeys.all, 'names'] as const,
};

export const projectQueries = {
  names: () =>
    queryOptions({
      queryKey: projectKeys.names(),
      queryFn: ({ signal }) => getProjects(signal),
      staleTime: 5 * 60_000,
    }),
};
