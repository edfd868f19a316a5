import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { DEMO_IDS } from '../sim';

const root = path.resolve(import.meta.dirname, '..', '..');

it('runs as a real process: `glance-lineage orphans --demo --json`', { timeout: 60_000 }, async () => {
  const { stdout, stderr } = await promisify(execFile)(
    process.execPath,
    [path.join(root, 'bin', 'glance-lineage.mjs'), 'orphans', '--demo', '--json'],
    { cwd: root, env: { ...process.env, OS_CLOUD: '', OS_AUTH_URL: '' } },
  );
  expect(stderr).toBe('');
  const ids = (JSON.parse(stdout) as { id: string }[]).map((o) => o.id).sort();
  expect(ids).toEqual(
    [DEMO_IDS.tmp1Snap, DEMO_IDS.test7SnapA, DEMO_IDS.test7SnapB, DEMO_IDS.altTmpSnap].sort(),
  );
});

it('exits 2 with one line on stderr for a bad command line', { timeout: 60_000 }, async () => {
  const error = await promisify(execFile)(
    process.execPath,
    [path.join(root, 'bin', 'glance-lineage.mjs'), 'prune'],
    {
      cwd: root,
    },
  ).then(
    () => null,
    (e: unknown) => e as { code: number; stderr: string },
  );
  expect(error?.code).toBe(2);
  expect(error?.stderr).toBe(
    'glance-lineage: unknown command "prune" (commands: tree, show, orphans, export, clean) (see glance-lineage --help)\n',
  );
});
