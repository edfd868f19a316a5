/** A tag added to (or removed from) many images through the proxy, a few at a time, with each outcome. */
import { describeError } from '../../lib/describe-error';

export interface TagOutcome {
  id: string;
  ok: boolean;
  /** Why it failed (Glance's message), or what happened. */
  message: string;
}

export async function tagMany(
  ids: readonly string[],
  op: (id: string) => Promise<void>,
  opts: { concurrency?: number; missingIsOk?: boolean } = {},
): Promise<TagOutcome[]> {
  const out: TagOutcome[] = new Array<TagOutcome>(ids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < ids.length; i = next++) {
      const id = ids[i]!;
      try {
        await op(id);
        out[i] = { id, ok: true, message: 'done' };
      } catch (e) {
        const env = describeError(e);
        out[i] =
          opts.missingIsOk && env.status === 404
            ? { id, ok: true, message: 'did not have it' }
            : { id, ok: false, message: env.message };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, ids.length)) }, worker));
  return out;
}
