import { describe, expect, it } from 'vitest';
import { backupNameSchema, fileNameSchema, ipcFail, ipcOk, requestSchemas, sanitizeFileName } from './schemas';
import { channelOf } from './contract';

describe('file names', () => {
  it.each(['故障诊断报告-GZ-202611-A-003.pdf', 'report 2026.pdf', 'a.b.c.csv', 'v1..v2.pdf', '.env'])(
    'accepts %s',
    (name) => {
      expect(fileNameSchema.safeParse(name).success).toBe(true);
    },
  );

  it.each([
    '',
    '../x.pdf',
    '..',
    '.',
    'a/b.pdf',
    'a\\b.pdf',
    '..\\x',
    'C:x.pdf',
    'x.pdf\u0000.exe',
    'line\nbreak.pdf',
    'what?.pdf',
    'x'.repeat(201),
  ])('refuses %j', (name) => {
    expect(fileNameSchema.safeParse(name).success).toBe(false);
  });

  it('sanitizeFileName makes any title acceptable, keeping the extension', () => {
    for (const raw of ['a/b:c*?.pdf', '..', '', ' \u0000 ', '故障'.repeat(150) + '.pdf', '../../etc/passwd']) {
      const name = sanitizeFileName(raw);
      expect(fileNameSchema.safeParse(name).success, name).toBe(true);
    }
    expect(sanitizeFileName('GZ-1: 网络/中断.pdf')).toBe('GZ-1_ 网络_中断.pdf');
    expect(sanitizeFileName('x'.repeat(300) + '.pdf')).toMatch(/^x{196}\.pdf$/);
  });

  it('backup names end in .odbk and are not hidden', () => {
    expect(backupNameSchema.safeParse('onsite-desk-20261125-2310.odbk').success).toBe(true);
    expect(backupNameSchema.safeParse('onsite-desk.json').success).toBe(false);
    expect(backupNameSchema.safeParse('.odbk').success).toBe(false);
    expect(backupNameSchema.safeParse('.hidden.odbk').success).toBe(false);
  });
});

describe('request schemas', () => {
  it('cover every channel of the contract', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual(Object.values(channelOf).sort());
  });

  it('are strict: unknown keys are refused', () => {
    expect(requestSchemas['notify:show'].safeParse({ title: 't', body: 'b' }).success).toBe(true);
    expect(requestSchemas['notify:show'].safeParse({ title: 't', body: 'b', icon: 'x' }).success).toBe(false);
    expect(requestSchemas['file:open'].safeParse({ filters: [{ name: 'PDF', extensions: ['.pdf'] }] }).success).toBe(
      false,
    );
    expect(requestSchemas['app:info'].safeParse({}).success).toBe(false);
  });

  it('build IpcResult values', () => {
    expect(ipcOk(1)).toEqual({ ok: true, value: 1 });
    expect(ipcFail('disk-full', 'full')).toEqual({ ok: false, error: { code: 'disk-full', message: 'full' } });
  });
});
