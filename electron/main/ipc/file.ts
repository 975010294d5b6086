/** Channel group `file:*`: save and open through the native dialogs. */
import { readFile, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  type IpcMainInvokeEvent,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { FileFilter } from '@shared/ipc/contract';
import { describeFilters, extensionOf, matchesFilters } from '@shared/ipc/file-types';
import { MAX_FILE_BYTES, requestSchemas } from '@shared/ipc/schemas';
import { exactBytes, writeFileAtomic } from '../atomic-file';
import { IpcFailure } from './errors';
import { handle } from './handle';
import type { IpcContext } from './context';

/** The window that sent the request, so the dialog is modal to it. */
function parentOf(event: IpcMainInvokeEvent): BrowserWindow | null {
  return BrowserWindow.fromWebContents(event.sender);
}

/** Shows the save dialog, attached to the sender's window when there is one. */
export function showSaveDialog(event: IpcMainInvokeEvent, options: SaveDialogOptions) {
  const parent = parentOf(event);
  return parent ? dialog.showSaveDialog(parent, options) : dialog.showSaveDialog(options);
}

/** Shows the open dialog, attached to the sender's window when there is one. */
export function showOpenDialog(event: IpcMainInvokeEvent, options: OpenDialogOptions) {
  const parent = parentOf(event);
  return parent ? dialog.showOpenDialog(parent, options) : dialog.showOpenDialog(options);
}

/**
 * The dialog offers only the operation's types, but a person can still type any name (and a
 * compromised page could ask for anything the schema allows): a path with another extension is
 * refused before a byte is written or read.
 */
export function assertFileType(path: string, filters: readonly FileFilter[]): void {
  if (!matchesFilters(path, filters))
    throw new IpcFailure(
      'unsupported',
      `${basename(path)}: only ${describeFilters(filters)} files can be used here (got "${extensionOf(path) || 'no extension'}").`,
    );
}

/** Registers `file:save` and `file:open`. */
export function registerFileIpc(ctx: IpcContext): void {
  handle(
    'file:save',
    requestSchemas['file:save'],
    async (req, event) => {
      const result = await showSaveDialog(event, {
        defaultPath: join(app.getPath('documents'), req.defaultName),
        filters: req.filters,
      });
      if (result.canceled || !result.filePath) return { saved: false };
      assertFileType(result.filePath, req.filters);
      // Atomic: a full disk never leaves a half-written report where the user expects a whole one.
      await writeFileAtomic(result.filePath, req.data);
      return { saved: true, path: result.filePath };
    },
    ctx.origins,
  );

  handle(
    'file:open',
    requestSchemas['file:open'],
    async (req, event) => {
      const result = await showOpenDialog(event, { properties: ['openFile'], filters: req.filters });
      const path = result.filePaths[0];
      if (result.canceled || !path) return null;
      assertFileType(path, req.filters);
      const limit = req.maxBytes ?? MAX_FILE_BYTES;
      const { size } = await stat(path);
      if (size > limit) throw new IpcFailure('too-large', `${basename(path)} is ${size} bytes; the limit is ${limit}.`);
      const data = await readFile(path);
      return { name: basename(path), data: exactBytes(data) };
    },
    ctx.origins,
  );
}
