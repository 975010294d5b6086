/** The FAQ manual as a real PDF (pdfmake in Node), read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { faqManualDemo } from '../features/kb/report-demo';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { groupByFamily, type FaqArticle } from './faq-manual-report';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'faq-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(language: Language) {
  const { data, options } = await faqManualDemo(language);
  const doc = buildReport(await createI18n(language), 'faq-manual', data, options);
  const file = join(dir, `${language}.pdf`);
  writeFileSync(file, await generatePdf(doc));
  const text = execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  return { doc, text, pages: text.split('\f').filter((p) => p.trim()) };
}

describe('FAQ manual (zh-CN)', () => {
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render('zh-CN');
  }, 90_000);

  it('opens with its title, number and a table of contents listing every article with a page', () => {
    expect(r.pages[0]).toContain('常见问题手册');
    expect(r.pages[0]).toContain('SC-202611-A-01');
    expect(r.pages[0]).toContain('目录');
    expect(r.pages[0]).toMatch(/1\s+虚拟化\s+\d+/);
    expect(r.pages[0]).toMatch(/1\.\d\s+数据存储剩余空间告警处理\s+\d+/);
    expect(r.pages[0]).toMatch(/备份与容灾/);
  });

  it('prints each article with symptoms, cause, numbered steps and commands', () => {
    for (const s of [
      '防火墙 HA 双机脑裂处理',
      '故障现象',
      '原因',
      '解决步骤',
      '相关命令',
      'esxcli storage filesystem list',
      'KB-A-0001',
    ])
      expect(r.text).toContain(s);
    expect(r.text).toMatch(/1\.\s+在 vCenter 中按使用率排序数据存储/);
  });

  it('starts each family on a new page, in the house order', () => {
    const virt = r.pages.findIndex((p, i) => i > 0 && /^\s*1\s+虚拟化/m.test(p));
    const backup = r.pages.findIndex((p, i) => i > 0 && /^\s*\d\s+备份与容灾/m.test(p));
    expect(virt).toBeGreaterThan(0);
    expect(backup).toBeGreaterThan(virt);
  });

  it('groups by family in the house order, titles sorted', () => {
    const groups = groupByFamily([
      { family: 'security', title: 'b' },
      { family: 'virtualization', title: 'z' },
      { family: 'virtualization', title: 'a' },
    ] as FaqArticle[]);
    expect(groups.map((g) => g.family)).toEqual(['virtualization', 'security']);
    expect(groups[0].articles.map((a) => a.title)).toEqual(['a', 'z']);
  });
});

describe('FAQ manual (en)', () => {
  it('has English headings and contents', async () => {
    const r = await render('en');
    expect(r.pages[0]).toContain('FAQ Manual');
    expect(r.pages[0]).toContain('Contents');
    expect(r.text).toContain('Solution steps');
    expect(r.text).toContain('Virtualisation');
  }, 90_000);
});
