/**
 * Backups on disk. Main does not understand the backup format (the renderer builds it); it only
 * writes the bytes atomically, proves they landed intact, applies retention, lists and reads.
 *
 * Main chooses every file name (shared/ipc/backup-names.ts); a write never replaces an existing
 * file (exclusive create of a temp file, then a link or rename to a name that does not exist);
 * retention touches only this laptop's own unpinned files (backup-manifest.ts).
 */
import { createHash, randomUUID } from 'node:crypto';
import * as nodeFs from 'node:fs/promises';
import { join } from 'node:path';
import type {
  BackupEntry,
  BackupLocation,
  BackupWriteRequest,
  BackupWriteResult,
  OpenedFile,
} from '@shared/ipc/contract';
import { BACKUP_EXTENSION, MAX_BACKUP_BYTES } from '@shared/ipc/schemas';
import { composeBackupName, parseBackupName, pinnedReasons } from '@shared/ipc/backup-names';
import { planRetention } from '@shared/ipc/backup-retention';
import { exactBytes } from './atomic-file';
import { assertRoomFor, freeBytes, sameDisk } from './backup-disk';
import { readManifest, writeManifest, type BackupManifest } from './backup-manifest';
import { IpcFailure } from './ipc/errors';

/** The slice of node:fs/promises the store uses; tests inject faults (ENOSPC, flipped bytes) through it. */
export type BackupFs = Pick<
  typeof nodeFs,
  'open' | 'readFile' | 'rename' | 'rm' | 'readdir' | 'stat' | 'mkdir' | 'link' | 'unlink' | 'statfs'
>;

export interface BackupStoreOptions {
  /** The current backup folder (it may change when the user picks another one). */
  getFolder: () => string;
  /** The folder of the database (userData): a backup folder on the same disk is reported. */
  dataPath?: string;
  /** This installation's id: names its manifest in every backup folder (settings.ts). */
  getInstallId?: () => string;
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

  private get installId(): string {
    return this.options.getInstallId?.() ?? 'default';
  }

  private async writeNow(req: BackupWriteRequest): Promise<BackupWriteResult> {
    const folder = this.folder;
    await this.fs.mkdir(folder, { recursive: true });
    await assertRoomFor(this.fs, folder, req.data.byteLength);
    await this.sweepStaleTemps(folder);

    const at = this.now();
    const temp = join(folder, `.${composeBackupName(req.deviceCode, req.reason, new Date(at))}.${randomUUID()}.tmp`);
    const expected = sha256Hex(req.data);
    let actual: string;
    let name: string;
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
        throw new IpcFailure('io', 'Backup verification failed: the bytes read back differ from the bytes written.');
      }
      name = await this.commitNew(temp, folder, (n) => composeBackupName(req.deviceCode, req.reason, new Date(at + n)));
    } catch (error) {
      await this.fs.rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    await this.syncFolder(folder);

    const manifest = await readManifest(this.fs, folder, this.installId, req.deviceCode);
    manifest.deviceCode = req.deviceCode;
    manifest.files[name] = {
      sha256: actual,
      size: req.data.byteLength,
      reason: req.reason,
      pinned: pinnedReasons.has(req.reason),
      writtenAt: new Date(at).toISOString(),
    };
    await writeManifest(folder, manifest);
    const removed = await this.applyRetention(folder, manifest, name);
    return { name, path: join(folder, name), size: req.data.byteLength, sha256: actual, verified: true, removed };
  }

  /**
   * Gives the verified temp file its final name without ever replacing a file: a hard link fails
   * when the name exists (then the next millisecond's name is tried); where the file system has
   * no hard links (FAT32 sticks), the name is checked free and the temp file renamed.
   */
  private async commitNew(temp: string, folder: string, nameAt: (n: number) => string): Promise<string> {
    for (let n = 0; n < 20; n++) {
      const name = nameAt(n);
      const target = join(folder, name);
      try {
        await this.fs.link(temp, target);
        await this.fs.unlink(temp).catch(() => undefined);
        return name;
      } catch (error) {
        const code = (error as { code?: string }).code ?? '';
        if (code === 'EEXIST') continue;
        if (!['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK', 'EINVAL'].includes(code)) throw error;
      }
      const taken = await this.fs.stat(target).then(
        () => true,
        () => false,
      );
      if (taken) continue;
      await this.renameWithRetry(temp, target);
      return name;
    }
    throw new IpcFailure('io', 'Could not find a free name for the backup.');
  }

  /** Backups in the folder, newest first, with their pin and owner. A folder that does not exist yet has none. */
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
    const manifest = await readManifest(this.fs, folder, this.installId, '');
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const path = join(folder, name);
      try {
        const info = await this.fs.stat(path);
        const own = manifest.files[name];
        const deviceCode = parseBackupName(name)?.deviceCode ?? null;
        entries.push({
          name,
          path,
          size: info.size,
          modifiedAt: new Date(info.mtimeMs).toISOString(),
          pinned: own?.pinned ?? false,
          mine: Boolean(own) && deviceCode !== null && deviceCode === manifest.deviceCode,
          deviceCode,
        });
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

  /** A person unpins one of this laptop's pinned backups: retention may then rotate it like any other. */
  unpin(name: string): Promise<void> {
    const run = this.queue.then(async () => {
      const folder = this.folder;
      const manifest = await readManifest(this.fs, folder, this.installId, '');
      const entry = manifest.files[name];
      if (!entry) throw new IpcFailure('not-found', `${name} was not written by this laptop.`);
      if (!entry.pinned) return;
      entry.pinned = false;
      await writeManifest(folder, manifest);
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** The backup folder, whether it shares the database's disk, and its free space. */
  async location(): Promise<BackupLocation> {
    const folder = this.folder;
    return {
      folder,
      kind: 'disk',
      sameDiskAsData: this.options.dataPath ? await sameDisk(this.fs, this.options.dataPath, folder) : null,
      freeBytes: await freeBytes(this.fs, folder),
    };
  }

  /** Deletes this laptop's unpinned backups outside the retention rule; never the one just written. */
  private async applyRetention(folder: string, manifest: BackupManifest, justWritten: string): Promise<string[]> {
    const items = (await this.list()).map((e) => ({
      name: e.name,
      modifiedMs: Date.parse(e.modifiedAt),
      pinned: e.pinned,
      inManifest: Boolean(manifest.files[e.name]),
    }));
    const removed: string[] = [];
    for (const item of planRetention(items, manifest.deviceCode, this.now())) {
      if (item.name === justWritten) continue;
      try {
        await this.fs.rm(join(folder, item.name));
        removed.push(item.name);
        delete manifest.files[item.name];
      } catch {
        // A backup locked by another program stays; the next write tries again.
      }
    }
    if (removed.length) await writeManifest(folder, manifest);
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
