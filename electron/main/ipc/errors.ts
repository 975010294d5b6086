/**
 * Errors inside main are thrown as `IpcFailure` (or raw Node errors) and turned into typed
 * `IpcError` values at the IPC boundary; nothing is ever thrown across it.
 */
import type { IpcError, IpcErrorCode } from '@shared/ipc/contract';

/** An error with a contract error code, thrown by handlers and stores. */
export class IpcFailure extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'IpcFailure';
  }
}

/** Node error codes that mean "no space left": a full disk or an exhausted quota. */
const DISK_FULL = new Set(['ENOSPC', 'EDQUOT']);

/** Maps anything thrown inside a handler to an `IpcError`. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcFailure) return { code: error.code, message: error.message };
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const message = error instanceof Error ? error.message : String(error);
  if (typeof code === 'string' && DISK_FULL.has(code))
    return { code: 'disk-full', message: 'The disk is full: ' + message };
  if (code === 'ENOENT') return { code: 'not-found', message };
  return { code: 'io', message };
}
