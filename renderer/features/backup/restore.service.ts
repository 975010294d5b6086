/** Restoring the database from a stored backup or a file: read, validate, confirm, keep, replace. */
import { MAX_FILE_BYTES } from '@shared/ipc/schemas';
import { getDb } from '../../db';
import { platform, PlatformError } from '../../platform';
import { backupUnlocked, BackupError, exclusive, type LastBackup, type Progress } from './backup.service';
import { AccessError, type Approval } from '../access';
import { applyRestore } from './restore';
import { checkBackupFile } from './restore-client';
import type { OnRestoreProgress } from './restore-progress';
import type { RestorePlan, ValidationResult } from './validate';

/** A stored backup by name, a file chosen in the open dialog, or one the OS opened (OpenedBackupFile.tsx). */
export type RestoreSource = { kind: 'stored'; name: string } | { kind: 'file' } | { kind: 'opened'; file: LoadedFile };

export interface LoadedFile {
  name: string;
  data: Uint8Array;
}

/** Reads the chosen backup; null when the user cancels the file dialog. */
export async function loadSource(src: RestoreSource): Promise<LoadedFile | null> {
  try {
    if (src.kind === 'opened') return src.file;
    if (src.kind === 'stored') return await platform.backupRead({ name: src.name });
    return await platform.openFile({
      filters: [{ name: 'Onsite Desk backup', extensions: ['odbk'] }],
      maxBytes: MAX_FILE_BYTES,
    });
  } catch (err) {
    if (err instanceof PlatformError && err.code === 'cancelled') return null;
    if (err instanceof PlatformError)
      throw new BackupError(
        err.code === 'not-found'
          ? 'errors.notFound'
          : err.code === 'too-large'
            ? 'errors.tooLarge'
            : err.code === 'unsupported'
              ? 'safety:file.wrongBackupType'
              : 'errors.readFailed',
        [],
        // The refusal of a file type says everything; the platform's English detail would only confuse.
        err.code === 'unsupported' ? '' : err.message,
      );
    throw err;
  }
}

/**
 * Validates a file for restore, in the restore worker (restore-client.ts), reporting `reading` and
 * `checking`; `file.data` moves to the worker and back (see there). An encrypted file is tried only with the password the user types (never a
 * remembered one): `needsPassword` asks for it.
 */
export async function checkFile(
  file: { data: Uint8Array } | Uint8Array,
  password?: string,
  onProgress?: OnRestoreProgress,
): Promise<ValidationResult> {
  // A bare array moves to the worker and is not given back to its caller: pass `{ data }` to keep it.
  return checkBackupFile(ArrayBuffer.isView(file) ? { data: file } : file, { password, onProgress });
}

export interface RestoreOutcome {
  preRestore: LastBackup | null;
}

/**
 * Keeps the current state as a verified 'pre-restore' backup (unless the user chose to go on
 * without one after it failed), then replaces the database in one transaction. A plan the team key
 * does not vouch for needs the project manager's `approval` (see applyRestore).
 */
export function performRestore(
  plan: RestorePlan,
  sourceName: string,
  opts: {
    skipPreRestore?: boolean;
    onProgress?: Progress;
    /** The writing of the tables, N of M (after the pre-restore backup's stages in `onProgress`). */
    onWrite?: OnRestoreProgress;
    approval?: Approval | null;
  } = {},
): Promise<RestoreOutcome> {
  // An untrusted plan without an approval is refused before the pre-restore backup is even made.
  if (plan.auth.status !== 'ok' && !opts.approval) return Promise.reject(new AccessError('approvalRequired'));
  return exclusive(async () => {
    const pre = opts.skipPreRestore ? null : await backupUnlocked('pre-restore', opts.onProgress);
    const db = getDb();
    // Until this one transaction commits, the data is as it was (and `pre` holds it besides).
    await applyRestore(
      db,
      plan,
      { name: sourceName, preRestoreName: pre?.name, approval: opts.approval },
      new Date(),
      opts.onWrite,
    );
    // The person who restored stays the actor: writes are attributed to whoever unlocked the app.
    return { preRestore: pre };
  });
}
