/**
 * Every report type, in both languages, from its demo data: every word the real PDF prints lies
 * inside the printable area (read back with `pdftotext -bbox`), and no English word is split.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import { languages } from '../i18n/resources';
import { buildReport, reportBuilders, type BuiltReportType } from '../core/reports/builders';
import { reportDemos } from './demo';
import { page } from './layout';
import { generatePdf } from './pdf-client';

const dir = mkdtempSync(join(tmpdir(), 'fit-to-page-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  page: number;
  xMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

function words(file: string): Word[] {
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const out: Word[] = [];
  let p = 0;
  for (const line of html.split('\n')) {
    if (line.includes('<page ')) p++;
    const m = /<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="([\d.]+)">(.*)<\/word>/.exec(line);
    if (m) out.push({ page: p, xMin: +m[1], xMax: +m[2], yMax: +m[3], text: m[4] });
  }
  return out;
}

describe('every report fits the paper', () => {
  for (const type of Object.keys(reportBuilders) as BuiltReportType[]) {
    for (const language of languages) {
      it(`${type} (${language})`, { timeout: 120_000 }, async () => {
        const { data, options } = await reportDemos[type](language);
        const bytes = await generatePdf(buildReport(await createI18n(language), type, data, options));
        const file = join(dir, `${type}.${language}.pdf`);
        writeFileSync(file, bytes);
        const all = words(file);
        expect(all.length).toBeGreaterThan(50);
        const [left, , right] = page.margins;
        const outside = all.filter((w) => w.xMin < left - 1 || w.xMax > page.width - right + 1 || w.yMax > page.height);
        expect(outside.map((w) => `p${w.page} ${w.text} ${w.xMin}-${w.xMax}`)).toEqual([]);
        if (language === 'en') {
          // A word split inside a table cell leaves a lone lowercase tail such as "ty" on the next line
          // (the allowed ones are English words and the demo's shell commands: find -type f | wc -l, ping -s).
          const tails = all.filter(
            (w) =>
              /^[a-z]{1,2}$/.test(w.text) &&
              !/^(a|an|as|at|be|by|do|if|in|is|it|no|of|on|or|to|up|we|vs|ms|am|pm|ok|go|id|so|df|vm|h|f|s|wc|ha)$/.test(
                w.text,
              ),
          );
          expect(tails.map((w) => `p${w.page} ${w.text}`)).toEqual([]);
        }
      });
    }
  }
});
