/*
 * `npm run reports:sample`: one PDF per built report type in each language, from demo data, into
 * reports-sample/, rendered by exactly the builders the app uses. Look at them with e.g.
 * `pdftoppm -png -r 60 reports-sample/sample.zh-CN.pdf /tmp/sample`.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { createI18n } from '../renderer/i18n';
import { languages } from '../renderer/i18n/resources';
import { reportDemos } from '../renderer/pdf/demo';
import { generatePdf } from '../renderer/pdf/pdf-client';
import { buildReport, reportBuilders, type BuiltReportType } from '../renderer/core/reports/builders';

const outDir = resolve(import.meta.dirname, '../reports-sample');
mkdirSync(outDir, { recursive: true });

for (const type of Object.keys(reportBuilders) as BuiltReportType[]) {
  for (const language of languages) {
    const t0 = performance.now();
    const { data, options } = await reportDemos[type](language);
    const i18n = await createI18n(language);
    const bytes = await generatePdf(buildReport(i18n, type, data, options));
    const file = resolve(outDir, `${type}.${language}.pdf`);
    writeFileSync(file, bytes);
    console.log(`${file}  ${(bytes.length / 1024).toFixed(0)} KiB  ${(performance.now() - t0).toFixed(0)} ms`);
  }
}
