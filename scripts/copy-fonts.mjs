#!/usr/bin/env node
/*
 * Copies the two Noto Sans SC weights the reports use (regular, bold; CFF OpenType) and their OFL
 * licence from @embedpdf/fonts-sc into resources/public/fonts/, which Vite serves and packages at
 * ./fonts/. Run before dev, build and tests (prebuild/predev/pretest). The package's `exports`
 * field forbids deep imports, so the files are located from its main entry instead.
 * Idempotent: files already identical in size are left alone.
 */
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const pkgDir = dirname(dirname(createRequire(import.meta.url).resolve('@embedpdf/fonts-sc'))); // …/dist/index.cjs → package
const outDir = join(root, 'resources/public/fonts');

// Keep the names in step with renderer/pdf/pdfmake-setup.ts (fontFiles).
const files = [
  [join(pkgDir, 'fonts/NotoSansHans-Regular.otf'), 'NotoSansHans-Regular.otf'],
  [join(pkgDir, 'fonts/NotoSansHans-Bold.otf'), 'NotoSansHans-Bold.otf'],
  [join(pkgDir, 'LICENSE'), 'LICENSE-NotoSansSC.txt'],
];

mkdirSync(outDir, { recursive: true });
let copied = 0;
for (const [from, name] of files) {
  if (!existsSync(from)) {
    console.error(`copy-fonts: missing ${from} (is @embedpdf/fonts-sc installed?)`);
    process.exit(1);
  }
  const to = join(outDir, name);
  if (existsSync(to) && statSync(to).size === statSync(from).size) continue;
  copyFileSync(from, to);
  copied++;
}
console.log(`copy-fonts: ${copied} file(s) copied to ${outDir}`);
