/** The yearly training summary as a real PDF, read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingSummaryDemo } from './demo/training-demo';
import { createI18n } from '../i18n';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'training-summary-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('training summary (zh-CN)', () => {
  let text: string;
  beforeAll(async () => {
    const { data, options } = await trainingSummaryDemo('zh-CN');
    const file = join(dir, 'zh.pdf');
    writeFileSync(file, await generatePdf(buildReport(await createI18n('zh-CN'), 'training-summary', data, options)));
    text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  }, 60_000);

  it('sums up the year: count, hours, attendances, inspection trainings held', () => {
    expect(text).toContain('培训总结报告');
    expect(text).toMatch(/共开展各类培训 8 次，累计 31\.5 学时，参训 65 人次/);
    expect(text).toMatch(/巡检培训已\s*完成 4 次/);
  });

  it('counts by type', () => {
    expect(text).toMatch(/巡检培训\s+4\s+8\s+32/);
    expect(text).toMatch(/专项培训\s+1\s+18\s+10/);
  });

  it('shows each obligation with its state, and the special training of 3 days', () => {
    expect(text).toMatch(/第 1 次巡检培训\s+2026-03-18\s+vSphere 日常巡检要点\s+2026-03-18\s+已完成/);
    expect(text).toMatch(
      /专项培训\s+2026-10-21\s+VMware vSAN 与私有云运维专项培训\s+2026-05-12 至\s+已完成\s+2026-05-14/,
    );
  });

  it('lists every training and the client feedback', () => {
    expect(text).toContain('深信服 AF 8.0 新特性');
    expect(text).toContain('希望提供课件电子版');
  });
});
