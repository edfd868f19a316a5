/**
 * Component tests with the real proxy and simulator behind `fetch`, in-process (no ports): the browser
 * code's relative `/api/...` requests go to `createApp` over the simulator, as in `npm start --demo`.
 */
import { simStack, type SimStackOptions } from '../server/sim-stack';

export { DEMO_IDS } from '../sim';

const ORIGIN = 'http://127.0.0.1:8375';

export async function simFetch(opts: SimStackOptions = {}) {
  const stack = await simStack(opts);
  const fetchFn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const raw = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const absolute = raw.startsWith('/') ? `${ORIGIN}${raw}` : raw;
    return Promise.resolve(stack.app.request(absolute, init));
  };
  return { ...stack, fetch: fetchFn };
}
