#!/usr/bin/env node
/**
 * Every key exists in both locales (same namespaces, same keys, same {{placeholders}}), and every
 * literal key the code asks for (`t('ns:key')`, `t('key')`) exists, and English has no full-width colon. Exits 1
 * with a list otherwise.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const localesDir = join(root, 'renderer/i18n/locales');
const langs = readdirSync(localesDir);
const problems = [];

function flatten(obj, prefix = '', out = {}) {
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (v && typeof v === 'object') flatten(v, key, out);
    else out[key] = String(v);
  }
  return out;
}

const data = {};
for (const lng of langs) {
  data[lng] = {};
  for (const f of readdirSync(join(localesDir, lng)).filter((f) => f.endsWith('.json'))) {
    data[lng][f.replace(/\.json$/, '')] = flatten(JSON.parse(readFileSync(join(localesDir, lng, f), 'utf8')));
  }
}
const placeholders = (s) =>
  [...s.matchAll(/\{\{\s*(\w+)/g)]
    .map((m) => m[1])
    .sort()
    .join(',');
const [base, ...others] = langs.includes('zh-CN') ? ['zh-CN', ...langs.filter((l) => l !== 'zh-CN')] : langs;
for (const other of others) {
  const nss = new Set([...Object.keys(data[base]), ...Object.keys(data[other])]);
  for (const ns of nss) {
    const a = data[base][ns] ?? {};
    const b = data[other][ns] ?? {};
    for (const k of Object.keys(a)) if (!(k in b)) problems.push(`${other}/${ns}.json lacks "${k}"`);
    for (const k of Object.keys(b)) if (!(k in a)) problems.push(`${base}/${ns}.json lacks "${k}"`);
    for (const k of Object.keys(a))
      if (k in b && placeholders(a[k]) !== placeholders(b[k]))
        problems.push(`${ns}:${k} has different placeholders in ${base} and ${other}`);
  }
}

// English uses ASCII punctuation (docs/architecture.md, Adding a feature): no full-width colon. The one
// exception quotes Chinese text the app reads: the State Council notice pasted into the calendar.
const quotesChinese = new Set(['calendar:notice.placeholder']);
for (const [ns, keys] of Object.entries(data.en ?? {}))
  for (const [k, v] of Object.entries(keys))
    if (v.includes('\uFF1A') && !quotesChinese.has(`${ns}:${k}`))
      problems.push(`en/${ns}.json "${k}" has a full-width colon '：' (English uses ': ')`);

// Keys used in code: t('ns:key'), t('key'), i18nKey / messageKey / titleKey string literals.
const all = data[base];
const exists = (ns, key) => {
  // i18next plural forms: key_one/key_other
  const has = (n) =>
    all[n] && (key in all[n] || `${key}_other` in all[n] || Object.keys(all[n]).some((k) => k.startsWith(`${key}.`)));
  return ns ? has(ns) : Object.keys(all).some(has);
};
function walk(dir, out = []) {
  for (const f of readdirSync(dir)) {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) walk(p, out);
    else if (/\.(ts|tsx)$/.test(f) && !/\.test\.tsx?$/.test(f)) out.push(p);
  }
  return out;
}
const keyPattern =
  /(?:\bt|getFixedT\([^)]*\))\(\s*'([a-zA-Z][\w-]*(?::[\w.-]+)?(?:\.[\w-]+)*)'|(?:messageKey|titleKey|reasonKey|labelKey)\s*[:=]\s*'([\w-]+:[\w.-]+|[\w-]+(?:\.[\w-]+)+)'/g;
for (const file of walk(join(root, 'renderer'))) {
  const src = readFileSync(file, 'utf8');
  for (const m of src.matchAll(keyPattern)) {
    const full = m[1] ?? m[2];
    if (!full.includes('.') && !full.includes(':')) continue; // not a key (e.g. t('x') inside a regexp)
    const [ns, key] = full.includes(':') ? full.split(':') : [null, full];
    if (!exists(ns, key)) problems.push(`${relative(root, file)}: key "${full}" is in no locale`);
  }
}

if (problems.length) {
  console.error(`i18n check: ${problems.length} problem(s)\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `i18n check: ${langs.length} locales, ${Object.keys(data[base]).length} namespaces, ${Object.values(data[base]).reduce((n, ns) => n + Object.keys(ns).length, 0)} keys each — all present, placeholders match, no full-width colon in English.`,
);
