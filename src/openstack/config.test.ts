import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadCloudConfig } from './config';
import type { LoadCloudConfigOptions } from './config';
import { OpenStackError } from './errors';

let root: string;
let cwd: string;
let home: string;
let systemDir: string;

beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), 'gl-config-'));
  cwd = path.join(root, 'work');
  home = path.join(root, 'home');
  systemDir = path.join(root, 'etc-openstack');
  for (const d of [cwd, home, systemDir]) mkdirSync(d, { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function load(env: Record<string, string | undefined> = {}, extra: Partial<LoadCloudConfigOptions> = {}) {
  return loadCloudConfig({ env, cwd, home, systemDir, ...extra });
}

function write(dir: string, name: string, text: string): string {
  mkdirSync(dir, { recursive: true });
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
}

function configErrorOf(fn: () => unknown): OpenStackError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(OpenStackError);
    const err = e as OpenStackError;
    expect(err.envelope).toMatchObject({ code: 'config_error', service: 'proxy', status: 400 });
    expect(err.message).not.toContain('\n');
    return err;
  }
  throw new Error('expected a config_error');
}

const LAB_CLOUDS = `clouds:
  lab:
    auth:
      auth_url: http://127.0.0.1:5000/v3
      username: demo
      password: demo-secret
      project_name: demo
      user_domain_name: Default
      project_domain_name: Default
    region_name: RegionOne
    interface: internal
    glance_lineage:
      test_cloud: true
  prod:
    auth_type: v3applicationcredential
    auth:
      auth_url: https://keystone.example:5000
      application_credential_id: ac1
    cacert: ca.pem
    verify: false
`;

