/** Shared steps of the actions specs: simulator faults and what the cloud holds, through the proxy. */
import type { APIRequestContext } from '@playwright/test';
import { expect } from './fixtures';

const H = { 'X-Glance-Lineage': '1' };

export async function setFaults(request: APIRequestContext, faults: Record<string, unknown>): Promise<void> {
  const res = await request.post('/api/_sim/faults', { headers: H, data: faults });
  expect(res.ok(), await res.text()).toBe(true);
}

export async function clearFaults(request: APIRequestContext): Promise<void> {
  await setFaults(request, {});
}

export async function expireTokens(request: APIRequestContext): Promise<void> {
  expect((await request.post('/api/_sim/expire-tokens', { headers: H })).ok()).toBe(true);
}

/** Every image id the admin can list now (faults must be off). */
export async function imageIds(request: APIRequestContext): Promise<Set<string>> {
  const res = await request.get('/api/image/v2/images?limit=1000');
  expect(res.ok()).toBe(true);
  const body = (await res.json()) as { images: { id: string }[]; next?: string };
  expect(body.next).toBeUndefined();
  return new Set(body.images.map((i) => i.id));
}

export interface JobItem {
  id: string;
  state: string;
  reason: string;
}

export async function jobItems(request: APIRequestContext, jobId: string): Promise<JobItem[]> {
  const res = await request.get(`/api/jobs/${jobId}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { items: JobItem[] }).items;
}
