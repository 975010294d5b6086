#!/usr/bin/env node
/**
 * Lists the functions longer than 80 lines and the files longer than 300 lines (the size guide of
 * docs/architecture.md), longest first, with the counts at the end. Source files only (no tests, no
 * generated output); a function's length is its span from the first to the last line, nested
 * functions included, as eslint's max-lines-per-function counts it.
 *
 *   node scripts/size-report.mjs                 the report
 *   node scripts/size-report.mjs --json          the same as JSON
 *   node scripts/size-report.mjs --fn 60 --file 250   other thresholds
 *
 * It reports and never fails: the guide is a guide, not a gate.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

const root = join(import.meta.dirname, '..');
const roots = ['renderer', 'shared', 'electron', 'scripts', 'bench'];
const skipDirs = new Set(['node_modules', 'out', 'dist', 'test-kit', 'test']);

function arg(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}
const fnLimit = arg('--fn', 80);
const fileLimit = arg('--file', 300);

/** Source files under the roots: .ts, .tsx, .mjs, not tests, not declaration files. */
export function sourceFiles(dir = root) {
  const out = [];
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      if (e.isDirectory()) {
        if (!skipDirs.has(e.name)) walk(join(d, e.name));
      } else if (/\.(ts|tsx|mjs)$/.test(e.name) && !/\.(test|spec)\.|\.d\.ts$/.test(e.name)) {
        out.push(join(d, e.name));
      }
    }
  };
  for (const r of roots) walk(join(dir, r));
  return out.sort();
}

/** The name a reader finds a function by: its own, its variable's, its property's or its class method's. */
function nameOf(node) {
  if (node.name && ts.isIdentifier(node.name)) return node.name.text;
  if (node.name) return node.name.getText();
  const p = node.parent;
  if (p && ts.isVariableDeclaration(p) && ts.isIdentifier(p.name)) return p.name.text;
  if (p && ts.isPropertyAssignment(p)) return p.name.getText();
  if (p && ts.isCallExpression(p)) return `${p.expression.getText().slice(0, 40)}(…)`;
  return '(anonymous)';
}

/** Every function of one file with its line span. */
export function functionsOf(path, text) {
  const kind = path.endsWith('.tsx') ? ts.ScriptKind.TSX : path.endsWith('.mjs') ? ts.ScriptKind.JS : ts.ScriptKind.TS;
  const sf = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, kind);
  const out = [];
  const visit = (node) => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      const start = sf.getLineAndCharacterOfPosition(node.getStart(sf)).line + 1;
      const end = sf.getLineAndCharacterOfPosition(node.getEnd()).line + 1;
      out.push({ name: nameOf(node), line: start, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  return out;
}

export function sizeReport(files = sourceFiles(), limits = { fn: fnLimit, file: fileLimit }) {
  const longFunctions = [];
  const longFiles = [];
  for (const path of files) {
    const text = readFileSync(path, 'utf8');
    const rel = relative(root, path);
    const lines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
    if (lines > limits.file) longFiles.push({ file: rel, lines });
    for (const f of functionsOf(path, text)) if (f.lines > limits.fn) longFunctions.push({ file: rel, ...f });
  }
  longFunctions.sort((a, b) => b.lines - a.lines);
  longFiles.sort((a, b) => b.lines - a.lines);
  return { limits, files: files.length, longFunctions, longFiles };
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const r = sizeReport();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(r, null, 2));
  } else {
    console.log(`Functions over ${r.limits.fn} lines:`);
    for (const f of r.longFunctions) console.log(`  ${String(f.lines).padStart(4)}  ${f.file}:${f.line}  ${f.name}`);
    console.log(`\nFiles over ${r.limits.file} lines:`);
    for (const f of r.longFiles) console.log(`  ${String(f.lines).padStart(4)}  ${f.file}`);
    console.log(
      `\n${r.longFunctions.length} functions over ${r.limits.fn} lines, ${r.longFiles.length} files over ${r.limits.file} lines (${r.files} source files)`,
    );
  }
}
