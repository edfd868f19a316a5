import { describe, expect, it } from 'vitest';
import { extraAllowedHosts, FlagError, parseServerFlags } from './flags';

describe('server flags', () => {
  it('defaults to loopback on 8375, demo off, writable', () => {
    expect(parseServerFlags([], {})).toMatchObject({
      port: 8375,
      host: '127.0.0.1',
      cloud: null,
      demo: false,
      readOnly: false,
      testControls: false,
      allowHosts: [],
      auditFile: null,
    });
  });

  it('reads the port and read-only mode from the environment, flags winning', () => {
    expect(parseServerFlags([], { GLANCE_LINEAGE_PORT: '9000' }).port).toBe(9000);
    expect(parseServerFlags(['--port', '0'], { GLANCE_LINEAGE_PORT: '9000' }).port).toBe(0);
    expect(parseServerFlags([], { GLANCE_LINEAGE_READ_ONLY: '1' }).readOnly).toBe(true);
  });

  it('collects repeated --allow-host and the other options', () => {
    const f = parseServerFlags(
      [
        '--allow-host',
        'a.lan',
        '--allow-host=b.lan:8080',
        '--cloud',
        'lab',
        '--read-only',
        '--audit-file',
        'x.jsonl',
      ],
      {},
    );
    expect(f).toMatchObject({
      allowHosts: ['a.lan', 'b.lan:8080'],
      cloud: 'lab',
      readOnly: true,
      auditFile: 'x.jsonl',
    });
  });

  it('rejects unknown flags, bad ports and contradictions with a FlagError', () => {
    expect(() => parseServerFlags(['--bogus'], {})).toThrow(FlagError);
    expect(() => parseServerFlags(['--port', 'abc'], {})).toThrow(/--port/);
    expect(() => parseServerFlags(['--port', '70000'], {})).toThrow(FlagError);
    expect(() => parseServerFlags(['--demo', '--cloud', 'x'], {})).toThrow(/exclude/);
    expect(() => parseServerFlags(['--demo-user', 'root'], {})).toThrow(/demo-user/);
  });

  it('allows the bound address as a Host unless it is loopback or a wildcard', () => {
    expect(extraAllowedHosts({ host: '127.0.0.1', allowHosts: [] })).toEqual([]);
    expect(extraAllowedHosts({ host: '0.0.0.0', allowHosts: ['dash.lan'] })).toEqual(['dash.lan']);
    expect(extraAllowedHosts({ host: '192.168.1.5', allowHosts: [] })).toEqual(['192.168.1.5']);
    expect(extraAllowedHosts({ host: 'fd00::5', allowHosts: [] })).toEqual(['[fd00::5]']);
  });
});
