import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as browserSafe from './index';
import * as nodeOnly from './node';

/** Follows the relative imports of a module and returns every bare/node: import it reaches. */
function reachableImports(file: URL, seen = new Set<string>()): Set<string> {
  const out = new Set<string>();
  if (seen.has(file.href)) return out;
  seen.add(file.href);
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/g)) {
    const spec = m[1]!;
    if (!spec.startsWith('.')) {
      out.add(spec);
      continue;
    }
    const target = new URL(spec.endsWith('.ts') ? spec : `${spec}.ts`, file);
    let next = target;
    try {
      readFileSync(target);
    } catch {
      next = new URL(`${spec}/index.ts`, file);
    }
    for (const s of reachableImports(next, seen)) out.add(s);
  }
  return out;
}

describe('src/openstack public surface', () => {
  it('index.ts reaches no node: module or package (browser-safe), while node.ts does', () => {
    expect([...reachableImports(new URL('./index.ts', import.meta.url))]).toEqual([]);
    expect(reachableImports(new URL('./node.ts', import.meta.url))).toEqual(
      new Set([
        'node:fs',
        'node:http',
        'node:https',
        'node:stream',
        'node:stream/web',
        'node:os',
        'node:path',
        'yaml',
      ]),
    );
  });

  it('index exports the clients, the error helpers and the runtime constants', () => {
    for (const name of [
      'GlanceClient',
      'NovaClient',
      'OpenStackError',
      'errorFromResponse',
      'errorFromNetwork',
      'toEnvelope',
      'isOpenStackError',
      'NOVA_MICROVERSION',
      'GLANCE_PATCH_CONTENT_TYPE',
    ])
      expect(browserSafe, name).toHaveProperty(name);
    expect(browserSafe).not.toHaveProperty('KeystoneSession');
  });

  it('node exports the session, config loader and node fetch as well', () => {
    for (const name of [
      'KeystoneSession',
      'loadCloudConfig',
      'createNodeFetch',
      'GlanceClient',
      'toEnvelope',
    ])
      expect(nodeOnly, name).toHaveProperty(name);
  });
});
