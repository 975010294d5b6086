/**
 * Keeps the renderer's features behind their front door (see docs/architecture.md when present):
 * - a file in renderer/features/<f>/ imports another feature only through `features/<other>/index`;
 * - the rest of the renderer (app shell, db, components) likewise only through that front door;
 * - renderer/pdf/** and renderer/core/** import no feature at all: a PDF builder takes plain data, and
 *   what it shares with a feature lives in renderer/core/ (e.g. renderer/core/faults/event-text.ts) or
 *   shared/domain/ (e.g. shared/domain/inspection-trend.ts).
 *   One exception: the report demos (renderer/pdf/demo/** and the builders' *.test.ts files) may import
 *   a feature's `report-demo` module, and nothing else of it. Those demos are made by the feature's own
 *   code, so they belong to it: renderer/features/inspections/report-demo.ts runs the feature's
 *   scenario and report-data functions over an in-memory inspection (the sample and the tests then
 *   print what the app would issue), and renderer/features/kb/report-demo.ts prints the articles the
 *   kb demo seed writes. Demos that are plain report data live in renderer/pdf/demo/ instead.
 * The automatic plug-ins (routes.tsx, dashboard-widget.tsx, settings-section.tsx, demo-seed.ts) are
 * picked up by `import.meta.glob`, not by import statements, so they never show up here.
 */
import path from 'node:path';

const norm = (p) => p.split(path.sep).join('/');

/** Where a renderer file lives: { area: 'features'|'pdf'|'core'|..., feature?: string, rest: path below } or null. */
function place(file) {
  const m = /(?:^|\/)renderer\/(.*)$/.exec(norm(file));
  if (!m) return null;
  const parts = m[1].split('/');
  if (parts[0] === 'features' && parts.length >= 2)
    return { area: 'features', feature: parts[1], rest: parts.slice(2) };
  return { area: parts[0], rest: parts.slice(1) };
}

/** renderer/pdf/demo/** or a renderer/pdf test: where a feature's report demo may be read. */
const isReportDemoUser = (from) =>
  from.area === 'pdf' && (from.rest[0] === 'demo' || /\.test\.tsx?$/.test(from.rest[from.rest.length - 1] ?? ''));
const isReportDemo = (rest) => rest.length === 1 && /^report-demo(\.ts)?$/.test(rest[0]);

function resolveTarget(file, spec) {
  if (spec.startsWith('@renderer/')) return 'renderer/' + spec.slice('@renderer/'.length);
  if (!spec.startsWith('.')) return null;
  return norm(path.join(path.dirname(norm(file)), spec));
}

const isFrontDoor = (rest) => rest.length === 0 || (rest.length === 1 && /^index(\.tsx?)?$/.test(rest[0]));

export default {
  meta: {
    type: 'problem',
    docs: { description: 'features import each other only through index.ts; core and pdf import no feature' },
    schema: [],
  },
  create(context) {
    const file = context.filename ?? context.getFilename();
    const from = place(file);
    if (!from) return {};
    function check(node, spec) {
      if (typeof spec !== 'string') return;
      const target = resolveTarget(file, spec);
      if (!target) return;
      const to = place(target);
      if (!to || to.area !== 'features') return;
      if (from.area === 'pdf' || from.area === 'core') {
        if (isReportDemoUser(from) && isReportDemo(to.rest)) return;
        context.report({ node, message: `renderer/${from.area}/ imports no feature (here '${spec}').` });
        return;
      }
      if (from.area === 'features' && from.feature === to.feature) return;
      if (!isFrontDoor(to.rest))
        context.report({
          node,
          message: `Import another feature only through its front door 'features/${to.feature}/index' (here '${spec}').`,
        });
    }
    return {
      ImportDeclaration: (node) => check(node.source, node.source.value),
      ExportNamedDeclaration: (node) => node.source && check(node.source, node.source.value),
      ExportAllDeclaration: (node) => check(node.source, node.source.value),
      ImportExpression: (node) => node.source.type === 'Literal' && check(node.source, node.source.value),
    };
  },
};
