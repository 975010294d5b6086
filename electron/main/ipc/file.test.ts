import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { requestSchemas } from '@shared/ipc/schemas';

vi.mock('electron', () => import('../test-utils/electron-mock'));

const { mockState } = await import('../test-utils/electron-mock');
const { createListener } = await import('./handle');
const { APP_ORIGIN } = await import('../origin');
const { registerFileIpc, assertFileType } = await import('./file');

const origins = [APP_ORIGIN];
const app = { senderFrame: { url: 'app://bundle/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;
const tmp = mkdtempSync(join(tmpdir(), 'onsite-file-ipc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

registerFileIpc({ origins } as never);
const handlers = mockState.ipcMain.handlers as Map<string, (e: IpcMainInvokeEvent, p: unknown) => Promise<unknown>>;
const save = (p: unknown) => handlers.get('file:save')!(app, p);
const open = (p: unknown) => handlers.get('file:open')!(app, p);
const pdf = [{ name: 'PDF', extensions: ['pdf'] }];
const backup = [{ name: 'Backup', extensions: ['odbk'] }];

describe('file dialogs are limited to the operation’s file types', () => {
  it('the dialog is offered only the request’s filters', async () => {
    mockState.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await save({ defaultName: '报告.pdf', data: new Uint8Array([1]), filters: pdf });
    expect(mockState.dialog.showSaveDialog.mock.lastCall?.at(-1)).toMatchObject({ filters: pdf });
  });

  it('save refuses a path typed with another extension, and writes nothing', async () => {
    const target = join(tmp, 'report.exe');
    mockState.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: target });
    const result = await save({ defaultName: '报告.pdf', data: new Uint8Array([1]), filters: pdf });
    expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    expect(readdirSync(tmp)).not.toContain('report.exe');
  });

  it('save refuses a path without an extension, and accepts the right one in any case', async () => {
    mockState.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(tmp, 'report') });
    expect(await save({ defaultName: 'r.pdf', data: new Uint8Array([1]), filters: pdf })).toMatchObject({ ok: false });
    mockState.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(tmp, 'R.PDF') });
    expect(await save({ defaultName: 'r.pdf', data: new Uint8Array([1]), filters: pdf })).toMatchObject({
      ok: true,
      value: { saved: true },
    });
  });

  it('open refuses a file of another type before reading it', async () => {
    const path = join(tmp, 'notes.txt.lnk');
    writeFileSync(path, 'x');
    mockState.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [path] });
    expect(await open({ filters: backup })).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    const good = join(tmp, 'b.odbk');
    writeFileSync(good, 'ODBK');
    mockState.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [good] });
    expect(await open({ filters: backup })).toMatchObject({ ok: true, value: { name: 'b.odbk' } });
  });

  it.each([
    ['no filters', { defaultName: 'a.pdf', data: new Uint8Array(1) }],
    [
      'an "all files" filter',
      { defaultName: 'a.pdf', data: new Uint8Array(1), filters: [{ name: '*', extensions: ['*'] }] },
    ],
    [
      'an executable type',
      { defaultName: 'a.exe', data: new Uint8Array(1), filters: [{ name: 'x', extensions: ['exe'] }] },
    ],
    ['a suggested name of another type', { defaultName: 'a.exe', data: new Uint8Array(1), filters: pdf }],
  ])('the request schema refuses %s', async (_label, payload) => {
    const listener = createListener('file:save', requestSchemas['file:save'], vi.fn(), origins);
    expect(await listener(app, payload)).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it('assertFileType names the allowed types', () => {
    expect(() => assertFileType('/x/a.docx', [{ name: 'T', extensions: ['csv', 'xlsx'] }])).toThrow(/\.csv, \.xlsx/);
  });
});
