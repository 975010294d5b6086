import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupWriteRequest } from '@shared/ipc/contract';
import { composeBackupName } from '@shared/ipc/backup-names';
import { manifestName } from './backup-manifest';
import { BackupStore, type BackupFs } from './backup-store';
import { IpcFailure, toIpcError } from './ipc/errors';

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'onsite-backups-')), 'backups');
});
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);
const req = (data = bytes(4096), reason: BackupWriteRequest['reason'] = 'auto'): BackupWriteRequest => ({
  data,
  reason,
  deviceCode: 'A',
});
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const files = () =>
  existsSync(folder)
    ? readdirSync(folder)
        .filter((n) => !n.endsWith('.manifest.json'))
        .sort()
    : [];
const INSTALL = 'a1b2c3d4e5f6';

/** Seeds a backup file with a given modification time; `own` also lists it in this laptop's manifest. */
function seed(name: string, mtime: Date, own: { pinned?: boolean } | false = false) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), name);
  utimesSync(join(folder, name), mtime, mtime);
  if (!own) return;
  const path = join(folder, manifestName(INSTALL));
  const m = existsSync(path)
    ? JSON.parse(readFileSync(path, 'utf8'))
    : { kind: 'onsite-desk-backup-manifest', version: 1, installId: INSTALL, deviceCode: 'A', files: {} };
  m.files[name] = { sha256: '', size: 1, reason: 'auto', pinned: own.pinned ?? false, writtenAt: mtime.toISOString() };
  writeFileSync(path, JSON.stringify(m));
}

describe('atomic write', { timeout: 30_000 }, () => {
  it('writes the exact bytes, leaves no temp file, and reports the verified hash', async () => {
    const at = new Date(2026, 10, 25, 23, 10);
    const store = new BackupStore({ getFolder: () => folder, now: () => at.getTime() });
    const data = bytes(200_000);
    const result = await store.write(req(data));
    const name = composeBackupName('A', 'auto', at);

    expect(files()).toEqual([name]); // no .tmp left, folder created on demand; main chose the name
    expect(new Uint8Array(readFileSync(join(folder, name)))).toEqual(data);
    expect(result).toEqual({
      name,
      path: join(folder, name),
      size: 200_000,
      sha256: sha(data),
      verified: true,
      removed: [],
    });
  });

  it('never replaces an existing file: a taken name moves the new backup to the next free one', async () => {
    const at = new Date(2026, 10, 25, 23, 10);
    const taken = composeBackupName('A', 'auto', at);
    seed(taken, at); // e.g. another program's file, or a clock set back
    const store = new BackupStore({ getFolder: () => folder, now: () => at.getTime() });
    const first = await store.write(req(bytes(100, 1)));
    const second = await store.write(req(bytes(50, 2)));
    expect(readFileSync(join(folder, taken), 'utf8')).toBe(taken);
    expect(new Set([taken, first.name, second.name]).size).toBe(3);
    expect(new Uint8Array(readFileSync(join(folder, second.name)))).toEqual(bytes(50, 2));
  });

  it('without hard links (a FAT32 stick) it still refuses to replace: the name is checked free first', async () => {
    const at = new Date(2026, 10, 25, 23, 10);
    const taken = composeBackupName('A', 'auto', at);
    seed(taken, at);
    const noLinks: BackupFs = {
      ...fs,
      link: (async () => {
        throw Object.assign(new Error('EPERM: operation not permitted, link'), { code: 'EPERM' });
      }) as BackupFs['link'],
    };
    const store = new BackupStore({ getFolder: () => folder, fs: noLinks, now: () => at.getTime() });
    const written = await store.write(req(bytes(10, 3)));
    expect(written.name).not.toBe(taken);
    expect(readFileSync(join(folder, taken), 'utf8')).toBe(taken);
  });

  it('refuses below twice the backup size free, with disk-full, writing nothing', async () => {
    const tight: BackupFs = {
      ...fs,
      statfs: (async () => ({ bavail: 3, bsize: 4096 })) as unknown as BackupFs['statfs'],
    };
    const store = new BackupStore({ getFolder: () => folder, fs: tight });
    const failure = await store.write(req(bytes(8000))).catch((e: unknown) => e);
    expect(toIpcError(failure)).toMatchObject({
      code: 'disk-full',
      message: expect.stringMatching(/needs 16000 bytes free, 12288 available/),
    });
    expect(files()).toEqual([]);
  });

  it('a full disk (ENOSPC) gives disk-full and leaves no partial file, older backups intact', async () => {
    seed('older.odbk', new Date());
    // Writes half the bytes for real, then fails the way a full disk does.
    const fullDisk: BackupFs = {
      ...fs,
      open: (async (path: string, flags: string) => {
        const handle = await fs.open(path, flags);
        return Object.assign(Object.create(handle), {
          writeFile: async (data: Uint8Array) => {
            await handle.writeFile(data.subarray(0, data.byteLength / 2));
            throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
          },
          close: () => handle.close(),
        });
      }) as BackupFs['open'],
    };
    const store = new BackupStore({ getFolder: () => folder, fs: fullDisk });
    const failure = await store.write(req()).catch((e: unknown) => e);

    expect(toIpcError(failure).code).toBe('disk-full');
    expect(files()).toEqual(['older.odbk']);
    expect(readFileSync(join(folder, 'older.odbk'), 'utf8')).toBe('older.odbk');
  });
});

