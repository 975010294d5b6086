import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PlatformError, toPlatformError } from './errors';
import { createElectronPlatform } from './electron';
import { createWebPlatform } from './web';
import { webBackupWrite } from './web-backups';
import type { PlatformApi } from '@shared/ipc/contract';

const web = createWebPlatform();
const bytes = (n: number, seed = 1) => Uint8Array.from({ length: n }, (_, i) => (i * 7 + seed) % 256);

beforeEach(() => {
  URL.createObjectURL = vi.fn(() => 'blob:test');
  URL.revokeObjectURL = vi.fn();
});
afterEach(() => {
  delete window.__onsiteTestPlatform;
  vi.restoreAllMocks();
});

const pdf = [{ name: 'PDF', extensions: ['pdf'] }];

describe('web platform: files', () => {
  it('saveFile downloads through a link and records the file for tests', async () => {
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    window.__onsiteTestPlatform = {};
    const data = bytes(10);
    await expect(web.saveFile({ defaultName: '报告.pdf', data, filters: pdf })).resolves.toEqual({
      saved: true,
      path: '报告.pdf',
    });
    expect(click).toHaveBeenCalledTimes(1);
    expect(window.__onsiteTestPlatform.lastSavedFile).toEqual({ name: '报告.pdf', data });
  });

  it('refuses what main would refuse, with invalid-payload', async () => {
    await expect(web.saveFile({ defaultName: '../x.pdf', data: bytes(1), filters: pdf })).rejects.toMatchObject({
      code: 'invalid-payload',
    });
    await expect(web.saveFile({ defaultName: 'x.exe', data: bytes(1), filters: pdf })).rejects.toMatchObject({
      code: 'invalid-payload',
    });
    await expect(web.backupRead({ name: 'x.json' })).rejects.toBeInstanceOf(PlatformError);
  });

  it('openFile resolves null when the picker is cancelled', async () => {
    vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementation(function (this: HTMLInputElement) {
      this.dispatchEvent(new Event('cancel'));
    });
    await expect(web.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] })).resolves.toBeNull();
    expect(document.querySelectorAll('input[type=file]')).toHaveLength(0);
  });

  it('openFile reads the picked file, and refuses one over maxBytes with too-large', async () => {
    const pick = (file: File) =>
      vi.spyOn(HTMLInputElement.prototype, 'click').mockImplementationOnce(function (this: HTMLInputElement) {
        expect(this.accept).toBe('.json');
        Object.defineProperty(this, 'files', { value: [file] });
        this.dispatchEvent(new Event('change'));
      });
    pick(new File([new Uint8Array([1, 2, 3])], 'a.json'));
    const opened = await web.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] });
    expect(opened?.name).toBe('a.json');
    expect([...(opened?.data ?? [])]).toEqual([1, 2, 3]);

    pick(new File([bytes(3)], 'evil.json.exe'));
    await expect(web.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }] })).rejects.toMatchObject({
      code: 'unsupported',
    });

    pick(new File([bytes(100)], 'big.json'));
    await expect(
      web.openFile({ filters: [{ name: 'JSON', extensions: ['json'] }], maxBytes: 10 }),
    ).rejects.toMatchObject({ code: 'too-large' });
  });

  it('has no backup folder to choose', async () => {
    await expect(web.backupGetFolder()).resolves.toBe('browser-storage');
    await expect(web.backupChooseFolder()).resolves.toBeNull();
  });
});

describe('web platform: backups in IndexedDB', () => {
  const now = new Date(2026, 10, 25, 12).getTime();
  const dayAgo = (d: number) => new Date(2026, 10, 25 - d, 9).getTime();

  it('writes, verifies by hash, lists and reads back', async () => {
    const data = bytes(5000);
    const result = await web.backupWrite({ data, reason: 'manual', deviceCode: 'A' });
    expect(result.name).toMatch(/^onsite-desk-\d{8}-\d{9}-A-manual\.odbk$/);
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', data));
    expect(result).toMatchObject({
      verified: true,
      size: 5000,
      sha256: Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join(''),
    });
    const list = await web.backupList();
    expect(list.find((e) => e.name === result.name)).toMatchObject({ mine: true, pinned: false, deviceCode: 'A' });
    const read = await web.backupRead({ name: result.name });
    expect([...read.data]).toEqual([...data]);
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    // Bytes read back (another realm under jsdom) are still accepted as bytes by the schemas.
    await expect(
      web.saveFile({ defaultName: 'again.odbk', data: read.data, filters: [{ name: 'B', extensions: ['odbk'] }] }),
    ).resolves.toMatchObject({ saved: true });
    await expect(web.backupRead({ name: 'missing.odbk' })).rejects.toMatchObject({ code: 'not-found' });
  });

  it('applies the same retention as the desktop store, never to pinned or other devices’ backups', async () => {
    const pre = await webBackupWrite({ data: bytes(8, 99), reason: 'pre-restore', deviceCode: 'Q' }, dayAgo(80));
    const preOwn = await webBackupWrite({ data: bytes(8, 98), reason: 'pre-upgrade', deviceCode: 'Z' }, dayAgo(70));
    const names: string[] = [];
    for (let d = 39; d >= 0; d--)
      names[d] = (await webBackupWrite({ data: bytes(8, d), reason: 'auto', deviceCode: 'Z' }, dayAgo(d))).name;
    const last = await webBackupWrite({ data: bytes(8), reason: 'auto', deviceCode: 'Z' }, now);
    expect(last.removed).toEqual([]);
    const listed = (await web.backupList()).map((e) => e.name);
    // Older writes already rotated days 30–39 away as they went; days 0–29 and the new one remain.
    for (let d = 0; d < 30; d++) expect(listed).toContain(names[d]);
    for (let d = 30; d < 40; d++) expect(listed).not.toContain(names[d]);
    expect(listed).toContain(last.name);
    // Pinned (pre-restore, pre-upgrade) and another device's backups stay, however old.
    expect(listed).toEqual(expect.arrayContaining([pre.name, preOwn.name]));
    expect((await web.backupList()).find((e) => e.name === preOwn.name)?.pinned).toBe(true);
    await web.backupUnpin({ name: preOwn.name });
    expect((await web.backupList()).find((e) => e.name === preOwn.name)?.pinned).toBe(false);
  });
});

describe('errors', () => {
  it('reads the code back from a preload error whose .code was lost crossing contextBridge', () => {
    const crossed = new Error('[disk-full] No space left on device');
    expect(toPlatformError(crossed)).toMatchObject({ code: 'disk-full', message: 'No space left on device' });
    expect(toPlatformError(new Error('Error invoking remote method: boom')).code).toBe('io');
    expect(toPlatformError(Object.assign(new Error('x'), { code: 'too-large' })).code).toBe('too-large');
  });

  it('the Electron platform turns every rejection into a PlatformError', async () => {
    const api = { backupList: () => Promise.reject(new Error('[not-found] gone')) } as unknown as PlatformApi;
    const error = await createElectronPlatform(api)
      .backupList()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ code: 'not-found', message: 'gone' });
  });
});
