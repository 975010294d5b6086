/**
 * `checkBackupFile(file, …)`: a backup or import file read and checked for restore. In a browser
 * (Electron or plain Chromium) the reading and checking run in a restore worker started for this
 * one file (restore.worker.ts, built by Vite like renderer/pdf/pdf.worker.ts) and ended after, so
 * the page never holds the file's text and parsed tables, and holds the file itself once: its
 * bytes move to the worker and back (`file.data` is replaced by the returned bytes). The audit
 * chain check follows on the page (validate.ts). Without a Worker (Node: vitest, bench) the same
 * functions run in this thread.
 */
import { teamKey } from '../../core/team-key';
import type { RestoreProgress } from './restore-progress';
import type { RestoreReply, RestoreRequest } from './restore-protocol';
import { validateBackup, withChainCheck, type ValidationResult } from './validate';

export interface CheckOptions {
  password?: string;
  onProgress?: (progress: RestoreProgress) => void;
}

function hasWorker(): boolean {
  return typeof Worker === 'function' && typeof document !== 'undefined';
}

/** Reads and checks `bytes` (never throws: anything unexpected is a refusal the dialog shows). */
export async function checkBackupFile(file: { data: Uint8Array }, opts: CheckOptions = {}): Promise<ValidationResult> {
  if (!hasWorker()) return validateBackup(file.data, { password: opts.password, onProgress: opts.onProgress });
  try {
    const result = await inWorker(file, opts);
    return withChainCheck(result);
  } catch (err) {
    return {
      ok: false,
      errors: [{ key: 'errors.checkFailed', params: { detail: String((err as Error)?.message ?? err).slice(0, 200) } }],
    };
  }
}

function inWorker(file: { data: Uint8Array }, opts: CheckOptions): Promise<ValidationResult> {
  const key = teamKey();
  const worker = new Worker(new URL('./restore.worker.ts', import.meta.url), { type: 'module', name: 'restore' });
  const send = (msg: RestoreRequest, transfer: Transferable[] = []) => worker.postMessage(msg, transfer);
  return new Promise<ValidationResult>((resolve, reject) => {
    worker.onmessage = ({ data: msg }: MessageEvent<RestoreReply>) => {
      if (msg.type === 'progress') opts.onProgress?.(msg.progress);
      else if (msg.type === 'mac') {
        if (!key) return send({ type: 'mac', id: msg.id, mac: null, error: 'no team key' });
        key.mac(msg.data).then(
          (mac) => send({ type: 'mac', id: msg.id, mac }),
          (err: unknown) => send({ type: 'mac', id: msg.id, mac: null, error: String(err) }),
        );
      } else if (msg.type === 'done') {
        file.data = msg.bytes;
        resolve(msg.result);
      } else {
        file.data = msg.bytes;
        reject(new Error(msg.message));
      }
    };
    // A worker that cannot load or runs out of memory fails the check; nothing was touched.
    worker.onerror = (e) => reject(new Error(`restore worker failed: ${e.message || 'unknown error'}`));
    worker.onmessageerror = () => reject(new Error('restore worker: a message could not be deserialised'));
    // Moved, not copied; a view into a larger (or shared) buffer is copied first, so only the file goes.
    const { data } = file;
    const own =
      data.buffer instanceof ArrayBuffer && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
        ? data
        : data.slice();
    send(
      {
        type: 'check',
        bytes: own,
        password: opts.password,
        team: key ? { teamId: key.teamId, teamName: key.teamName } : null,
      },
      [own.buffer as ArrayBuffer],
    );
  }).finally(() => worker.terminate());
}
