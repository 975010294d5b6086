#!/usr/bin/env node
/**
 * The third-party licence list shipped with the app: every package the built app contains — the
 * production dependencies and everything they pull in, plus Electron itself — with its version,
 * licence and licence text, read from node_modules. Written to
 * resources/public/third-party-licenses.json (Vite copies it into the build; the About dialog reads
 * it). Run before every build (package.json prebuild hooks).
 *
 *   node scripts/licenses.mjs [output.json]
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const LICENSE_FILE = /^(licen[cs]e|copying)(\.(md|txt|markdown))?$/i;
/** Licence texts above this are cut (a few packages ship their whole dependency tree's notices). */
const MAX_TEXT = 20_000;

/** The licence field in its three historical shapes: "MIT", { type: "MIT" }, [{ type }, …]. */
export function licenseOf(pkg) {
  const { license, licenses } = pkg;
  if (typeof license === 'string' && license.trim()) return license.trim();
  if (license && typeof license === 'object' && typeof license.type === 'string') return license.type;
  if (Array.isArray(licenses) && licenses.length)
    return (
      licenses
        .map((l) => (typeof l === 'string' ? l : l?.type))
        .filter(Boolean)
        .join(' OR ') || 'UNKNOWN'
    );
  return 'UNKNOWN';
}

/** The package's folder as Node would find it from `fromDir`: node_modules/<name> here or in a parent. */
function findPackageDir(name, fromDir, rootDir) {
  let dir = fromDir;
  for (;;) {
    const candidate = join(dir, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dir === rootDir || dirname(dir) === dir) return null;
    dir = dirname(dir);
    // Step out of a node_modules/@scope folder to the folder that owns that node_modules.
    while (/[\\/]node_modules$/.test(dir) || /[\\/]node_modules[\\/]@[^\\/]+$/.test(dir)) dir = dirname(dir);
  }
}

function repositoryOf(pkg) {
  const r = typeof pkg.repository === 'string' ? pkg.repository : pkg.repository?.url;
  return typeof r === 'string' ? r.replace(/^git\+/, '').replace(/\.git$/, '') : undefined;
}

function licenseText(dir) {
  const file = readdirSync(dir).find((f) => LICENSE_FILE.test(f));
  if (!file) return undefined;
  const text = readFileSync(join(dir, file), 'utf8').trim();
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}\n…` : text;
}

/**
 * Walks the production dependency graph from `rootDir`'s package.json (dependencies and installed
 * optionalDependencies; peers are someone else's), plus the packages named in `extra` — on their
 * own: Electron's npm dependencies only download its binary and are not in the app.
 * Returns one entry per name@version, sorted by name; `missing` lists required packages not found.
 */
export function collectLicenses(rootDir, { extra = [] } = {}) {
  const root = resolve(rootDir);
  const rootPkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const queue = [
    ...Object.keys(rootPkg.dependencies ?? {}).map((name) => ({ name, from: root, optional: false, leaf: false })),
    ...extra.map((name) => ({ name, from: root, optional: false, leaf: true })),
  ];
  const seenDirs = new Set();
  const byId = new Map();
  const missing = [];
  while (queue.length) {
    const { name, from, optional, leaf } = queue.shift();
    const dir = findPackageDir(name, from, root);
    if (!dir) {
      if (!optional) missing.push(name);
      continue;
    }
    if (seenDirs.has(dir)) continue;
    seenDirs.add(dir);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    const id = `${pkg.name}@${pkg.version}`;
    if (!byId.has(id)) {
      const entry = { name: pkg.name, version: pkg.version, license: licenseOf(pkg) };
      const repository = repositoryOf(pkg);
      if (repository) entry.repository = repository;
      const text = licenseText(dir);
      if (text) entry.text = text;
      byId.set(id, entry);
    }
    if (leaf) continue;
    for (const dep of Object.keys(pkg.dependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: false, leaf: false });
    for (const dep of Object.keys(pkg.optionalDependencies ?? {}))
      queue.push({ name: dep, from: dir, optional: true, leaf: false });
  }
  const packages = [...byId.values()].sort(
    (a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version),
  );
  return { packages, missing };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = resolve(import.meta.dirname, '..');
  const out = resolve(process.argv[2] ?? join(repo, 'resources/public/third-party-licenses.json'));
  // Electron is a devDependency only for the build, but its runtime is inside every installer.
  const { packages, missing } = collectLicenses(repo, { extra: ['electron'] });
  if (missing.length) {
    console.error(`licenses: not installed: ${missing.join(', ')} (run npm ci)`);
    process.exit(1);
  }
  const unknown = packages.filter((p) => p.license === 'UNKNOWN').map((p) => `${p.name}@${p.version}`);
  writeFileSync(out, JSON.stringify({ packages }) + '\n');
  console.log(
    `licenses: ${packages.length} packages → ${out}${unknown.length ? ` (no licence field: ${unknown.join(', ')})` : ''}`,
  );
}
