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

  it('has a sign-in sheet on a page of its own: session times, materials, a blank feedback column', () => {
    expect(text).toContain('四、签到表');
    const pages = text.split('\f');
    const sheet = pages.findIndex((p) => p.includes('参训人员签到表'));
    expect(sheet).toBeGreaterThan(0);
    // The sheet's page holds nothing of the record before it.
    expect(pages[sheet]).not.toContain('二、培训内容');
    expect(pages[sheet]).toMatch(/时间\s+14:00 至 16:00/);
    expect(pages[sheet]).toContain('PowerCLI 快照巡检脚本');
    expect(pages[sheet]).toMatch(/序号\s+姓名\s+部门\s+签名\s+意见与建议/);
    // The feedback column is left blank: nothing after the department on an attendee's line.
    expect(pages[sheet]).toMatch(/1\s+陈镕\s+信息技术部 系统运维组[ \t]*\n/);
    expect(pages[sheet]).toMatch(/8\s+郑珺\s+运营管理部[^\n]*\n/);
    expect(pages[sheet]).toMatch(/\n\s*11\s*\n/);
  });

  it('one page per session, and the header repeats when a long list runs on', async () => {
    const two = await render('zh-CN', {
      sessions: [
        { date: '2026-11-18', start: '09:30', end: '11:30' },
        { date: '2026-11-19', start: '14:00', end: '16:30' },
      ],
    });
    const pages = two.split('\f');
    const first = pages.findIndex((p) => p.includes('第 1 场，共 2 场'));
    const second = pages.findIndex((p) => p.includes('第 2 场，共 2 场'));
    expect(second).toBe(first + 1);
    expect(pages[second]).toMatch(/2026-11-19/);
    expect(pages[second]).toMatch(/14:00 至 16:30/);

    const many = Array.from({ length: 45 }, (_, i) => ({ name: `参训人${i + 1}`, department: '信息技术部' }));
    const long = (await render('zh-CN', { attendees: many, blankRows: 3, sessions: undefined })).split('\f');
    const start = long.findIndex((p) => p.includes('参训人员签到表'));
    const runOn = long.slice(start + 1).filter((p) => p.includes('参训人45') || p.includes('参训人30'));
    expect(runOn.length).toBeGreaterThan(0);
    for (const p of runOn) expect(p).toMatch(/序号\s+姓名\s+部门\s+签名\s+意见与建议/);
    // Without times recorded, blanks to write them in by hand.
    expect(long[start]).toContain('____:____ 至 ____:____');
  }, 90_000);

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
    for (const s of [
      'Training Record',
      'Inspection training',
      'Sign-in sheets',
      'Signature',
      'Comments',
      '14:00 to 16:00',
    ])
      expect(text).toContain(s);
    expect(text).toMatch(/Hours\s+2\s?h/);
  }, 60_000);
});
