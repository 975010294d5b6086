import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { IpcMainInvokeEvent } from 'electron';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { formatTeamCode, teamIdOf } from '@shared/util/team-code';

vi.mock('electron', () => import('../test-utils/electron-mock'));

const { mockState } = await import('../test-utils/electron-mock');
const { APP_ORIGIN } = await import('../origin');
const { registerSecretIpc } = await import('./secrets');

const app = { senderFrame: { url: 'app://bundle/index.html' }, sender: {} } as unknown as IpcMainInvokeEvent;
const stranger = { senderFrame: { url: 'https://evil.example/' }, sender: {} } as unknown as IpcMainInvokeEvent;
const root = mkdtempSync(join(tmpdir(), 'onsite-secrets-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let userData = '';
let n = 0;
beforeEach(() => {
  userData = join(root, `u${n++}`);
  mockState.ipcMain.handlers.clear();
  mockState.safeStorage.available = true;
  registerSecretIpc({ origins: [APP_ORIGIN], userDataPath: userData } as never);
});

type Result = { ok: boolean; value?: unknown; error?: { code: string } };
const call = (channel: string, payload?: unknown, event = app) =>
  (mockState.ipcMain.handlers.get(channel) as (e: IpcMainInvokeEvent, p: unknown) => Promise<Result>)(event, payload);

/** Every byte main wrote under userData, as one buffer. */
function allFiles(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name))),
  );
}

const key = new Uint8Array(Array.from({ length: 20 }, (_, i) => (i * 37 + 11) & 255));

describe('team key in main', () => {
  it('is none at first, then stored and loaded back with its derived team id', async () => {
    expect(await call('teamkey:load')).toEqual({ ok: true, value: null });
    const saved = await call('teamkey:save', { teamName: ' 城湖驻场 ', key, replace: false });
    expect(saved).toEqual({ ok: true, value: { teamId: teamIdOf(key), teamName: '城湖驻场' } });
    const loaded = (await call('teamkey:load')) as { ok: true; value: { key: Uint8Array; teamId: string } };
    expect(Array.from(loaded.value.key)).toEqual(Array.from(key));
    expect(loaded.value.teamId).toBe(teamIdOf(key));
  });

  it('never writes the key, its base64, its code or a password in plain', async () => {
    await call('teamkey:save', { teamName: 'T', key, replace: false });
    await call('secret:set-backup-password', { password: 'correct horse battery' });
    const dump = allFiles(userData);
    expect(dump.length).toBeGreaterThan(0);
    const needles = [
      Buffer.from(key),
      Buffer.from(Buffer.from(key).toString('base64')),
      Buffer.from(Buffer.from(key).toString('hex')),
      Buffer.from(formatTeamCode(key)),
      Buffer.from(formatTeamCode(key).replace(/-/g, '')),
      Buffer.from('correct horse battery'),
    ];
    for (const needle of needles) expect(dump.includes(needle)).toBe(false);
    expect(readdirSync(userData).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('refuses to replace a different key unless asked', async () => {
    await call('teamkey:save', { teamName: 'A', key, replace: false });
    const other = new Uint8Array(20).fill(3);
    expect(await call('teamkey:save', { teamName: 'B', key: other, replace: false })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await call('teamkey:save', { teamName: 'B', key: other, replace: true })).toMatchObject({ ok: true });
    const loaded = (await call('teamkey:load')) as { value: { teamName: string } };
    expect(loaded.value.teamName).toBe('B');
  });

  it('stores nothing where the system has no protected storage', async () => {
    mockState.safeStorage.available = false;
    expect(await call('teamkey:save', { teamName: 'A', key, replace: false })).toMatchObject({
      ok: false,
      error: { code: 'unsupported' },
    });
    expect(await call('secret:set-backup-password', { password: 'abcdefgh' })).toMatchObject({ ok: false });
    expect(() => readdirSync(userData)).toThrow();
  });

  it('refuses a key of the wrong size, and a caller from outside the app', async () => {
    expect(await call('teamkey:save', { teamName: 'A', key: new Uint8Array(16), replace: false })).toMatchObject({
      ok: false,
      error: { code: 'invalid-payload' },
    });
    expect(await call('teamkey:load', undefined, stranger)).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });
});

describe('remembered backup password', () => {
  it('is remembered, read back, and forgotten (file removed)', async () => {
    expect(await call('secret:get-backup-password')).toEqual({ ok: true, value: null });
    await call('secret:set-backup-password', { password: 'pa55word!' });
    expect(await call('secret:get-backup-password')).toEqual({ ok: true, value: 'pa55word!' });
    await call('secret:set-backup-password', { password: null });
    expect(await call('secret:get-backup-password')).toEqual({ ok: true, value: null });
    expect(readdirSync(userData)).toEqual([]);
  });
});
