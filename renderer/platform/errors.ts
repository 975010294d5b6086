/** The one error type the renderer sees from the platform, whichever implementation runs. */
import type { IpcErrorCode } from '@shared/ipc/contract';

const CODES: readonly IpcErrorCode[] = [
  'invalid-payload',
  'forbidden-sender',
  'cancelled',
  'too-large',
  'io',
  'disk-full',
  'not-found',
  'unsupported',
];

/** A failed platform call: `code` says what kind of failure, for choosing the message to show. */
export class PlatformError extends Error {
  constructor(
    readonly code: IpcErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PlatformError';
  }
}

/**
 * Turns whatever a platform call rejected with into a PlatformError. Errors from the Electron
 * preload lose their `.code` crossing contextBridge, so the code is read back from the
 * `[code] message` prefix the preload puts on every message.
 */
export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const message = error instanceof Error ? error.message : String(error);
  const own = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  const match = /\[([a-z-]+)\] ([\s\S]*)$/.exec(message);
  const code = [own, match?.[1]].find((c): c is IpcErrorCode => CODES.includes(c as IpcErrorCode));
  return new PlatformError(code ?? 'io', match && code === match[1] ? match[2] : message);
}
