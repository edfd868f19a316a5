import { describe, expect, it } from 'vitest';
import { OpenStackError } from '../../openstack/errors';
import { tagMany } from './bulk-tags';

const notFound = new OpenStackError({
  code: 'not_found',
  message: 'no tag',
  service: 'image',
  status: 404,
  requestId: null,
});
const denied = new OpenStackError({
  code: 'forbidden',
  message: 'not yours',
  service: 'image',
  status: 403,
  requestId: null,
});

describe('tagMany', () => {
  it('runs every id once, at most `concurrency` at a time, and reports each outcome in order', async () => {
    let inFlight = 0;
    let peak = 0;
    const seen: string[] = [];
    const out = await tagMany(
      ['a', 'b', 'c', 'd', 'e'],
      async (id) => {
        inFlight++;
        peak = Math.max(peak, inFlight);
        seen.push(id);
        await new Promise((r) => setTimeout(r, 5));
        inFlight--;
        if (id === 'c') throw denied;
        if (id === 'd') throw notFound;
      },
      { concurrency: 2, missingIsOk: true },
    );
    expect(seen.sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(peak).toBe(2);
    expect(out.map((o) => `${o.id}:${o.ok ? 'ok' : 'fail'}`)).toEqual([
      'a:ok',
      'b:ok',
      'c:fail',
      'd:ok',
      'e:ok',
    ]);
    expect(out[2]?.message).toBe('not yours');
    expect(out[3]?.message).toBe('did not have it');
  });
});
