/**
 * Backups on disk. Main does not understand the backup format (the renderer builds it); it only
 * writes the bytes atomically, proves they landed intact, applies retention, lists and reads.
 */
import { createHash, randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import type { BackupEntry, BackupWriteRequest, BackupWriteResult, OpenedFile } from '@shared/ipc/contract';
import { BACKUP_EXTENSION, MAX_BACKUP_BYTES } from '@shared/ipc/schemas';
import { selectRetained } from '@shared/ipc/backup-retention';
import { exactBytes } from './atomic-file';
import { IpcFailure } from './ipc/errors';

/** The slice of node:fs/promises the store uses; tests inject faults (ENOSPC, flipped bytes) through it. */
export type BackupFs = Pick<typeof nodeFs, 'open' | 'readFile' | 'rename' | 'rm' | 'readdir' | 'stat' | 'mkdir'>;

export interface BackupStoreOptions {
  /** The current backup folder (it may change when the user picks another one). */
  getFolder: () => string;
  fs?: BackupFs;
  now?: () => number;
  /** Test hook: runs after the temp file is written and synced, before it is read back. */
  beforeVerify?: (tempPath: string) => Promise<void> | void;
}

/** Stale temp files (from a crash mid-write) older than this are swept on the next write. */
const STALE_TEMP_MS = 60 * 60 * 1000;
const TEMP_PATTERN = /^\..+\.[0-9a-f-]{36}\.tmp$/;

/** SHA-256 of bytes, hex. */
export function sha256Hex(data: Uint8Array): string {
  return createHash('sha256').update(data).digest('hex');
}

function isBackupName(name: string): boolean {
  return !name.startsWith('.') && name.toLowerCase().endsWith(BACKUP_EXTENSION);
}

/** Writes, verifies, rotates, lists and reads backup files in one folder. */
export class BackupStore {
  private readonly fs: BackupFs;
  private readonly now: () => number;
  // Writes are serialised so two backups never race on retention.
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: BackupStoreOptions) {
    this.fs = options.fs ?? nodeFs;
    this.now = options.now ?? Date.now;
  }

  get folder(): string {
    return this.options.getFolder();
  }

  /**
   * Writes one backup: temp file → fsync → read back and compare SHA-256 → rename → fsync folder,
   * then applies retention. On any failure no partial or unverified file is left behind.
   */
  write(req: BackupWriteRequest): Promise<BackupWriteResult> {
    const run = this.queue.then(() => this.writeNow(req));
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async writeNow(req: BackupWriteRequest): Promise<BackupWriteResult> {
    const folder = this.folder;
    await this.fs.mkdir(folder, { recursive: true });
    await this.sweepStaleTemps(folder);

    const target = join(folder, req.name);
    const temp = join(folder, `.${req.name}.${randomUUID()}.tmp`);
    const expected = sha256Hex(req.data);
    let actual: string;
    try {
      const handle = await this.fs.open(temp, 'wx');
      try {
        await handle.writeFile(req.data);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await this.options.beforeVerify?.(temp);
      const readBack = await this.fs.readFile(temp);
      actual = sha256Hex(readBack);
      if (actual !== expected || readBack.byteLength !== req.data.byteLength) {
        throw new IpcFailure(
          'io',
          `Backup verification failed: the bytes read back from ${req.name} differ from the bytes written.`,
        );
      }
      await this.renameWithRetry(temp, target);
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await this.syncFolder(folder);

    const removed = await this.applyRetention(folder, req.name);
    return { path: target, size: req.data.byteLength, sha256: actual, verified: true, removed };
  }

  /** Backups in the folder, newest first. A folder that does not exist yet has none. */
  async list(): Promise<BackupEntry[]> {
    const folder = this.folder;
    let names: string[];
    try {
      names = (await this.fs.readdir(folder, { withFileTypes: true }))
        .filter((d) => d.isFile() && isBackupName(d.name))
        .map((d) => d.name);
    } catch (error) {
      if ((error as { code?: string }).code === 'ENOENT') return [];
      throw error;
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const path = join(folder, name);
      try {
        const info = await this.fs.stat(path);
        entries.push({ name, path, size: info.size, modifiedAt: new Date(info.mtimeMs).toISOString() });
      } catch {
        // Deleted between readdir and stat: not a backup any more.
      }
    }
    return entries.sort((a, b) => b.modifiedAt.localeCompare(a.modifiedAt) || b.name.localeCompare(a.name));
  }

  /** Reads one backup by name (the name is already validated: no folders, ends in .odbk). */
  async read(name: string): Promise<OpenedFile> {
    const path = join(this.folder, name);
    let size: number;
    try {
      const info = await this.fs.stat(path);
      if (!info.isFile()) throw new IpcFailure('not-found', `No backup named ${name}.`);
      size = info.size;
    } catch (error) {
      if (error instanceof IpcFailure) throw error;
      throw new IpcFailure('not-found', `No backup named ${name}.`);
    }
    if (size > MAX_BACKUP_BYTES)
      throw new IpcFailure('too-large', `Backup ${name} is larger than ${MAX_BACKUP_BYTES} bytes.`);
    const data = await this.fs.readFile(path);
    return { name, data: exactBytes(data) };
  }

  /** Deletes backups outside the retention rule; never the one just written. Returns removed names. */
  private async applyRetention(folder: string, justWritten: string): Promise<string[]> {
    const items = (await this.list()).map((e) => ({ name: e.name, modifiedMs: Date.parse(e.modifiedAt) }));
    const { remove } = selectRetained(items, this.now());
    const removed: string[] = [];
    for (const item of remove) {
      if (item.name === justWritten) continue;
      try {
        await this.fs.rm(join(folder, item.name));
        removed.push(item.name);
      } catch {
        // A backup locked by another program stays; the next write tries again.
      }
    }
    return removed;
  }

  private async sweepStaleTemps(folder: string): Promise<void> {
    const names = await this.fs.readdir(folder).catch(() => [] as string[]);
    for (const name of names) {
      if (!TEMP_PATTERN.test(name)) continue;
      const path = join(folder, name);
      const info = await this.fs.stat(path).catch(() => null);
      if (info && this.now() - info.mtimeMs > STALE_TEMP_MS)
        await this.fs.rm(path, { force: true }).catch(() => undefined);
    }
  }

  /** Windows may briefly lock a just-written file (antivirus, indexer); retry a rename a few times. */
  private async renameWithRetry(from: string, to: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await this.fs.rename(from, to);
      } catch (error) {
        const code = (error as { code?: string }).code;
        if (attempt >= 4 || !['EPERM', 'EACCES', 'EBUSY'].includes(code ?? '')) throw error;
        await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
      }
    }
  }

  /** fsync the folder so the rename itself survives a power loss; not possible on Windows, so best effort. */
  private async syncFolder(folder: string): Promise<void> {
    try {
      const dir = await this.fs.open(folder, 'r');
      try {
        await dir.sync();
      } finally {
        await dir.close();
      }
    } catch {
      // EISDIR/EPERM on Windows: NTFS journals the rename itself.
    }
  }
}
