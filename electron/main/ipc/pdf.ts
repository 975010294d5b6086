/** Channel group `pdf:*`: open a generated PDF in the system viewer, or print it. */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { app, shell } from 'electron';
import { requestSchemas } from '@shared/ipc/schemas';
import { writeFileAtomic } from '../atomic-file';
import { printPdfFile } from '../print';
import { createPrintWindow } from '../window';
import { IpcFailure } from './errors';
import { handle } from './handle';
import type { IpcContext } from './context';

/** Temp PDFs stay a day: the external viewer may still hold the file long after the call returns. */
const TEMP_PDF_MAX_AGE_MS = 24 * 60 * 60 * 1000;

function pdfTempFolder(): string {
  return join(app.getPath('temp'), 'onsite-desk-pdf');
}

/** Writes the PDF to a fresh temp file (unique prefix, .pdf suffix) and returns its path. */
export async function writeTempPdf(name: string, data: Uint8Array): Promise<string> {
  const folder = pdfTempFolder();
  await mkdir(folder, { recursive: true });
  const file = join(folder, `${randomUUID().slice(0, 8)}-${/\.pdf$/i.test(name) ? name : `${name}.pdf`}`);
  await writeFileAtomic(file, data);
  return file;
}

/** Removes temp PDFs older than a day; called at start-up. */
export async function sweepTempPdfs(now = Date.now()): Promise<void> {
  const folder = pdfTempFolder();
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    const path = join(folder, name);
    const info = await stat(path).catch(() => null);
    if (info && now - info.mtimeMs > TEMP_PDF_MAX_AGE_MS) await rm(path, { force: true }).catch(() => undefined);
  }
}

/** Registers `pdf:open` and `pdf:print`. */
export function registerPdfIpc(ctx: IpcContext): void {
  handle(
    'pdf:open',
    requestSchemas['pdf:open'],
    async (req) => {
      const file = await writeTempPdf(req.name, req.data);
      const error = await shell.openPath(file);
      if (error) throw new IpcFailure('io', `Could not open the PDF: ${error}`);
    },
    ctx.origins,
  );

  handle(
    'pdf:print',
    requestSchemas['pdf:print'],
    async (req) =>
      printPdfFile(await writeTempPdf(req.name, req.data), {
        createWindow: createPrintWindow,
        openPath: (path) => shell.openPath(path),
        allowFile: (path) => ctx.network.allowFile(path),
        forgetFile: (path) => ctx.network.forgetFile(path),
      }),
    ctx.origins,
  );
}
