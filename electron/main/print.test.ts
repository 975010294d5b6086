/** The print path with `electron` mocked: OS dialog when a printer exists, system viewer otherwise. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserWindow as ElectronWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./test-utils/electron-mock'));

const { BrowserWindow, resetElectronMock } = await import('./test-utils/electron-mock');
const { printPdfFile } = await import('./print');
type FakeWindow = InstanceType<typeof BrowserWindow>;

let dir: string;
let file: string;
beforeEach(() => {
  resetElectronMock();
  dir = mkdtempSync(join(tmpdir(), 'onsite-print-'));
  file = join(dir, 'abcd-report.pdf');
  writeFileSync(file, '%PDF-1.7\n');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Deps around one fake hidden window whose print callback answers `answer`. */
function setup(answer: [boolean, string] | 'never', printers = [{ name: 'PDF' }]) {
  const win = new BrowserWindow({ show: false, webPreferences: { plugins: true } });
  win.webContents.getPrintersAsync.mockResolvedValue(printers);
  win.webContents.print.mockImplementation((_opts: unknown, cb: (ok: boolean, reason: string) => void) => {
    if (answer !== 'never') cb(...answer);
  });
  const calls: string[] = [];
  const deps = {
    createWindow: () => win as unknown as ElectronWindow,
    openPath: vi.fn(async (_path: string) => ''),
    allowFile: vi.fn((p: string) => void calls.push(`allow ${p}`)),
    forgetFile: vi.fn((p: string) => void calls.push(`forget ${p}`)),
    settleMs: 0,
    log: vi.fn(),
  };
  return { win: win as FakeWindow, deps, calls };
}

describe('printPdfFile', () => {
  it('loads the PDF in the hidden window and opens the OS print dialog (not silent)', async () => {
    const { win, deps, calls } = setup([true, '']);
    await expect(printPdfFile(file, deps)).resolves.toBe('printed');
    expect(win.loadURL).toHaveBeenCalledWith(pathToFileURL(file).href);
    expect(win.webContents.print).toHaveBeenCalledWith(
      expect.objectContaining({ silent: false, printBackground: true }),
      expect.any(Function),
    );
    // The network guard let exactly this file through, and only while printing.
    expect(calls).toEqual([`allow ${file}`, `forget ${file}`]);
    expect(win.destroy).toHaveBeenCalled();
    expect(deps.openPath).not.toHaveBeenCalled();
    expect(existsSync(file)).toBe(false); // the temp copy is gone once the job is spooled
  });

  it('a cancelled dialog is the user’s choice: no fallback, no error', async () => {
    const { deps, win } = setup([false, 'Print job canceled']);
    await expect(printPdfFile(file, deps)).resolves.toBe('cancelled');
    expect(deps.openPath).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalled();
  });

  it('no printer installed: opens the PDF in the system viewer without showing a dialog', async () => {
    const { deps, win } = setup([true, ''], []);
    await expect(printPdfFile(file, deps)).resolves.toBe('opened-in-viewer');
    expect(win.webContents.print).not.toHaveBeenCalled();
    expect(deps.openPath).toHaveBeenCalledWith(file);
    expect(existsSync(file)).toBe(true); // the viewer still needs it
    expect(deps.log).toHaveBeenCalledWith(expect.stringContaining('no printer is installed'));
  });

  it('a failed print job falls back to the system viewer', async () => {
    const { deps } = setup([false, 'Print job failed']);
    await expect(printPdfFile(file, deps)).resolves.toBe('opened-in-viewer');
    expect(deps.openPath).toHaveBeenCalledWith(file);
  });

  it('a PDF viewer that fails to load falls back too, and the window is still destroyed', async () => {
    const { deps, win } = setup([true, '']);
    win.loadURL.mockRejectedValueOnce(new Error('ERR_BLOCKED_BY_CLIENT'));
    await expect(printPdfFile(file, deps)).resolves.toBe('opened-in-viewer');
    expect(win.webContents.print).not.toHaveBeenCalled();
    expect(win.destroy).toHaveBeenCalled();
    expect(deps.forgetFile).toHaveBeenCalledWith(file);
  });

  it('when the viewer cannot open either, rejects with an "unsupported" failure naming both reasons', async () => {
    const { deps } = setup([false, 'Print job failed']);
    deps.openPath.mockResolvedValueOnce('No application is associated with PDF files');
    await expect(printPdfFile(file, deps)).rejects.toMatchObject({
      code: 'unsupported',
      message: expect.stringMatching(/Print job failed.*No application/),
    });
  });
});
