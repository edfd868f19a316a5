import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFileAuditLog, createMemoryAuditLog, type AuditEntry } from './audit-log';

function entry(over: Partial<AuditEntry> = {}): AuditEntry {
  return {
    time: '2025-01-01T00:00:00.000Z',
    cloud: 'demo',
    project: 'demo',
    user: 'admin',
    action: 'image.delete',
    method: 'DELETE',
    path: '/v2/images/a',
    targets: ['a'],
    outcome: 'ok',
    status: 204,
    requestId: 'req-1',
    ...over,
  };
}

describe('audit log', () => {
  it('lists newest first and filters by action prefix, outcome and text', () => {
    const log = createMemoryAuditLog();
    log.append(entry({ targets: ['a'] }));
    log.append(entry({ action: 'image.tag.add', targets: ['b', 'gold'], outcome: 'refused', status: 403 }));
    log.append(entry({ action: 'server.createImage', targets: ['srv-1'], outcome: 'error', status: 409 }));
    expect(log.list().map((e) => e.targets[0])).toEqual(['srv-1', 'b', 'a']);
    expect(log.list({ action: 'image' }).map((e) => e.action)).toEqual(['image.tag.add', 'image.delete']);
    expect(log.list({ outcome: 'refused' })).toHaveLength(1);
    expect(log.list({ q: 'GOLD' })[0]?.action).toBe('image.tag.add');
    expect(log.list({ limit: 1 })).toHaveLength(1);
  });

  it('appends one JSON line per entry to the file and reloads it, skipping a torn last line', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-'));
    const file = path.join(dir, 'nested', 'audit.jsonl');
    const log = createFileAuditLog(file);
    log.append(entry({ targets: ['x'] }));
    log.append(entry({ targets: ['y'] }));
    const text = readFileSync(file, 'utf8');
    expect(text.trim().split('\n')).toHaveLength(2);
    expect(log.exportJsonl()).toBe(text);

    writeFileSync(file, text + '{"time":"2025-01-01T00:00:0', 'utf8'); // a crash mid-line
    const reloaded = createFileAuditLog(file);
    expect(reloaded.list().map((e) => e.targets[0])).toEqual(['y', 'x']);
    reloaded.append(entry({ targets: ['z'] }));
    expect(
      createFileAuditLog(file)
        .list()
        .map((e) => e.targets[0]),
    ).toEqual(['z', 'y', 'x']);
  });
});
