/* Runs every bench/*.bench.ts module (or those whose name contains the filter) and prints one line
   per figure (see bench/harness.ts). Timings live here, never in unit tests.
   `npm run bench -- [filter] [--json <file>]`. */
import { readdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { formatLine, jsonRecord, verdict, type BenchCase } from './harness';

const args = process.argv.slice(2);
const jsonAt = args.indexOf('--json');
const jsonFile = jsonAt >= 0 ? args[jsonAt + 1] : undefined;
if (jsonAt >= 0 && !jsonFile) throw new Error('--json needs a file name');
const filter = args.filter((_, i) => jsonAt < 0 || (i !== jsonAt && i !== jsonAt + 1))[0] ?? '';
const dir = resolve(import.meta.dirname);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let slow = 0;
const records: Array<Record<string, unknown>> = [];
for (const file of files) {
  const area = file.replace(/\.bench\.ts$/, '');
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { cases: BenchCase[] };
  for (const c of mod.cases) {
    console.log(`\n▶ ${c.name}`);
    try {
      for (const r of await c.run()) {
        if (verdict(r) === 'SLOW') slow++;
        console.log(`  ${formatLine(area, r)}`);
        records.push({ case: c.name, ...jsonRecord(area, r) });
      }
    } catch (err) {
      slow++;
      console.log(`  ${area}: FAILED: ${(err as Error).stack ?? String(err)}`);
      records.push({ case: c.name, id: `${area}.failed`, error: String(err), verdict: 'SLOW' });
    }
  }
}
const load = loadavg()[0];
console.log(`\nload average (1 min) at the end: ${load.toFixed(2)} on this machine's cores`);
console.log(slow === 0 ? 'All figures within budget.' : `${slow} figure(s) SLOW or failed.`);
if (jsonFile) {
  writeFileSync(
    jsonFile,
    JSON.stringify({ at: new Date().toISOString(), loadAverage: load, results: records }, null, 2),
  );
  console.log(`JSON written to ${jsonFile}`);
}
process.exitCode = slow === 0 ? 0 : 1;
