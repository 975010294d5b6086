/** The escalation package as a real PDF (pdfmake in Node), read back with pdftotext. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/resources';
import { escalationPackageDemo } from './demo/fault-demo';
import { generatePdf } from './pdf-client';
import { buildReport } from '../core/reports/builders';

const dir = mkdtempSync(join(tmpdir(), 'escalation-pkg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function text(language: Language, patch: Record<string, unknown> = {}): Promise<string> {
  const { data, options } = await escalationPackageDemo(language);
  const bytes = await generatePdf(
    buildReport(await createI18n(language), 'escalation-package', { ...data, ...patch }, options),
  );
  const file = join(dir, `${language}-${Object.keys(patch).length}.pdf`);
  writeFileSync(file, bytes);
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
}

describe('escalation package', () => {
  it('hands over who, to whom, when, why, the system and the actions with their results', async () => {
    const t = await text('zh-CN');
    expect(t).toContain('故障升级材料包');
    expect(t).toContain('GZ-202611-A-007');
    expect(t).toMatch(/升级自\s+一线 · 驻场工程师/);
    expect(t).toMatch(/升级至\s+二线 · 高级专家/);
    expect(t).toMatch(/接收人\s+孙立/);
    expect(t).toContain('139 0172 6650');
    expect(t).toContain('需二线专家确认调整方案');
    expect(t).toContain('RDP 代理版本 7.3.2-build1108');
    expect(t).not.toContain('ShtermPAM 5000');
    expect(t).toMatch(/电话指导\s+电话指导赵磊清除客户端缓存/);
    expect(t).toContain('session idle timeout');
    expect(t).toMatch(/故障处理.*计时中/);
  }, 60_000);

  it('prints the structured record where the dialog left the text empty, and the handover text as written', async () => {
    const empty = await text('zh-CN', { systemInfo: '' });
    expect(empty).toMatch(/厂商 \/ 型号\s+齐治科技 \/ ShtermPAM 5000/);
    const written = await text('zh-CN', {
      actionsSummary: '11-24 09:20 李喆 电话指导：清除缓存，问题依旧。\n11-24 10:05 李喆 远程登录：导出日志。',
    });
    expect(written).toContain('11-24 10:05 李喆 远程登录：导出日志。');
    expect(written).not.toContain('session idle timeout');
  }, 60_000);

  it('prints the vendor case number for an L3 escalation', async () => {
    const t = await text('zh-CN', { fromTier: 2, toTier: 3, vendorCaseNumber: 'SR-20261124-0042' });
    expect(t).toMatch(/升级至\s+三线 · 原厂支持/);
    expect(t).toMatch(/原厂案例号\s+SR-20261124-0042/);
  }, 60_000);

  it('names the project manager who received the escalation of a level-1 fault, and only then', async () => {
    const t = await text('zh-CN', { level: 1, receivedBy: { name: '周海峰', at: '2026-11-24T10:30:00+08:00' } });
    expect(t).toMatch(/项目经理接收确认\s+周海峰（2026.*10:30，PIN 审批）/);
    expect(await text('zh-CN')).not.toContain('项目经理接收确认');
    const en = await text('en', { level: 1, receivedBy: { name: 'Zhou Haifeng', at: '2026-11-24T10:30:00+08:00' } });
    expect(en).toContain('Received by project');
    expect(en).toMatch(/Zhou Haifeng \(.*10:30, by PIN\)/);
  }, 60_000);

  it('is complete in English', async () => {
    const t = await text('en');
    expect(t).toMatch(/Escalation package/i);
    expect(t).toContain('Senior expert');
  }, 60_000);
});
