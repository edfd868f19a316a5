import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createSimulator, DEMO_IDS, SIM_IDENTITY_URL, XSS_IMAGE_NAME } from '../sim';
import type { Simulator, SimUserName } from '../sim';
import { connectSimulator } from './connect';
import { captureIo } from './io';
import { main } from './main';
import type { CleanJsonItem } from './commands/clean';
import type { OrphanItem } from './commands/orphans';

const DEMO_ORPHANS = [
  DEMO_IDS.tmp1Snap,
  DEMO_IDS.test7SnapA,
  DEMO_IDS.test7SnapB,
  DEMO_IDS.altTmpSnap,
].sort();

async function run(
  argv: string[],
  opts: { sim?: Simulator; user?: SimUserName; env?: Record<string, string> } = {},
) {
  const io = captureIo(opts.env ?? {});
  const sim = opts.sim;
  const code = await main(argv, io, sim ? { connect: () => connectSimulator(sim, opts.user) } : {});
  return { code, out: io.out(), err: io.err() };
}

function cloudsYaml(body: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'gl-cli-'));
  const file = path.join(dir, 'clouds.yaml');
  writeFileSync(file, body);
  return file;
}

describe('glance-lineage orphans', () => {
  it('lists exactly the demo orphans as JSON, not the shelved, in-use or undecidable snapshots', async () => {
    const { code, out, err } = await run(['orphans', '--demo', '--json']);
    expect(err).toBe('');
    expect(code).toBe(0);
    const items = JSON.parse(out) as OrphanItem[];
    expect(items.map((i) => i.id).sort()).toEqual(DEMO_ORPHANS);
    for (const i of items) {
      expect(i.name).toMatch(/snap/);
      expect(i.reason).toMatch(/was deleted|no longer exists/);
    }
    const ids = items.map((i) => i.id);
    for (const never of [
      DEMO_IDS.batch1Shelved,
      DEMO_IDS.batch2Shelved,
      DEMO_IDS.web1Snap,
      DEMO_IDS.vol1Snap,
    ])
      expect(ids).not.toContain(never);
  });

  it('prints a table with reasons, a total, and what it could not decide', async () => {
    const { code, out } = await run(['orphans', '--demo']);
    expect(code).toBe(0);
    expect(out).toMatch(/^NAME\s+ID\s+SIZE\s+CREATED\s+REASON$/m);
    expect(out).toMatch(/^tmp-1-snap\s+fa742f0c\s+192 KiB\s.*its server tmp-1 \(2f84eac3\) was deleted/m);
    expect(out).toContain('4 orphaned snapshots, 616 KiB.');
    expect(out).toMatch(/Not decided \(1\)[\s\S]*vol-1-snap/);
  });

  it('as a member, only sees its own project and never calls another project orphan', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const { code, out } = await run(['orphans', '--json'], { sim, user: 'demo' });
    expect(code).toBe(0);
    const ids = (JSON.parse(out) as OrphanItem[]).map((i) => i.id).sort();
    expect(ids).toEqual([DEMO_IDS.tmp1Snap, DEMO_IDS.test7SnapA, DEMO_IDS.test7SnapB].sort());
  });
});

