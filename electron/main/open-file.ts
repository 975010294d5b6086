/**
 * Backups opened from the operating system: double-clicking an `.odbk` file (the type is
 * registered by electron-builder.yml `fileAssociations`) or "Open with" starts the app, or hands
 * the path to the running one, and the renderer shows its restore dialog.
 *
 * Where the path arrives: macOS sends `open-file` (possibly before `ready`); Windows and Linux pass
 * it on the command line — in `process.argv` of the first instance, in the `second-instance`
 * event's argv when the app already runs (a second process never opens the database).
 *
 * The renderer never names a path: main keeps the one the OS gave, tells the window a backup was
 * opened, and hands the bytes over once through `backup:take-opened`. A page could otherwise ask
 * main to read any file it likes.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, isAbsolute, resolve } from 'node:path';
import type { App } from 'electron';
import type { OpenedFile } from '@shared/ipc/contract';
import { BACKUP_EXTENSION, MAX_BACKUP_BYTES } from '@shared/ipc/schemas';
import { exactBytes } from './atomic-file';
import { IpcFailure } from './ipc/errors';

/** The `.odbk` paths among command-line arguments, made absolute against `cwd`; switches are skipped. */
export function backupPathsFromArgv(argv: readonly string[], cwd: string): string[] {
  return argv
    .filter(
      (a) => !a.startsWith('-') && a.toLowerCase().endsWith(BACKUP_EXTENSION) && a.length > BACKUP_EXTENSION.length,
    )
    .map((a) => (isAbsolute(a) ? a : resolve(cwd, a)));
}

export interface OpenedBackupsOptions {
  /** Tells the window (if any) that a backup is waiting; the renderer then calls `take`. */
  notify(name: string): void;
  maxBytes?: number;
}

/** Holds the backup the OS asked us to open until the renderer takes it. The newest one wins. */
export class OpenedBackups {
  private pending: string | null = null;

  constructor(private readonly options: OpenedBackupsOptions) {}

  /** Records a path from the OS and tells the window. Anything not ending in .odbk is ignored. */
  offer(path: string): void {
    if (!path.toLowerCase().endsWith(BACKUP_EXTENSION)) return;
    this.pending = path;
    this.options.notify(basename(path));
  }

  /** The waiting backup's bytes, once (the next call returns null until the OS offers another). */
  async take(): Promise<OpenedFile | null> {
    const path = this.pending;
    if (!path) return null;
    this.pending = null;
    const limit = this.options.maxBytes ?? MAX_BACKUP_BYTES;
    const info = await stat(path);
    if (!info.isFile()) throw new IpcFailure('not-found', `${basename(path)} is not a file.`);
    if (info.size > limit)
      throw new IpcFailure('too-large', `${basename(path)} is ${info.size} bytes; the limit is ${limit}.`);
    return { name: basename(path), data: exactBytes(await readFile(path)) };
  }
}

/**
 * Wires the three ways a path arrives. Call at module load of main, before `ready`: macOS may
 * deliver `open-file` for the file that launched the app before the app is ready.
 */
export function installOpenFileHandlers(
  app: Pick<App, 'on'>,
  opened: OpenedBackups,
  focus: () => void,
  argv: readonly string[] = process.argv.slice(1),
): void {
  app.on('open-file', (event, path) => {
    event.preventDefault(); // we handled it: macOS must not report "cannot open"
    opened.offer(path);
    focus();
  });
  app.on('second-instance', (_event, commandLine, workingDirectory) => {
    for (const path of backupPathsFromArgv(commandLine.slice(1), workingDirectory)) opened.offer(path);
  });
  for (const path of backupPathsFromArgv(argv, process.cwd())) opened.offer(path);
}
