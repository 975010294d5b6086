/**
 * eslint-rules/feature-boundaries.js as the project's eslint.config.js runs it: a PDF builder or the core
 * importing a feature is an error (so `npx eslint .` fails), and the one exception, a feature's
 * `report-demo` read by renderer/pdf/demo/ or a builder's test, stays that narrow.
 */
import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: resolve(import.meta.dirname, '../..') });

/** The feature-boundaries messages for `code` linted as if it were the file `filePath`, with their severity. */
async function boundaryProblems(filePath: string, code: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages
    .filter((m) => m.ruleId === 'local/feature-boundaries')
    .map((m) => ({ severity: m.severity, message: m.message }));
}

describe('feature-boundaries', () => {
  it('a PDF builder importing a feature is an error', async () => {
    const problems = await boundaryProblems(
      'renderer/pdf/new-report.ts',
      "import { faultView } from '../features/faults/fault-view';\nexport const x = faultView;\n",
    );
    expect(problems).toEqual([{ severity: 2, message: expect.stringContaining('renderer/pdf/ imports no feature') }]);
  });

  it('the core importing a feature, even its front door, is an error', async () => {
    const problems = await boundaryProblems(
      'renderer/core/faults/new-helper.ts',
      "export { formatMinutes } from '../../features/faults';\n",
    );
    expect(problems).toEqual([{ severity: 2, message: expect.stringContaining('renderer/core/ imports no feature') }]);
  });

  it('a feature reaching into another feature past its front door is an error', async () => {
    const problems = await boundaryProblems(
      'renderer/features/kb/new-page.tsx',
      "import { faultView } from '../faults/fault-view';\nexport const x = faultView;\n",
    );
    expect(problems).toEqual([{ severity: 2, message: expect.stringContaining("front door 'features/faults/index'") }]);
  });

  it('renderer/pdf/demo/ and a builder test may read a feature report-demo, and nothing else of it', async () => {
    const demo =
      "import { inspectionDemo } from '../../features/inspections/report-demo';\nexport const d = inspectionDemo;\n";
    expect(await boundaryProblems('renderer/pdf/demo/index.ts', demo)).toEqual([]);
    const test = "import { faqManualDemo } from '../features/kb/report-demo';\nexport const d = faqManualDemo;\n";
    expect(await boundaryProblems('renderer/pdf/faq-manual-report.test.ts', test)).toEqual([]);

    const internals =
      "import { demoArticles } from '../../features/kb/demo-articles';\nexport const d = demoArticles;\n";
    expect(await boundaryProblems('renderer/pdf/demo/index.ts', internals)).toHaveLength(1);
    const fromTest =
      "import { findingText } from '../features/inspections/report-data';\nexport const d = findingText;\n";
    expect(await boundaryProblems('renderer/pdf/inspection-report.test.ts', fromTest)).toHaveLength(1);
    // A production builder gets no exception, not even for a report demo.
    const fromBuilder =
      "import { faqManualDemo } from '../features/kb/report-demo';\nexport const d = faqManualDemo;\n";
    expect(await boundaryProblems('renderer/pdf/faq-manual-report.ts', fromBuilder)).toHaveLength(1);
  });
});