describe('glance-lineage clean', () => {
  it('dry run prints the plan with reasons and reclaimable bytes and deletes nothing', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const { code, out } = await run(['clean', '--orphans', '--all-projects'], { sim });
    expect(code).toBe(0);
    expect(out).toContain('nothing is deleted');
    expect(out).toContain('Would delete 4 images, 616 KiB:');
    expect(out).toMatch(/^alt-tmp-snap\s+88158c6e\s+160 KiB\s+orphan: its server alt-tmp/m);
    expect(out).toContain('Reclaimable: 616 KiB (630792 bytes).');
    expect(sim.requestCount('DELETE')).toBe(0);
    expect(sim.deletedImageIds()).toEqual([]);
  });

  it('--demo dry run works end to end (the documented command)', async () => {
    const { code, out } = await run(['clean', '--orphans', '--demo']);
    expect(code).toBe(0);
    expect(out).toContain('Would delete 4 images');
  });

  it('dry run as JSON lists the planned items with outcome "planned"', async () => {
    const { out } = await run(['clean', '--orphans', '--demo', '--json']);
    const items = JSON.parse(out) as CleanJsonItem[];
    expect(items.map((i) => i.id).sort()).toEqual(DEMO_ORPHANS);
    expect(items.every((i) => i.outcome === 'planned' && i.bytes > 0 && i.reason.startsWith('orphan:'))).toBe(
      true,
    );
  });

  it('lists shelve images among the unsafe ones it leaves out', async () => {
    const { out } = await run(['clean', '--keep-per-server', '0', '--demo']);
    expect(out).toMatch(
      /Left out because deleting them is unsafe[\s\S]*batch-1-shelved\s+7e8d0b83\s+shelved:/,
    );
  });

  it('--yes deletes exactly the planned images and reports each', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const { code, out } = await run(['clean', '--orphans', '--all-projects', '--yes', '--json'], { sim });
    expect(code).toBe(0);
    const items = JSON.parse(out) as CleanJsonItem[];
    expect(items.map((i) => [i.id, i.outcome])).toEqual(
      expect.arrayContaining(DEMO_ORPHANS.map((id) => [id, 'deleted'])),
    );
    expect(items).toHaveLength(4);
    expect([...sim.deletedImageIds()].slice(-4).sort()).toEqual(DEMO_ORPHANS);
    const left = new Set(sim.snapshotState().images.map((i) => i.id));
    for (const id of DEMO_ORPHANS) expect(left.has(id)).toBe(false);
    expect(left.has(DEMO_IDS.batch1Shelved)).toBe(true);
  });

  it('--yes prints per-item lines and a summary', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const { code, out } = await run(['clean', '--orphans', '--all-projects', '--yes', '--concurrency', '2'], {
      sim,
    });
    expect(code).toBe(0);
    expect(out).toMatch(/^deleted\s+tmp-1-snap \(fa742f0c\): deleted/m);
    expect(out).toContain('Deleted 4, already gone 0, skipped 0, failed 0, cancelled 0; freed 616 KiB.');
  });

  it('exits 3 and reports each failure when Glance keeps failing the deletes', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    sim.setFaults({ errorRate: 1, services: ['image'], methods: ['DELETE'] });
    const { code, out, err } = await run(['clean', '--orphans', '--all-projects', '--yes', '--json'], {
      sim,
    });
    expect(code).toBe(3);
    const items = JSON.parse(out) as CleanJsonItem[];
    expect(items).toHaveLength(4);
    for (const i of items) expect(i).toMatchObject({ outcome: 'failed', status: 503 });
    expect(err).toBe('glance-lineage: 4 of 4 deletes did not complete (see above)\n');
    sim.clearFaults();
    const left = new Set(sim.snapshotState().images.map((i) => i.id));
    for (const id of DEMO_ORPHANS) expect(left.has(id)).toBe(true);
  });
});

describe('glance-lineage tree, show, export', () => {
  it('draws the forest with guides and facts', async () => {
    const { code, out } = await run(['tree', '--demo']);
    expect(code).toBe(0);
    expect(out).toMatch(/^debian-12 \(d0c95b9a\) image 350 KiB \[protected, in-use\]$/m);
    expect(out).toMatch(/^│ {3}└── web-1-snap \(411aa884\) snapshot 192 KiB \[protected, in-use\]$/m);
    expect(out).toMatch(/└── tmp-1-snap \(fa742f0c\) snapshot 192 KiB \[orphan\]/);
  });

  it('tree IMAGE shows only the path from the root and the subtree below it', async () => {
    const { out } = await run(['tree', 'web-2-snap', '--demo']);
    const lines = out.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^debian-12 /);
    expect(lines[4]).toMatch(/^ {12}└── web-2-snap /);
    expect(out).not.toContain('ops-bastion');
    expect(out).toContain('web-3-snap');
  });

  it('tree --json nests children', async () => {
    const { out } = await run(['tree', DEMO_IDS.web1Snap, '--demo', '--json']);
    const [root] = JSON.parse(out) as {
      id: string;
      children: { id: string; children: { id: string }[] }[];
    }[];
    expect(root?.id).toBe(DEMO_IDS.debian12);
    expect(root?.children[0]?.children[0]?.id).toBe(DEMO_IDS.web1Snap);
  });

  it('show IMAGE lists ancestors, facts with reasons and properties by origin', async () => {
    const { code, out } = await run(['show', 'web-2-snap', '--demo']);
    expect(code).toBe(0);
    expect(out).toMatch(/Lineage \(root first\):\n {2}debian-12[\s\S]*web-2-snap .*← this one/);
    expect(out).toMatch(/in-use\s+1 server boots from it: web-3/);
    expect(out).toMatch(/Inherited \(same value as on the root image\):\n[\s\S]*os_distro\s+debian/);
    expect(out).toMatch(/Nova \(written when the snapshot was taken\):\n[\s\S]*instance_uuid\s+7deaaf07/);
  });

  it('show --json carries ancestors and properties with their origin', async () => {
    const { out } = await run(['show', DEMO_IDS.web2Snap, '--demo', '--json']);
    const doc = JSON.parse(out) as {
      ancestors: { id: string }[];
      properties: { key: string; origin: string }[];
    };
    expect(doc.ancestors.map((a) => a.id)).toEqual([
      DEMO_IDS.web2,
      DEMO_IDS.web1Snap,
      DEMO_IDS.web1,
      DEMO_IDS.debian12,
    ]);
    expect(doc.properties.find((p) => p.key === 'base_image_ref')?.origin).toBe('nova');
  });

  it('show fails with one line on an image that does not exist', async () => {
    const missing = await run(['show', 'no-such-image', '--demo']);
    expect(missing.code).toBe(1);
    expect(missing.err).toBe(
      'glance-lineage: no image or server "no-such-image" in this cloud (looked at ids and names)\n',
    );
  });

  it('export --format csv writes a header and one row per node', async () => {
    const { code, out } = await run(['export', '--format', 'csv', '--demo']);
    expect(code).toBe(0);
    const rows = out.trimEnd().split('\r\n');
    expect(rows[0]).toBe(
      'id,name,kind,status,project_id,created_at,bytes,parent_id,root_id,unknown_generations,facts,reasons',
    );
    const json = JSON.parse((await run(['export', '--demo'])).out) as { nodes: { id: string }[] };
    expect(rows).toHaveLength(json.nodes.length + 1);
    expect(out).toContain(XSS_IMAGE_NAME);
  });
});