describe('loadCloudConfig', () => {
  it('returns null when nothing is configured', () => {
    expect(load()).toBeNull();
  });

  it('returns null when a clouds.yaml exists but no cloud is named and OS_AUTH_URL is unset', () => {
    write(cwd, 'clouds.yaml', LAB_CLOUDS);
    expect(load()).toBeNull();
  });

  it('reads the cloud named by OS_CLOUD from ./clouds.yaml', () => {
    const file = write(cwd, 'clouds.yaml', LAB_CLOUDS);
    expect(load({ OS_CLOUD: 'lab' })).toEqual({
      name: 'lab',
      authType: 'password',
      auth: {
        auth_url: 'http://127.0.0.1:5000/v3',
        username: 'demo',
        password: 'demo-secret',
        project_name: 'demo',
        user_domain_name: 'Default',
        project_domain_name: 'Default',
      },
      regionName: 'RegionOne',
      interface: 'internal',
      cacert: null,
      verify: true,
      testCloud: true,
      source: file,
    });
  });

  it('prefers opts.cloud over OS_CLOUD', () => {
    write(cwd, 'clouds.yaml', LAB_CLOUDS);
    write(cwd, 'secure.yaml', 'clouds:\n  prod:\n    auth:\n      application_credential_secret: s3cret\n');
    const c = load({ OS_CLOUD: 'lab' }, { cloud: 'prod' });
    expect(c).toMatchObject({
      name: 'prod',
      authType: 'v3applicationcredential',
      cacert: 'ca.pem',
      verify: false,
      testCloud: false,
    });
    expect(c?.interface).toBe('public');
  });

  it('merges secure.yaml over clouds.yaml', () => {
    write(
      home + '/.config/openstack',
      'clouds.yaml',
      'clouds:\n  c:\n    auth: {auth_url: "http://k:5000/v3", username: u}\n',
    );
    write(systemDir, 'secure.yaml', 'clouds:\n  c:\n    auth: {password: from-secure}\n');
    expect(load({ OS_CLOUD: 'c' })?.auth).toEqual({
      auth_url: 'http://k:5000/v3',
      username: 'u',
      password: 'from-secure',
    });
  });

  it('searches ./ before ~/.config/openstack before /etc/openstack', () => {
    write(systemDir, 'clouds.yaml', 'clouds:\n  c:\n    auth: {auth_url: "http://etc:5000", token: t}\n');
    expect(load({ OS_CLOUD: 'c' })?.auth.auth_url).toBe('http://etc:5000');
    write(
      path.join(home, '.config', 'openstack'),
      'clouds.yaml',
      'clouds:\n  c:\n    auth: {auth_url: "http://home:5000", token: t}\n',
    );
    expect(load({ OS_CLOUD: 'c' })?.auth.auth_url).toBe('http://home:5000');
    write(cwd, 'clouds.yaml', 'clouds:\n  c:\n    auth: {auth_url: "http://cwd:5000", token: t}\n');
    expect(load({ OS_CLOUD: 'c' })?.auth.auth_url).toBe('http://cwd:5000');
  });

  it('uses OS_CLIENT_CONFIG_FILE instead of the search path', () => {
    write(cwd, 'clouds.yaml', LAB_CLOUDS);
    const other = write(
      path.join(root, 'elsewhere'),
      'my.yaml',
      'clouds:\n  x:\n    auth: {auth_url: "http://x:5000", token: t}\n',
    );
    expect(load({ OS_CLOUD: 'x', OS_CLIENT_CONFIG_FILE: other })).toMatchObject({
      name: 'x',
      authType: 'token',
      source: other,
    });
    configErrorOf(() => load({ OS_CLOUD: 'x', OS_CLIENT_CONFIG_FILE: path.join(root, 'missing.yaml') }));
  });

  it('builds a cloud from OS_* variables when no cloud is named', () => {
    const c = load({
      OS_AUTH_URL: 'http://127.0.0.1:5000/v3',
      OS_USERNAME: 'admin',
      OS_PASSWORD: 'admin-secret',
      OS_PROJECT_NAME: 'admin',
      OS_USER_DOMAIN_NAME: 'Default',
      OS_PROJECT_DOMAIN_ID: 'default',
      OS_REGION_NAME: 'RegionOne',
      OS_INTERFACE: 'public',
      OS_CACERT: '/ca.pem',
      OS_INSECURE: 'true',
      GLANCE_LINEAGE_TEST_CLOUD: '1',
    });
    expect(c).toEqual({
      name: 'env',
      authType: 'password',
      auth: {
        auth_url: 'http://127.0.0.1:5000/v3',
        username: 'admin',
        password: 'admin-secret',
        project_name: 'admin',
        user_domain_name: 'Default',
        project_domain_id: 'default',
      },
      regionName: 'RegionOne',
      interface: 'public',
      cacert: '/ca.pem',
      verify: false,
      testCloud: true,
      source: 'environment',
    });
  });

  it('reads application credential and token auth from OS_* variables', () => {
    expect(
      load({
        OS_AUTH_URL: 'http://k:5000',
        OS_AUTH_TYPE: 'v3applicationcredential',
        OS_APPLICATION_CREDENTIAL_ID: 'id1',
        OS_APPLICATION_CREDENTIAL_SECRET: 's',
      }),
    ).toMatchObject({
      authType: 'v3applicationcredential',
      auth: { application_credential_id: 'id1', application_credential_secret: 's' },
    });
    expect(
      load({ OS_AUTH_URL: 'http://k:5000', OS_AUTH_TYPE: 'v3token', OS_TOKEN: 'gAAA', OS_PROJECT_ID: 'p1' }),
    ).toMatchObject({
      authType: 'token',
      auth: { token: 'gAAA', project_id: 'p1' },
    });
    expect(
      load({ OS_AUTH_URL: 'http://k:5000', OS_AUTH_TYPE: 'v3password', OS_USERNAME: 'u', OS_PASSWORD: 'p' })
        ?.authType,
    ).toBe('password');
  });

  it('marks a test cloud from GLANCE_LINEAGE_TEST_CLOUD=1 on a clouds.yaml entry too', () => {
    write(cwd, 'clouds.yaml', LAB_CLOUDS);
    write(cwd, 'secure.yaml', 'clouds:\n  prod:\n    auth:\n      application_credential_secret: s\n');
    expect(load({ OS_CLOUD: 'prod' })?.testCloud).toBe(false);
    expect(load({ OS_CLOUD: 'prod', GLANCE_LINEAGE_TEST_CLOUD: '1' })?.testCloud).toBe(true);
  });

  it('takes the first of `regions:` when region_name is absent', () => {
    write(
      cwd,
      'clouds.yaml',
      'clouds:\n  c:\n    regions: [RegionTwo, RegionOne]\n    auth: {auth_url: "http://k", token: t}\n',
    );
    expect(load({ OS_CLOUD: 'c' })?.regionName).toBe('RegionTwo');
  });

  describe('config errors', () => {
    it('names the file and line of malformed YAML', () => {
      const file = write(
        cwd,
        'clouds.yaml',
        'clouds:\n  lab:\n    auth: {auth_url: "http://k"\n    region_name: [x\n',
      );
      const e = configErrorOf(() => load({ OS_CLOUD: 'lab' }));
      expect(e.message).toContain(`malformed YAML in ${file} at line `);
      expect(e.message).toMatch(/at line \d+/);
    });

    it('lists the clouds that exist when the name is unknown', () => {
      write(cwd, 'clouds.yaml', LAB_CLOUDS);
      expect(configErrorOf(() => load({ OS_CLOUD: 'nope' })).message).toMatch(
        /cloud 'nope' is not in .*clouds there: lab, prod/,
      );
    });

    it('says where it looked when a cloud is named but there is no clouds.yaml', () => {
      expect(configErrorOf(() => load({ OS_CLOUD: 'lab' })).message).toMatch(/no clouds.yaml was found/);
    });

    it('rejects a missing auth_url', () => {
      write(cwd, 'clouds.yaml', 'clouds:\n  c:\n    auth: {username: u, password: p}\n');
      expect(configErrorOf(() => load({ OS_CLOUD: 'c' })).message).toMatch(
        /cloud 'c' in .*: missing auth_url/,
      );
    });

    it('rejects an unsupported auth_type', () => {
      write(
        cwd,
        'clouds.yaml',
        'clouds:\n  c:\n    auth_type: v3oidcpassword\n    auth: {auth_url: "http://k"}\n',
      );
      expect(configErrorOf(() => load({ OS_CLOUD: 'c' })).message).toMatch(
        /auth_type 'v3oidcpassword' is not supported/,
      );
    });

    it('rejects a missing password or secret without echoing other secrets', () => {
      expect(configErrorOf(() => load({ OS_AUTH_URL: 'http://k', OS_USERNAME: 'u' })).message).toMatch(
        /needs a password/,
      );
      const e = configErrorOf(() =>
        load({
          OS_AUTH_URL: 'http://k',
          OS_AUTH_TYPE: 'v3applicationcredential',
          OS_APPLICATION_CREDENTIAL_ID: 'a',
        }),
      );
      expect(e.message).toMatch(/needs application_credential_secret/);
      write(
        cwd,
        'clouds.yaml',
        'clouds:\n  c:\n    auth_type: token\n    auth: {auth_url: "http://k", password: hunter2}\n',
      );
      const t = configErrorOf(() => load({ OS_CLOUD: 'c' }));
      expect(t.message).toMatch(/token auth needs a token/);
      expect(t.message).not.toContain('hunter2');
    });

    it('rejects an unknown interface', () => {
      expect(
        configErrorOf(() => load({ OS_AUTH_URL: 'http://k', OS_TOKEN: 't', OS_INTERFACE: 'private' }))
          .message,
      ).toMatch(/interface 'private'/);
    });
  });
});
