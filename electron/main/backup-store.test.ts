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
import { BackupStore, type BackupFs } from './backup-store';
import { IpcFailure, toIpcError } from './ipc/errors';

let folder: string;
beforeEach(() => {
  folder = join(mkdtempSync(join(tmpdir(), 'onsite-backups-')), 'backups');
});
afterEach(() => rmSync(join(folder, '..'), { recursive: true, force: true }));

const bytes = (n: number, seed = 7) => Uint8Array.from({ length: n }, (_, i) => (i * 31 + seed) % 256);
const req = (name: string, data = bytes(4096)): BackupWriteRequest => ({ name, data, reason: 'auto' });
const sha = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');
const files = () => (existsSync(folder) ? readdirSync(folder).sort() : []);

/** Seeds a backup file with a given modification time. */
function seed(name: string, mtime: Date) {
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, name), name);
  utimesSync(join(folder, name), mtime, mtime);
}

describe('atomic write', () => {
  it('writes the exact bytes, leaves no temp file, and reports the verified hash', async () => {
    const store = new BackupStore({ getFolder: () => folder });
    const data = bytes(200_000);
    const result = await store.write(req('onsite-desk-1.odbk', data));

    expect(files()).toEqual(['onsite-desk-1.odbk']); // no .tmp left, folder created on demand
    expect(new Uint8Array(readFileSync(join(folder, 'onsite-desk-1.odbk')))).toEqual(data);
    expect(result).toEqual({
      path: join(folder, 'onsite-desk-1.odbk'),
      size: 200_000,
      sha256: sha(data),
      verified: true,
      removed: [],
    });
  });

  it('replaces a backup of the same name whole', async () => {
    const store = new BackupStore({ getFolder: () => folder });
    await store.write(req('same.odbk', bytes(100, 1)));
    await store.write(req('same.odbk', bytes(50, 2)));
    expect(new Uint8Array(readFileSync(join(folder, 'same.odbk')))).toEqual(bytes(50, 2));
    expect(files()).toEqual(['same.odbk']);
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
    const failure = await store.write(req('new.odbk')).catch((e: unknown) => e);

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
    const failure = await store.write(req('flipped.odbk')).catch((e: unknown) => e);

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
    await expect(store.write(req('lying.odbk'))).rejects.toThrow(/verification failed/);
    expect(files()).toEqual([]);
  });
});

describe('rotation: the newest 10, plus the newest of each of the last 30 days', () => {
  // Noon local time, so "days ago" never straddles midnight whatever the test machine's zone.
  const now = new Date(2026, 10, 25, 12, 0, 0);
  const daysAgo = (d: number, hour = 9) => new Date(2026, 10, 25 - d, hour, 0, 0);

  it('40 daily backups + a new one → keeps the new one and days 0–29, removes days 30–39', async () => {
    for (let d = 0; d < 40; d++) seed(`day-${String(d).padStart(2, '0')}.odbk`, daysAgo(d));
    seed('notes.txt', daysAgo(60)); // not a backup: never touched, even in a user-chosen folder
    const store = new BackupStore({
      getFolder: () => folder,
      now: () => now.getTime(),
      beforeVerify: (temp) => fs.utimes(temp, now, now), // the new backup is written "now"
    });
    const result = await store.write(req('new.odbk'));

    const expectedRemoved = Array.from({ length: 10 }, (_, i) => `day-${30 + i}.odbk`);
    expect([...result.removed].sort()).toEqual(expectedRemoved);
    const kept = Array.from({ length: 30 }, (_, d) => `day-${String(d).padStart(2, '0')}.odbk`);
    expect(files()).toEqual([...kept, 'new.odbk', 'notes.txt'].sort());
  });

  it('many backups a day: keeps the newest 10 overall and only the newest of each older day', async () => {
    for (let h = 0; h < 11; h++) seed(`today-${String(h).padStart(2, '0')}.odbk`, daysAgo(0, h)); // 00:00..10:00
    for (let d = 1; d <= 35; d++) {
      seed(`d${d}-early.odbk`, daysAgo(d, 8));
      seed(`d${d}-late.odbk`, daysAgo(d, 18));
    }
    const store = new BackupStore({
      getFolder: () => folder,
      now: () => now.getTime(),
      beforeVerify: (t) => fs.utimes(t, now, now),
    });
    await store.write(req('new.odbk'));

    const todayKept = Array.from({ length: 9 }, (_, i) => `today-${String(i + 2).padStart(2, '0')}.odbk`); // newest 10 = new + 9
    const dailyKept = Array.from({ length: 29 }, (_, i) => `d${i + 1}-late.odbk`);
    expect(files()).toEqual(['new.odbk', ...todayKept, ...dailyKept].sort());
  });

  it('sweeps temp files left by a crash, but only stale ones', async () => {
    seed('.old.odbk.0b7e0a6c-7f5c-4a56-9a5e-1f1f3b1d2c3a.tmp', daysAgo(1));
    seed('.fresh.odbk.1b7e0a6c-7f5c-4a56-9a5e-1f1f3b1d2c3a.tmp', now);
    const store = new BackupStore({
      getFolder: () => folder,
      now: () => now.getTime(),
      beforeVerify: (t) => fs.utimes(t, now, now),
    });
    await store.write(req('new.odbk'));
    expect(files()).toEqual(['.fresh.odbk.1b7e0a6c-7f5c-4a56-9a5e-1f1f3b1d2c3a.tmp', 'new.odbk']);
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
