/** The system diagnosis report as a real PDF, read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemDiagnosisDemo } from '../features/inspections/report-demo';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';
import { sparklineSvg } from './system-diagnosis-report';

const dir = mkdtempSync(join(tmpdir(), 'diagnosis-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: Language) {
  const { data, options } = await systemDiagnosisDemo(language);
  const doc = buildReport(await createI18n(language), 'system-diagnosis', data, options);
  const file = join(dir, `${language}.pdf`);
  writeFileSync(file, await generatePdf(doc));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  const raw = execFileSync('pdftotext', ['-raw', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  return {
    data,
    doc,
    text,
    has: (s: string) => raw.includes(s.replace(/\s+/g, '')),
    pages: text.split('\f').filter((p) => p.trim()),
  };
}

describe('system diagnosis report (zh-CN)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render('zh-CN');
  }, 90_000);

  it('is titled 系统诊断报告与改善建议 and summarises the month', () => {
    expect(r.pages[0]).toContain('系统诊断报告与改善建议');
    expect(r.has('本期异常 4 项')).toBe(true);
  });

  it('shows each metric’s month-over-month values, its trend and when it reaches the threshold', () => {
    expect(r.text).toContain('逐月数值');
    expect(r.has('存储池已用容量')).toBe(true);
    const pool = r.data.systems
      .find((s) => s.family === 'private-cloud')!
      .metrics.find((m) => m.item === '存储池已用容量')!;
    expect(pool.points.map((p) => p.month)).toEqual(['2026-07', '2026-08', '2026-09', '2026-10']);
    expect(pool.direction).toBe('worsening');
    for (const p of pool.points) expect(r.has(`${p.month.slice(2)}: ${p.value}%`)).toBe(true);
    // The trend chart is vector art in the table, one per metric.
    const svgs = JSON.stringify(r.doc.content).match(/<svg /g) ?? [];
    expect(svgs.length).toBe(r.data.systems.reduce((n, s) => n + s.metrics.length, 0));
  });

  it('gives improvement suggestions from anomalies and trends, and a performance optimisation plan', () => {
    expect(r.text).toContain('三、改善建议');
    expect(r.has('存储池已用容量呈恶化趋势')).toBe(true);
    expect(r.has('与客户约定 12 月第二周在测试环境恢复清算数据库')).toBe(true);
    expect(r.text).toContain('四、系统性能优化方案');
    expect(r.has('1 个月内')).toBe(true);
  });
});

describe('system diagnosis report (en)', () => {
  it('is in English', async () => {
    const r = await render('en');
    expect(r.pages[0]).toContain('System Diagnosis Report');
    expect(r.text).toContain('4. Performance optimisation plan');
    expect(r.has('is getting worse')).toBe(true);
    for (const w of ['改善建议', '优化方案', '逐月数值']) expect(r.text).not.toContain(w);
  }, 90_000);
});

describe('sparklineSvg', () => {
  it('draws the values, the last point larger, and the threshold dashed', () => {
    const svg = sparklineSvg(
      [
        { month: '2026-09', value: 60 },
        { month: '2026-10', value: 70 },
      ],
      75,
      false,
    );
    expect(svg).toContain('<polyline');
    expect(svg).toContain('stroke-dasharray');
    expect(svg.match(/<circle/g)).toHaveLength(2);
  });
});
