/** Small helpers the typed clients share: fail on non-2xx with the mapped error, read JSON. Browser-safe. */
import { errorFromResponse } from './error-mapping';
import type { ServiceName } from './errors';

/** Returns `res` when it is 2xx; otherwise throws the mapped `OpenStackError` (the body is consumed). */
export async function ensureOk(service: ServiceName, res: Response): Promise<Response> {
  if (res.ok) return res;
  throw await errorFromResponse(service, res);
}

export async function readJson<T>(service: ServiceName, res: Response): Promise<T> {
  return (await (await ensureOk(service, res)).json()) as T;
}

/** Checks the status and drops the (usually empty) body, so the connection can be reused. */
export async function expectNoContent(service: ServiceName, res: Response): Promise<void> {
  await ensureOk(service, res);
  await res.body?.cancel().catch(() => undefined);
}

/** `?a=1&b=2` of a relative or absolute link, or '' when it has none. */
export function queryOf(link: string): string {
  const i = link.indexOf('?');
  return i < 0 ? '' : link.slice(i);
}
