import { describe, expect, it } from 'vitest';
import { classifyImage, isShelvedImage, isSnapshot, isTransitional, isVolumeBacked } from './classify';
import { idOf, lab } from './fixtures/lab-recorded';
import { baseImage, server, snapshot } from './fixtures/builders';

describe('classifyImage', () => {
  it('classifies the recorded lab images', () => {
    const kinds: Record<string, string> = Object.fromEntries(
      lab.adminImages.map((i) => [i.name ?? '', classifyImage(i)]),
    );
    expect(kinds).toMatchObject({
      'debian-12-lab': 'image',
      'demo-empty': 'image',
      'web-3-snap': 'snapshot',
      'batch-2-shelved': 'snapshot',
      'ops-backup-db-1': 'snapshot',
    });
  });

  it('takes instance_uuid as evidence even when image_type says otherwise', () => {
    expect(classifyImage(snapshot('a', 'a', 'srv', 'root', { image_type: 'image' }))).toBe('snapshot');
  });

  it('knows golden, backup and volume-backed snapshots', () => {
    expect(classifyImage(baseImage('g', 'g', { image_type: 'golden' }))).toBe('golden');
    expect(classifyImage(snapshot('b', 'b', 'srv', 'root', { image_type: 'backup' }))).toBe('backup');
    const vol = baseImage('v', 'v', { size: 0, block_device_mapping: '[{"snapshot_id":"s"}]' });
    expect(classifyImage(vol)).toBe('volume-snapshot');
    expect(isVolumeBacked(vol)).toBe(true);
    expect(isSnapshot(vol)).toBe(true);
    expect(isSnapshot(baseImage('i', 'i'))).toBe(false);
  });

  it('knows transitional statuses', () => {
    expect(
      ['queued', 'saving', 'uploading', 'importing', 'active', 'deactivated'].map((status) =>
        isTransitional(baseImage('x', 'x', { status: status as 'active' })),
      ),
    ).toEqual([true, true, true, true, false, false]);
  });
});

describe('isShelvedImage', () => {
  const shelveImage = lab.adminImages.find((i) => i.id === idOf('batch-2-shelved'))!;
  const batch2 = lab.adminServers.find((s) => s.id === idOf('batch-2'))!;

  it('is true for the recorded shelve image of a SHELVED_OFFLOADED server', () => {
    expect(isShelvedImage(shelveImage, batch2)).toBe(true);
  });

  it('is false once the server is active again, or for another name', () => {
    expect(isShelvedImage(shelveImage, { ...batch2, status: 'ACTIVE' })).toBe(false);
    expect(isShelvedImage({ ...shelveImage, name: 'batch-2-snap' }, batch2)).toBe(false);
    expect(isShelvedImage(shelveImage, undefined)).toBe(false);
    expect(isShelvedImage(shelveImage, server('other', 'x', '', { status: 'SHELVED' }))).toBe(false);
  });
});
