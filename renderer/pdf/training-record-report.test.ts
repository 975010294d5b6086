/** The training record with its sign-in sheet as a real PDF, read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trainingRecordDemo } from './demo/training-demo';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';
import { blankRowsFor, type TrainingRecordData } from './training-record-report';

const dir = mkdtempSync(join(tmpdir(), 'training-record-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: Language, patch: Partial<TrainingRecordData> = {}) {
  const demo = await trainingRecordDemo(language);
  const data = { ...demo.data, ...patch };
  const file = join(dir, `${language}-${Object.keys(patch).join('-')}.pdf`);
  writeFileSync(
    file,
    await generatePdf(buildReport(await createI18n(language), 'training-record', data, demo.options)),
  );
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('training record (zh-CN)', () => {
  let text: string;
  beforeAll(async () => {
    text = await render('zh-CN');
  }, 60_000);

  it('states the training: type, topic, date, hours, trainer, place, number of attendees', () => {
    for (const s of [
      '培训记录',
      'PX-202611-A-01',
      '巡检培训',
      'vSphere 数据存储容量管理与快照清理',
      '2026-11-18',
      '2 学时',
      '李喆',
      '1806 会议室',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/参训人数\s+8\s?人/);
  });

  it('has a sign-in sheet: number, name, department and a signature column, with blank lines', () => {
    expect(text).toContain('三、签到表');
    expect(text).toMatch(/序号\s+姓名\s+部门\s+签名\s+备注/);
    expect(text).toMatch(/1\s+陈镕\s+信息技术部 系统运维组/);
    expect(text).toMatch(/8\s+郑珺\s+运营管理部/);
    expect(text).toMatch(/\n\s*11\s*\n/);
  });

  it('ends with the client feedback and the rating', () => {
    expect(text).toContain('满意度：5 / 5');
    expect(text).toContain('希望下次增加 vSAN 容量规划内容');
  });

  it('leaves a dozen blank lines when nobody was registered', async () => {
    expect(blankRowsFor(0)).toBe(12);
    expect(blankRowsFor(8)).toBe(3);
    const empty = await render('zh-CN', { attendees: [], blankRows: blankRowsFor(0), feedback: '', rating: undefined });
    expect(empty).toMatch(/\n\s*12\s*\n/);
    expect(empty).toContain('客户尚未评价');
  }, 60_000);
});

describe('training record (en)', () => {
  it('is in English', async () => {
    const text = await render('en');
    for (const s of ['Training Record', 'Inspection training', 'Sign-in sheet', 'Signature']) expect(text).toContain(s);
    expect(text).toMatch(/Hours\s+2\s?h/);
  }, 60_000);
});