describe('verification', () => {
  it('fails when a byte of the written file is flipped before it is read back; nothing is left', async () => {
    seed('older.odbk', new Date());
    const store = new BackupStore({
      getFolder: () => folder,
      beforeVerify: async (temp) => {
        const onDisk = await fs.readFile(temp);
        onDisk[1234] ^= 0x01;
        await fs.writeFile(temp, onDisk);
      },
    });
    const failure = await store.write(req()).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(IpcFailure);
    expect(toIpcError(failure)).toMatchObject({ code: 'io', message: expect.stringMatching(/verification failed/) });
    expect(files()).toEqual(['older.odbk']);
  });

  it('fails when the read-back returns different bytes (fs layer)', async () => {
    const lying: BackupFs = {
      ...fs,
      readFile: (async (...args: Parameters<typeof fs.readFile>) => {
        const data = (await fs.readFile(...args)) as Buffer;
        data[0] ^= 0xff;
        return data;
      }) as BackupFs['readFile'],
    };
    const store = new BackupStore({ getFolder: () => folder, fs: lying });
    await expect(store.write(req())).rejects.toThrow(/verification failed/);
    expect(files()).toEqual([]);
  });
});

describe('rotation: the newest 10, plus the newest of each of the last 30 days — of this laptop’s unpinned files only', () => {
  // Noon local time, so "days ago" never straddles midnight whatever the test machine's zone.
  const now = new Date(2026, 10, 25, 12, 0, 0);
  const daysAgo = (d: number, hour = 9) => new Date(2026, 10, 25 - d, hour, 0, 0);
  const own = (d: number, hour = 9, reason: 'auto' | 'pre-restore' = 'auto') =>
    composeBackupName('A', reason, daysAgo(d, hour));
  const store = (extra: Partial<ConstructorParameters<typeof BackupStore>[0]> = {}) =>
    new BackupStore({
      getFolder: () => folder,
      getInstallId: () => INSTALL,
      now: () => now.getTime(),
      beforeVerify: (temp) => fs.utimes(temp, now, now), // the new backup is written "now"
      ...extra,
    });

  it('40 daily backups + a new one → keeps the new one and days 0–29, removes days 30–39', async () => {
    for (let d = 0; d < 40; d++) seed(own(d), daysAgo(d), {});
    seed('notes.txt', daysAgo(60)); // not a backup: never touched, even in a user-chosen folder
    const result = await store().write(req());

    expect([...result.removed].sort()).toEqual(Array.from({ length: 10 }, (_, i) => own(30 + i)).sort());
    expect(files()).toEqual([...Array.from({ length: 30 }, (_, d) => own(d)), result.name, 'notes.txt'].sort());
  });

  it('never deletes another laptop’s files, files not in this laptop’s manifest, or pinned ones', async () => {
    const foreign = Array.from({ length: 40 }, (_, d) => composeBackupName('B', 'auto', daysAgo(d)));
    for (let d = 0; d < 40; d++) seed(foreign[d], daysAgo(d)); // laptop B in the same shared folder
    const copied = composeBackupName('A', 'auto', daysAgo(50)); // ours by name, but not in our manifest
    seed(copied, daysAgo(50));
    const pinned = own(60, 9, 'pre-restore');
    seed(pinned, daysAgo(60), { pinned: true });
    const sameCodeOtherManifest = composeBackupName('A', 'auto', daysAgo(45));
    seed(sameCodeOtherManifest, daysAgo(45)); // another laptop that also uses code A: its own manifest
    for (let d = 0; d < 40; d++) seed(own(d, 10), daysAgo(d, 10), {});
    const result = await store().write(req());
    expect(result.removed).toHaveLength(10);
    for (const name of [...foreign, copied, pinned, sameCodeOtherManifest]) expect(files()).toContain(name);
  });

  it('a pre-restore backup is written pinned, listed pinned, and rotated only after a person unpins it', async () => {
    const s = store();
    const pre = await s.write(req(bytes(10), 'pre-restore'));
    expect((await s.list()).find((e) => e.name === pre.name)).toMatchObject({
      pinned: true,
      mine: true,
      deviceCode: 'A',
    });
    await s.unpin(pre.name);
    expect((await s.list()).find((e) => e.name === pre.name)).toMatchObject({ pinned: false, mine: true });
    await expect(s.unpin(composeBackupName('B', 'auto', now))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('sweeps temp files left by a crash, but only stale ones', async () => {
    seed('.old.odbk.0b7e0a6c-7f5c-4a56-9a5e-1f1f3b1d2c3a.tmp', daysAgo(1));
    seed('.fresh.odbk.1b7e0a6c-7f5c-4a56-9a5e-1f1f3b1d2c3a.tmp', now);
    const written = await store().write(req());
    expect(files()).toEqual(['.fresh.odbk.1b7e0a6c-7f5c-4a56-9a5e-1f1f3b1d2c3a.tmp', written.name]);
  });
});

describe('location', () => {
  it('says whether the backup folder shares the database’s disk, and how much is free', async () => {
    const data = join(folder, '..', 'userData');
    mkdirSync(data, { recursive: true });
    const same = await new BackupStore({ getFolder: () => folder, dataPath: data }).location();
    expect(same).toMatchObject({ folder, kind: 'disk', sameDiskAsData: true });
    expect(same.freeBytes).toBeGreaterThan(0);
    const other: BackupFs = {
      ...fs,
      stat: (async (p: string) => {
        const st = await fs.stat(p);
        return p.startsWith(data) ? Object.assign(st, { dev: st.dev + 1 }) : st;
      }) as BackupFs['stat'],
    };
    expect(await new BackupStore({ getFolder: () => folder, dataPath: data, fs: other }).location()).toMatchObject({
      sameDiskAsData: false,
    });
  });
});

describe('list and read', () => {
  it('lists only backups, newest first, and reads them back', async () => {
    seed('a.odbk', new Date(2026, 0, 1));
    seed('b.odbk', new Date(2026, 0, 2));
    seed('readme.txt', new Date(2026, 0, 3));
    seed('.hidden.odbk', new Date(2026, 0, 4));
    const store = new BackupStore({ getFolder: () => folder });
    const list = await store.list();
    expect(list.map((e) => e.name)).toEqual(['b.odbk', 'a.odbk']);
    expect(list[0]).toMatchObject({
      pinned: false,
      mine: false,
      deviceCode: null,
      path: join(folder, 'b.odbk'),
      size: 6,
      modifiedAt: new Date(2026, 0, 2).toISOString(),
    });
    const read = await store.read('a.odbk');
    expect(new TextDecoder().decode(read.data)).toBe('a.odbk');
    await expect(store.read('missing.odbk')).rejects.toMatchObject({ code: 'not-found' });
  });

  it('an unused folder lists as empty', async () => {
    expect(await new BackupStore({ getFolder: () => join(folder, 'never') }).list()).toEqual([]);
  });
});
