/**
 * Messages between restore-client.ts (page) and restore.worker.ts (worker): the only contract
 * between them. The file is checked in the worker; the team key never leaves the page (it is a
 * non-extractable key or lives in Electron main), so the worker asks the page for the one MAC it
 * needs. The file moves to the worker and back, and the plan comes with the attachments' buffers,
 * all transferred, not copied: the page and the worker never hold the file twice.
 */
import type { RestoreProgress } from './restore-progress';
import type { ValidationResult } from './validate-file';

/** Page → worker. */
export type RestoreRequest =
  | {
      type: 'check';
      /** The file's bytes, moved to the worker (not copied); they come back with the reply. */
      bytes: Uint8Array;
      password?: string;
      /** Who the page's team key belongs to (null: none loaded); its MACs are made on request. */
      team: { teamId: string; teamName: string } | null;
    }
  | { type: 'mac'; id: number; mac: Uint8Array | null; error?: string };

/** Worker → page: progress and MAC requests, then exactly one of done or error. */
export type RestoreReply =
  | { type: 'progress'; progress: RestoreProgress }
  | { type: 'mac'; id: number; data: Uint8Array }
  | { type: 'done'; result: ValidationResult; bytes: Uint8Array }
  | { type: 'error'; message: string; bytes: Uint8Array };

/**
 * The buffers of the binary values at the top level of the plan's rows (attachments' bytes), each
 * once: moved to the page with the result instead of copied. A value sharing its buffer with
 * another (a view) is left to be copied.
 */
export function transferablesOf(result: ValidationResult): ArrayBuffer[] {
  const plan = result.ok ? result.plan : result.unverified;
  if (!plan) return [];
  const out = new Set<ArrayBuffer>();
  for (const rows of plan.tables.values())
    for (const row of rows) {
      if (!row || typeof row !== 'object') continue;
      for (const v of Object.values(row as Record<string, unknown>)) {
        if (v instanceof ArrayBuffer) out.add(v);
        else if (
          ArrayBuffer.isView(v) &&
          v.buffer instanceof ArrayBuffer &&
          v.byteOffset === 0 &&
          v.byteLength === v.buffer.byteLength
        )
          out.add(v.buffer);
      }
    }
  return [...out];
}
