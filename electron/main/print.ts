/**
 * Printing a report: the PDF is loaded in a hidden window (Chromium's PDF viewer) and
 * `webContents.print` opens the operating system's print dialog. Where that cannot work — no
 * printer installed, the viewer fails to load, the print job fails — the PDF is opened in the
 * system viewer instead and the caller is told so, so the user can print from there.
 */
import { rm } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow } from 'electron';
import type { PrintOutcome } from '@shared/ipc/contract';
import { IpcFailure } from './ipc/errors';

/** The PDF viewer plugin reports "loaded" before it has laid out the pages; printing at once can print blank. */
export const PRINT_SETTLE_MS = 500;

export interface PrintDeps {
  /** A hidden window whose webPreferences allow the PDF viewer plugin (window.ts createPrintWindow). */
  createWindow(): BrowserWindow;
  /** shell.openPath: resolves to '' on success, else an error message. */
  openPath(path: string): Promise<string>;
  /** The network guard: the hidden window may load this one file while it prints. */
  allowFile?(path: string): void;
  forgetFile?(path: string): void;
  settleMs?: number;
  log?(line: string): void;
}

type PrintResult = { kind: 'printed' } | { kind: 'cancelled' } | { kind: 'unavailable'; reason: string };

/** Runs `webContents.print` with the OS dialog and classifies its callback. */
function printWithDialog(win: BrowserWindow): Promise<PrintResult> {
  return new Promise((resolve) => {
    win.webContents.print({ silent: false, printBackground: true }, (success, failureReason) => {
      if (success) resolve({ kind: 'printed' });
      // "Print job canceled": the user's choice, not a failure worth a fallback.
      else if (/cancel/i.test(failureReason)) resolve({ kind: 'cancelled' });
      else resolve({ kind: 'unavailable', reason: failureReason || 'unknown' });
    });
  });
}

/** Loads `file` in a hidden window and prints it; falls back to the system viewer. */
async function tryPrint(file: string, deps: PrintDeps): Promise<PrintResult> {
  const win = deps.createWindow();
  deps.allowFile?.(file);
  try {
    const printers = await win.webContents.getPrintersAsync();
    if (printers.length === 0) return { kind: 'unavailable', reason: 'no printer is installed' };
    await win.loadURL(pathToFileURL(file).href);
    await new Promise((r) => setTimeout(r, deps.settleMs ?? PRINT_SETTLE_MS));
    return await printWithDialog(win);
  } catch (error) {
    return { kind: 'unavailable', reason: error instanceof Error ? error.message : String(error) };
  } finally {
    deps.forgetFile?.(file);
    if (!win.isDestroyed()) win.destroy();
  }
}

/**
 * Prints the PDF at `file` (a temp file main wrote) through the OS print dialog. Returns
 * 'printed' or 'cancelled' (the temp file is then removed), or 'opened-in-viewer' when printing
 * was unavailable and the PDF was opened in the system viewer instead (the file stays: the viewer
 * holds it; the start-up sweep removes it later). Throws only when neither works.
 */
export async function printPdfFile(file: string, deps: PrintDeps): Promise<PrintOutcome> {
  const result = await tryPrint(file, deps);
  if (result.kind !== 'unavailable') {
    await rm(file, { force: true }).catch(() => undefined);
    return result.kind;
  }
  (deps.log ?? console.warn)(`[print] printing unavailable (${result.reason}); opening the PDF in the system viewer`);
  const error = await deps.openPath(file);
  if (error)
    throw new IpcFailure(
      'unsupported',
      `Printing is unavailable (${result.reason}) and the PDF could not be opened: ${error}`,
    );
  return 'opened-in-viewer';
}