describe('glance-lineage errors', () => {
  const oneLine = (err: string): void => {
    expect(err.split('\n').filter(Boolean)).toHaveLength(1);
    expect(err).not.toMatch(/\n\s+at /);
  };

  it('names the clouds a missing --cloud could have been', async () => {
    const file = cloudsYaml('clouds:\n  lab:\n    auth:\n      auth_url: http://127.0.0.1:1/v3\n');
    const { code, err } = await run(['orphans', '--cloud', 'nosuch'], {
      env: { OS_CLIENT_CONFIG_FILE: file },
    });
    expect(code).toBe(1);
    oneLine(err);
    expect(err).toMatch(/^glance-lineage: cloud 'nosuch' is not in .*clouds there: lab/);
  });

  it('reports a malformed clouds.yaml in one line', async () => {
    const file = cloudsYaml('clouds:\n  lab: [unclosed\n');
    const { code, err } = await run(['tree', '--cloud', 'lab'], { env: { OS_CLIENT_CONFIG_FILE: file } });
    expect(code).toBe(1);
    oneLine(err);
    expect(err).toMatch(/^glance-lineage: .*clouds\.yaml/);
  });

  it('reports a wrong password in one line', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const file = cloudsYaml(
      `clouds:\n  sim:\n    auth:\n      auth_url: ${SIM_IDENTITY_URL}\n      username: admin\n      password: wrong\n      project_name: admin\n      user_domain_name: Default\n      project_domain_name: Default\n`,
    );
    const io = captureIo({ OS_CLIENT_CONFIG_FILE: file });
    io.fetch = (input, init) => sim.fetch(input, init);
    const code = await main(['orphans', '--cloud', 'sim'], io);
    expect(code).toBe(1);
    oneLine(io.err());
    expect(io.err()).toMatch(/^glance-lineage: .*(password|credential|authenticat)/i);
  });

  it('reports an unreachable endpoint in one line', async () => {
    const { code, err } = await run(['orphans'], {
      env: {
        OS_AUTH_URL: 'http://127.0.0.1:9/v3',
        OS_USERNAME: 'u',
        OS_PASSWORD: 'p',
        OS_PROJECT_NAME: 'p',
        OS_USER_DOMAIN_NAME: 'Default',
        OS_PROJECT_DOMAIN_NAME: 'Default',
      },
    });
    expect(code).toBe(1);
    oneLine(err);
    expect(err).toMatch(/^glance-lineage: Cannot reach .*127\.0\.0\.1:9/);
  });

  it('says how to choose a cloud when none is configured', async () => {
    const { code, err } = await run(['orphans'], { env: {} });
    expect(code).toBe(1);
    expect(err).toMatch(/^glance-lineage: no cloud chosen: pass --cloud NAME/);
  });

  it('refuses --all-projects without the admin role', async () => {
    const sim = createSimulator({ scenario: 'demo' });
    const { code, err } = await run(['orphans', '--all-projects'], { sim, user: 'demo' });
    expect(code).toBe(1);
    expect(err).toMatch(/^glance-lineage: --all-projects needs the admin role; demo has /);
  });

  it('answers a usage error with exit code 2 and a pointer to --help', async () => {
    const { code, err } = await run(['clean', '--demo']);
    expect(code).toBe(2);
    expect(err).toMatch(/clean needs a rule.*\(see glance-lineage clean --help\)\n$/);
  });

  it('prints help per command', async () => {
    const { code, out } = await run(['clean', '--help']);
    expect(code).toBe(0);
    expect(out).toMatch(/^Usage: glance-lineage clean/);
    expect(out).toContain('--keep-per-server N');
  });
});
