#!/usr/bin/env node
/**
 * Writes SHA256SUMS next to the installers in a folder (default release/), in the format
 * `sha256sum -c` and `shasum -a 256 -c` read: "<hex>  <file name>". Only the files a user
 * downloads: installers, portable builds, disk images, packages.
 *
 *   node scripts/sha256sums.mjs [folder]
 */
import { createHash } from 'node:crypto';
import { createReadStream, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const folder = process.argv[2] ?? 'release';
const INSTALLER = /\.(exe|msi|dmg|zip|AppImage|deb|rpm)$/;

/** SHA-256 of a file, streamed (installers are hundreds of megabytes). */
function sha256(path) {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

const names = readdirSync(folder)
  .filter((n) => INSTALLER.test(n) && statSync(join(folder, n)).isFile())
  .sort();
if (names.length === 0) {
  console.error(`sha256sums: no installers in ${folder}`);
  process.exit(1);
}
const lines = [];
for (const name of names) lines.push(`${await sha256(join(folder, name))}  ${name}`);
writeFileSync(join(folder, 'SHA256SUMS'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
