/** Small helpers the typed clients share: fail on non-2xx with the mapped error, read JSON. Browser-safe. */
import { errorFromResponse } from './error-mapping';
import type { ServiceName } from './errors';
import { parseListingJson } from './listing-json';

/** Returns `res` when it is 2xx; otherwise throws the mapped `OpenStackError` (the body is consumed). */
export async function ensureOk(service: ServiceName, res: Response): Promise<Response> {
  if (res.ok) return res;
  throw await errorFromResponse(service, res);
}

export async function readJson<T>(service: ServiceName, res: Response): Promise<T> {
  return (await (await ensureOk(service, res)).json()) as T;
}

/** Resolves in a later task than the caller's (a timer, in the browser and in Node alike). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

const immediate = (globalThis as { setImmediate?: (fn: () => void) => unknown }).setImmediate;

/**
 * A pause that lets other tasks run, as short as the platform allows: setImmediate in Node (a timer waits at
 * least 1 ms there), a message on a MessageChannel in a browser (a timer set from a timer five deep waits 4).
 */
function pauseForOthers(): Promise<void> {
  if (immediate) return new Promise((resolve) => immediate(resolve));
  return new Promise((resolve) => {
    const { port1, port2 } = new MessageChannel();
    port1.onmessage = () => {
      port1.close();
      resolve();
    };
    port2.postMessage(null);
  });
}

/**
 * The text of a page of a listing whose items are under `key`, parsed in a task after the one it arrived in
 * and a slice at a time (listing-json.ts): a page of 1,000 images or servers would otherwise hold a browser
 * for tens of ms, in the task that also ran whatever the arrival ran.
 */
export async function parsePageText<T>(text: string, key: string): Promise<T> {
  await nextTask();
  return parseListingJson<T>(text, key, pauseForOthers);
}

/** The JSON body of a page of a listing whose items are under `key`, parsed as parsePageText does. */
export async function readPageJson<T>(service: ServiceName, res: Response, key: string): Promise<T> {
  return parsePageText<T>(await (await ensureOk(service, res)).text(), key);
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
