/**
 * Where backups land, seen from the disk: free space before a write, and whether the backup folder
 * shares a disk (volume) with the database — a backup on the same disk dies with it.
 */
import type * as nodeFs from 'node:fs/promises';
import { dirname } from 'node:path';
import { IpcFailure } from './ipc/errors';

export type DiskFs = Pick<typeof nodeFs, 'stat' | 'statfs'>;

/** The nearest existing folder at or above `path` (a backup folder may not exist yet). */
async function existing(fs: DiskFs, path: string): Promise<string> {
  let p = path;
  for (let i = 0; i < 64; i++) {
    try {
      await fs.stat(p);
      return p;
    } catch {
      const up = dirname(p);
      if (up === p) break;
      p = up;
    }
  }
  return p;
}

/** Free bytes available to this user where `folder` is; null when the system cannot tell. */
export async function freeBytes(fs: DiskFs, folder: string): Promise<number | null> {
  try {
    const s = await fs.statfs(await existing(fs, folder));
    return Number(s.bavail) * Number(s.bsize);
  } catch {
    return null;
  }
}

/** True when both paths are on one device (fs.stat `dev`); null when either cannot be read. */
export async function sameDisk(fs: DiskFs, a: string, b: string): Promise<boolean | null> {
  try {
    const [sa, sb] = await Promise.all([fs.stat(await existing(fs, a)), fs.stat(await existing(fs, b))]);
    return sa.dev === sb.dev;
  } catch {
    return null;
  }
}

/** Backups need room for the file and its temporary copy: below twice its size, nothing is written. */
export const SPACE_FACTOR = 2;

/** Refuses a write of `size` bytes when the folder has less than twice that free. */
export async function assertRoomFor(fs: DiskFs, folder: string, size: number): Promise<void> {
  const free = await freeBytes(fs, folder);
  const needed = size * SPACE_FACTOR;
  if (free !== null && free < needed)
    throw new IpcFailure(
      'disk-full',
      `Not enough free space for the backup: needs ${needed} bytes free, ${free} available.`,
    );
}
