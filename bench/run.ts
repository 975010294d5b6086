/* Runs every bench/*.bench.ts module and prints each figure against its budget.
   Timings live here, never in unit tests. `npm run bench [filter]`. */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BenchCase } from './harness';

const filter = process.argv[2] ?? '';
const dir = resolve(import.meta.dirname);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts') && f.includes(filter))
  .sort();
let over = 0;
for (const file of files) {
  const mod = (await import(pathToFileURL(resolve(dir, file)).href)) as { cases: BenchCase[] };
  for (const c of mod.cases) {
    console.log(`\n▶ ${c.name}`);
    try {
      for (const r of await c.run()) {
        const unit = r.unit ?? 'ms';
        const v = r.value.toFixed(unit === 'ms' ? 1 : 2);
        if (r.budget === undefined) {
          console.log(`  ${r.label}: ${v} ${unit}`);
        } else {
          const ratio = r.value / r.budget;
          const ok = ratio <= 1;
          if (!ok) over++;
          console.log(
            `  ${r.label}: ${v} ${unit}  budget ${r.budget} ${unit}  ratio ${ratio.toFixed(2)}  ${ok ? 'OK' : 'OVER BUDGET'}`,
          );
        }
      }
    } catch (err) {
      over++;
      console.log(`  FAILED: ${(err as Error).stack ?? String(err)}`);
    }
  }
}
console.log(`\n${over === 0 ? 'All figures within budget.' : `${over} figure(s) over budget or failed.`}`);
process.exitCode = over === 0 ? 0 : 1;
