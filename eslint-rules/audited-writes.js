/**
 * Every write to an audited table goes through the writer of `writeTx` (renderer/db/index.ts),
 * which appends the audit entry itself. Outside renderer/db this rule refuses:
 * - any call of `appendAudit`;
 * - `.put/.add/.bulkPut/.bulkAdd/.update/.delete/.bulkDelete/.clear` on an audited table reached
 *   as `<x>.<table>` (db.faults.put), through `tableOf(...)`/`.table(...)`, or through the
 *   feature's table helpers named after the table (faults(db).put).
 * The tables that are not audited (meta, alertLog) are written directly. Restore, which replaces
 * every table from a backup, is exempted with an eslint-disable comment that says why.
 */
const audited = new Set([
  'settings', 'settingValues', 'team', 'contacts', 'systems', 'faults', 'faultEvents', 'serviceRequests',
  'attachments', 'inspectionTemplates', 'inspections', 'inspectionAnswers', 'reports', 'signatures',
  'kbArticles', 'kbVersions', 'trainings', 'trainingPlans', 'roster', 'personnelChanges', 'calendars',
  'auditLog',
]);
// The table helpers features define (`const faults = (db = getDb()) => db.faults`).
const helpers = new Set(['faults', 'events', 'trainings', 'plans', 'roster', 'changes', 'articles', 'versions', 'table', 'inspections', 'answers']);
const writes = new Set(['put', 'add', 'bulkPut', 'bulkAdd', 'update', 'delete', 'bulkDelete', 'clear', 'modify']);

function tableOfCallee(obj) {
  if (obj.type === 'MemberExpression' && !obj.computed && obj.property.type === 'Identifier')
    return audited.has(obj.property.name) ? obj.property.name : null;
  if (obj.type === 'CallExpression') {
    // A literal table name that is not audited (tableOf(db, 'meta'), db.table('alertLog')) is fine.
    const named = obj.arguments.find((a) => a.type === 'Literal' && typeof a.value === 'string');
    if (named && !audited.has(named.value)) return null;
    const c = obj.callee;
    if (c.type === 'Identifier' && c.name === 'tableOf') return 'tableOf(...)';
    if (c.type === 'Identifier' && helpers.has(c.name)) return `${c.name}(...)`;
    if (c.type === 'MemberExpression' && !c.computed && c.property.name === 'table') return '.table(...)';
  }
  return null;
}

export default {
  meta: {
    type: 'problem',
    docs: { description: 'Audited tables are written only through the writer of writeTx (renderer/db/index.ts).' },
    schema: [],
  },
  create(context) {
    const file = context.filename.split('\\').join('/');
    if (/(^|\/)renderer\/db\//.test(file) || /\.test\.tsx?$/.test(file) || /\/test-kit\//.test(file)) return {};
    return {
      CallExpression(node) {
        const c = node.callee;
        if (c.type === 'Identifier' && c.name === 'appendAudit') {
          context.report({ node, message: 'Write through writeTx\'s writer (renderer/db/index.ts); it appends the audit entry itself.' });
          return;
        }
        if (c.type !== 'MemberExpression' || c.computed || !writes.has(c.property.name)) return;
        const table = tableOfCallee(c.object);
        if (table)
          context.report({
            node,
            message: `Direct ${c.property.name} on ${table}: write audited tables through writeTx's writer (w.${c.property.name === 'clear' ? 'delete' : c.property.name}), which appends the audit entry.`,
          });
      },
    };
  },
};
