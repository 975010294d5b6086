/**
 * Atomic file writes (temp file in the same folder → fsync → rename), so a crash, a full disk or a
 * power loss mid-write leaves either the old file or the new one, never a truncated one.
 */
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { open, rm, rename } from 'node:fs/promises';
import { randomUUID } from 'node:crypto';
import { basename, dirname, join } from 'node:path';

/** Writes `value` as JSON to `file`: temp file → fsync → rename. Throws on failure (temp removed). */
export function writeJsonAtomicSync(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    const fd = openSync(tmp, 'wx');
    try {
      writeSync(fd, JSON.stringify(value, null, 2));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, file);
  } catch (error) {
    rmSync(tmp, { force: true });
    throw error;
  }
}

/** Reads a JSON file; returns undefined when it is missing or not valid JSON. */
export function readJsonFileSync(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** Writes bytes to `file` atomically (async). On failure the temp file is removed and the error rethrown. */
export async function writeFileAtomic(file: string, data: Uint8Array): Promise<void> {
  const tmp = join(dirname(file), `.${basename(file)}.${randomUUID()}.tmp`);
  try {
    const handle = await open(tmp, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (error) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw error;
  }
}

/**
 * The bytes of a Buffer as a Uint8Array that owns exactly them. IPC serialises a typed array's whole
 * ArrayBuffer, so a view into a larger (pooled) buffer would send bytes that are not the file's.
 */
export function exactBytes(buffer: Uint8Array): Uint8Array {
  return buffer.byteOffset === 0 && buffer.byteLength === buffer.buffer.byteLength
    ? new Uint8Array(buffer.buffer, 0, buffer.byteLength)
    : new Uint8Array(buffer);
}
