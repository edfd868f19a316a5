// Import boundaries of DESIGN.md as a lint rule: each layer of src/ may import only the layers listed here.
// Relative imports are resolved against the importing file, so `../../cleanup/x` is caught too.
import path from 'node:path';

const SRC = path.resolve(import.meta.dirname, '..', 'src');

/** layer -> layers it may import (itself is always allowed; a feature may import only itself). */
const ALLOWED = {
  openstack: [],
  // Wire types of our own proxy's API (jobs, audit), shared by the proxy and the browser.
  wire: ['openstack'],
  lineage: ['openstack'],
  sim: ['openstack'],
  server: ['openstack', 'lineage', 'sim', 'wire'],
  cli: ['openstack', 'lineage', 'sim'],
  api: ['openstack', 'lineage', 'wire'],
  lib: ['openstack', 'lineage'],
  components: ['lib', 'lineage', 'openstack'],
  features: ['api', 'lineage', 'components', 'lib', 'openstack', 'wire'],
  app: ['features', 'api', 'lineage', 'components', 'lib', 'openstack', 'wire'],
  testing: ['openstack', 'lineage', 'sim', 'server', 'api', 'lib', 'components', 'features', 'app'],
};
/** Packages a layer must not import (the pure core stays framework- and I/O-free). */
const FORBIDDEN_PACKAGES = {
  lineage: /^(react|react-dom|@xyflow\/.*|@tanstack\/.*|hono|@hono\/.*|yaml|node:.*)($|\/)/,
  wire: /^.+$/,
  openstack: /^(react|react-dom|@xyflow\/.*|@tanstack\/.*|hono|@hono\/.*)($|\/)/,
  api: /^(node:.*|hono|@hono\/.*|yaml)($|\/)/,
  components: /^(node:.*|hono|@hono\/.*|yaml)($|\/)/,
  features: /^(node:.*|hono|@hono\/.*|yaml)($|\/)/,
  app: /^(node:.*|hono|@hono\/.*|yaml)($|\/)/,
};

function locate(file) {
  const rel = path.relative(SRC, file);
  if (rel.startsWith('..') || path.isAbsolute(rel)) return null;
  const [layer, sub] = rel.split(path.sep);
  return { layer, feature: layer === 'features' ? sub : undefined };
}

export const boundaries = {
  meta: { type: 'problem', schema: [], messages: { layer: '{{msg}}' } },
  create(context) {
    const here = locate(context.filename);
    if (!here || !(here.layer in ALLOWED)) return {};
    const check = (node, source) => {
      if (typeof source !== 'string') return;
      if (!source.startsWith('.') && !source.startsWith('/')) {
        const re = FORBIDDEN_PACKAGES[here.layer];
        if (re && re.test(source) && !context.filename.includes('.test.'))
          context.report({
            node,
            messageId: 'layer',
            data: { msg: `src/${here.layer} must not import '${source}'` },
          });
        return;
      }
      const target = locate(path.resolve(path.dirname(context.filename), source));
      if (!target || target.layer === here.layer) {
        if (target && here.layer === 'features' && target.feature !== here.feature)
          context.report({
            node,
            messageId: 'layer',
            data: { msg: `feature '${here.feature}' must not import feature '${target.feature}'` },
          });
        return;
      }
      const isTest = /\.(test|spec)\.tsx?$/.test(context.filename);
      // Tests may drive the real simulator and the shared test kit (the simulator is test infrastructure).
      if (isTest && (target.layer === 'testing' || target.layer === 'sim')) return;
      if (!ALLOWED[here.layer].includes(target.layer))
        context.report({
          node,
          messageId: 'layer',
          data: { msg: `src/${here.layer} must not import src/${target.layer}` },
        });
    };
    return {
      ImportDeclaration: (n) => check(n, n.source.value),
      ExportNamedDeclaration: (n) => n.source && check(n, n.source.value),
      ExportAllDeclaration: (n) => check(n, n.source.value),
      ImportExpression: (n) => n.source.type === 'Literal' && check(n, n.source.value),
    };
  },
};

export default { rules: { boundaries } };
