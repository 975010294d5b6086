import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { channelOf } from '@shared/ipc/contract';
import { MAX_BACKUP_BYTES, requestSchemas } from '@shared/ipc/schemas';

vi.mock('electron', () => import('../test-utils/electron-mock'));

const { mockState } = await import('../test-utils/electron-mock');
const { createListener } = await import('./handle');
const { IpcFailure } = await import('./errors');
const { registerIpcHandlers } = await import('./index');
const { BackupStore } = await import('../backup-store');
const { APP_ORIGIN } = await import('../origin');
const { createNetworkGuard } = await import('../network-guard');
const { OpenedBackups } = await import('../open-file');

const origins = [APP_ORIGIN];
const from = (url: string | null) =>
  ({ senderFrame: url === null ? null : { url }, sender: {} }) as unknown as IpcMainInvokeEvent;
const app = from('app://bundle/index.html');
const tmp = mkdtempSync(join(tmpdir(), 'onsite-ipc-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const backupReq = { data: new Uint8Array([1, 2, 3]), reason: 'manual', deviceCode: 'A' };

describe('createListener', () => {
  const fn = vi.fn(async (req: { reason: string }) => ({
    name: `x-${req.reason}.odbk`,
    path: `/b/x-${req.reason}.odbk`,
    size: 3,
    sha256: 'x',
    verified: true,
    removed: [],
  }));
  const listener = createListener('backup:write', requestSchemas['backup:write'], fn, origins);

  it('passes a valid payload to the handler and wraps the value', async () => {
    const result = await listener(app, backupReq);
    expect(result).toEqual({
      ok: true,
      value: { name: 'x-manual.odbk', path: '/b/x-manual.odbk', size: 3, sha256: 'x', verified: true, removed: [] },
    });
    expect(fn).toHaveBeenCalledWith(backupReq, app);
  });

  it.each([
    ['an unknown key', { ...backupReq, extra: 1 }],
    ['a missing field', { data: backupReq.data, reason: 'auto' }],
    ['a string instead of bytes', { ...backupReq, data: 'AQID' }],
    ['a plain array instead of bytes', { ...backupReq, data: [1, 2, 3] }],
    ['a file name (main chooses every name)', { ...backupReq, name: 'onsite-desk-1.odbk' }],
    ['a path in the device code', { ...backupReq, deviceCode: '../' }],
    ['a lower-case or long device code', { ...backupReq, deviceCode: 'abcd' }],
    ['an unknown reason', { ...backupReq, reason: 'because' }],
    ['nothing at all', undefined],
    ['a non-object', 42],
    [
      'a prototype-polluting key',
      JSON.parse('{"__proto__": {"polluted": true}, "name": "a.odbk", "data": 1, "reason": "auto"}'),
    ],
  ])('refuses %s with invalid-payload, without throwing or calling the handler', async (_label, payload) => {
    fn.mockClear();
    const result = await listener(app, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('invalid-payload');
    expect(fn).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a backup over the size cap', async () => {
    const huge = new Uint8Array(1);
    Object.defineProperty(huge, 'byteLength', { value: MAX_BACKUP_BYTES + 1 });
    const result = await listener(app, { ...backupReq, data: huge });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
  });

  it.each([
    ['a foreign web page', 'https://evil.example/'],
    ['another custom scheme (Node gives it origin "null" too)', 'evil://bundle/index.html'],
    ['a file: page', 'file:///tmp/x.html'],
    ['a destroyed frame', null],
  ])('refuses %s with forbidden-sender', async (_label, url) => {
    fn.mockClear();
    const result = await listener(from(url), backupReq);
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(fn).not.toHaveBeenCalled();
  });

  it('turns thrown errors into typed results: ENOSPC → disk-full, IpcFailure → its code, anything else → io', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const enospc = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    const cases: [unknown, string][] = [
      [enospc, 'disk-full'],
      [new IpcFailure('too-large', 'big'), 'too-large'],
      [new TypeError('boom'), 'io'],
      ['a string', 'io'],
    ];
    for (const [thrown, code] of cases) {
      const failing = createListener(
        'backup:list',
        requestSchemas['backup:list'],
        () => Promise.reject(thrown),
        origins,
      );
      await expect(failing(app, undefined)).resolves.toMatchObject({ ok: false, error: { code } });
    }
  });
});

describe('registerIpcHandlers', () => {
  const backups = new BackupStore({ getFolder: () => join(tmp, 'backups') });
  registerIpcHandlers({
    origins,
    backups,
    userDataPath: tmp,
    defaultBackupFolder: join(tmp, 'backups'),
    mainWindow: () => null,
    network: createNetworkGuard({ origins, log: () => undefined }),
    openedBackups: new OpenedBackups({ notify: () => undefined }),
  });
  const handlers = mockState.ipcMain.handlers as Map<
    string,
    (event: IpcMainInvokeEvent, payload: unknown) => Promise<unknown>
  >;

  it('handles exactly the channels of the contract', () => {
    expect([...handlers.keys()].sort()).toEqual(Object.values(channelOf).sort());
  });

  it('every handler checks the sender and validates its payload', async () => {
    for (const [channel, listener] of handlers) {
      await expect(listener(from('https://evil.example/'), undefined), channel).resolves.toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
      await expect(listener(app, { unexpected: true }), channel).resolves.toMatchObject({
        ok: false,
        error: { code: 'invalid-payload' },
      });
    }
  });

  it('app:info reports the electron platform and the data folders', async () => {
    const result = await handlers.get('app:info')!(app, undefined);
    expect(result).toMatchObject({
      ok: true,
      value: {
        platform: 'electron',
        version: '0.1.0',
        dataPath: tmp,
        backupPath: join(tmp, 'backups'),
        versions: { node: process.versions.node },
        blockedRequests: 0,
      },
    });
  });

  it('backup:write → backup:list → backup:read round-trips through the store', async () => {
    const written = (await handlers.get('backup:write')!(app, backupReq)) as { ok: true; value: { name: string } };
    expect(written).toMatchObject({ ok: true, value: { verified: true, size: 3 } });
    expect(written.value.name).toMatch(/^onsite-desk-\d{8}-\d{9}-A-manual\.odbk$/);
    const listed = await handlers.get('backup:list')!(app, undefined);
    expect(listed).toMatchObject({ ok: true, value: [{ name: written.value.name, size: 3, mine: true }] });
    const read = (await handlers.get('backup:read')!(app, { name: written.value.name })) as {
      ok: true;
      value: { data: Uint8Array };
    };
    expect([...read.value.data]).toEqual([1, 2, 3]);
    expect(await handlers.get('backup:read')!(app, { name: 'missing.odbk' })).toMatchObject({
      ok: false,
      error: { code: 'not-found' },
    });
  });

  it('file:save returns saved:false when the dialog is cancelled', async () => {
    mockState.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    const result = await handlers.get('file:save')!(app, {
      defaultName: '报告.pdf',
      data: new Uint8Array([1]),
      filters: [{ name: 'PDF', extensions: ['pdf'] }],
    });
    expect(result).toEqual({ ok: true, value: { saved: false } });
  });

  it('file:open refuses a file over maxBytes with too-large', async () => {
    mockState.dialog.showOpenDialog.mockResolvedValueOnce({
      canceled: false,
      filePaths: [join(tmp, 'backups', (await backups.list())[0].name)],
    });
    const result = await handlers.get('file:open')!(app, {
      maxBytes: 2,
      filters: [{ name: 'B', extensions: ['odbk'] }],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'too-large' } });
  });
});
