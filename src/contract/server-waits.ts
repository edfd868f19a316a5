/** Waiting for servers and images to reach a state, through the project's clients. */
import { isOpenStackError } from '../openstack/errors';
import type { GlanceImage, NovaServer, NovaServerStatus } from '../openstack/types';
import type { Capabilities } from './target';
import type { Clients } from './clients';
import { waitFor } from './wait-for';

export async function waitForServer(
  c: Clients,
  id: string,
  status: NovaServerStatus | NovaServerStatus[],
  cap: Capabilities,
): Promise<NovaServer> {
  const want = Array.isArray(status) ? status : [status];
  const s = await waitFor(
    () => c.nova.getServer(id),
    (s) => s.status === 'ERROR' || (want.includes(s.status) && !s['OS-EXT-STS:task_state']),
    {
      what: `server ${id} ${want.join('|')}`,
      timeoutMs: cap.waitMs,
      intervalMs: cap.pollMs,
      sleep: cap.sleep,
    },
  );
  if (s.status === 'ERROR') throw new Error(`server ${id} went to ERROR while waiting for ${want.join('|')}`);
  return s;
}

export async function waitForServerGone(c: Clients, id: string, cap: Capabilities): Promise<void> {
  await waitFor(
    () => exists(() => c.nova.getServer(id)),
    (present) => !present,
    { what: `server ${id} deleted`, timeoutMs: cap.waitMs, intervalMs: cap.pollMs, sleep: cap.sleep },
  );
}

export async function waitForImage(c: Clients, id: string, cap: Capabilities): Promise<GlanceImage> {
  const img = await waitFor(
    () => c.glance.getImage(id),
    (i) => i.status === 'active' || i.status === 'killed' || i.status === 'deleted',
    { what: `image ${id} active`, timeoutMs: cap.waitMs, intervalMs: cap.pollMs, sleep: cap.sleep },
  );
  if (img.status !== 'active') throw new Error(`image ${id} ended ${img.status}, not active`);
  return img;
}

export async function waitForImageGone(c: Clients, id: string, cap: Capabilities): Promise<void> {
  await waitFor(
    () => exists(() => c.glance.getImage(id)),
    (present) => !present,
    { what: `image ${id} deleted`, timeoutMs: cap.waitMs, intervalMs: cap.pollMs, sleep: cap.sleep },
  );
}

/** false on a 404, true on success; any other error propagates. */
export async function exists(get: () => Promise<unknown>): Promise<boolean> {
  try {
    await get();
    return true;
  } catch (e) {
    if (isOpenStackError(e) && e.status === 404) return false;
    throw e;
  }
}

/** Runs `f`, ignoring a 404 (already gone). */
export async function ignoreNotFound(f: () => Promise<unknown>): Promise<void> {
  try {
    await f();
  } catch (e) {
    if (!(isOpenStackError(e) && e.status === 404)) throw e;
  }
}
