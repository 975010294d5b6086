/**
 * PlatformApi for plain Chromium (dev in a browser, Playwright e2e): downloads instead of a save
 * dialog, <input type=file> instead of an open dialog, the Notification API, IndexedDB backups.
 * Requests are validated with the same zod schemas main uses, so the browser build rejects
 * exactly what Electron would.
 */
import type { z } from 'zod';
import type { Channel, OpenedFile, PlatformApi } from '@shared/ipc/contract';
import { describeZodError, requestSchemas } from '@shared/ipc/schemas';
import { PlatformError } from './errors';
import './globals';
import {
  BROWSER_BACKUP_FOLDER,
  webBackupList,
  webBackupLocation,
  webBackupRead,
  webBackupUnpin,
  webBackupWrite,
} from './web-backups';
import { webStateGet, webStateReport, webStateSwitchDb } from './web-state';
import { describeFilters, matchesFilters } from '@shared/ipc/file-types';

/** How long a blob URL handed to another tab or frame stays valid. */
const BLOB_URL_LIFETIME_MS = 60_000;

function validate<C extends Channel>(channel: C, req: unknown): z.output<(typeof requestSchemas)[C]> {
  const parsed = requestSchemas[channel].safeParse(req);
  if (!parsed.success) throw new PlatformError('invalid-payload', `${channel}: ${describeZodError(parsed.error)}`);
  return parsed.data as z.output<(typeof requestSchemas)[C]>;
}

function blobUrl(data: Uint8Array, type: string): string {
  const url = URL.createObjectURL(new Blob([data.slice()], { type }));
  setTimeout(() => URL.revokeObjectURL(url), BLOB_URL_LIFETIME_MS);
  return url;
}

function mimeOf(name: string): string {
  if (/\.pdf$/i.test(name)) return 'application/pdf';
  if (/\.json$/i.test(name)) return 'application/json';
  if (/\.csv$/i.test(name)) return 'text/csv';
  return 'application/octet-stream';
}

/** Clicks a temporary link (download, or new tab), then removes it. */
function clickLink(href: string, attrs: { download?: string; target?: string }): void {
  const a = document.createElement('a');
  a.href = href;
  if (attrs.download) a.download = attrs.download;
  if (attrs.target) {
    a.target = attrs.target;
    a.rel = 'noopener';
  }
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
}

/** Opens the browser's file picker; resolves null when the user cancels. */
function pickFile(accept: string, maxBytes: number | undefined): Promise<OpenedFile | null> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    if (accept) input.accept = accept;
    input.style.display = 'none';
    const finish = () => input.remove();
    input.addEventListener('cancel', () => {
      finish();
      resolve(null);
    });
    input.addEventListener('change', () => {
      finish();
      const file = input.files?.[0];
      if (!file) return resolve(null);
      if (maxBytes !== undefined && file.size > maxBytes) {
        return reject(new PlatformError('too-large', `${file.name} is ${file.size} bytes; the limit is ${maxBytes}.`));
      }
      file.arrayBuffer().then(
        (buffer) => resolve({ name: file.name, data: new Uint8Array(buffer) }),
        (error: unknown) => reject(new PlatformError('io', String(error))),
      );
    });
    document.body.append(input);
    input.click();
  });
}

let permission: Promise<NotificationPermission> | null = null;

/** Asks for notification permission once per page; later calls reuse the answer. */
function notificationPermission(): Promise<NotificationPermission> {
  if (Notification.permission !== 'default') return Promise.resolve(Notification.permission);
  permission ??= Notification.requestPermission();
  return permission;
}

/** Builds the browser implementation of PlatformApi. */
export function createWebPlatform(): PlatformApi {
  return {
    async appInfo() {
      return {
        name: 'Onsite Desk',
        version: (import.meta.env?.VITE_APP_VERSION as string | undefined) ?? 'dev',
        platform: 'web',
        os: navigator.userAgent,
        dataPath: '',
        backupPath: '',
        versions: { electron: '', chrome: '', node: '' },
        blockedRequests: 0,
      };
    },

    async saveFile(raw) {
      const req = validate('file:save', raw);
      const hook = window.__onsiteTestPlatform;
      if (hook) {
        const file = { name: req.defaultName, data: req.data.slice() };
        hook.lastSavedFile = file;
        hook.onSaveFile?.(file);
      }
      clickLink(blobUrl(req.data, mimeOf(req.defaultName)), { download: req.defaultName });
      return { saved: true, path: req.defaultName };
    },

    async openFile(raw) {
      const req = validate('file:open', raw);
      const accept = req.filters
        .flatMap((f) => f.extensions)
        .map((ext) => `.${ext}`)
        .join(',');
      const file = await pickFile(accept, req.maxBytes);
      // The picker's filter is a suggestion ("All files" is one click away): refused as main does.
      if (file && !matchesFilters(file.name, req.filters))
        throw new PlatformError(
          'unsupported',
          `${file.name}: only ${describeFilters(req.filters)} files can be used here.`,
        );
      return file;
    },

    async openPdf(raw) {
      const req = validate('pdf:open', raw);
      const url = blobUrl(req.data, 'application/pdf');
      // A new tab shows Chromium's PDF viewer; if pop-ups are blocked, a link click still works.
      if (!window.open(url, '_blank')) clickLink(url, { target: '_blank' });
    },

    async printPdf(raw) {
      const req = validate('pdf:print', raw);
      const frame = document.createElement('iframe');
      frame.style.cssText = 'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0';
      frame.src = blobUrl(req.data, 'application/pdf');
      await new Promise<void>((resolve) => {
        frame.addEventListener('load', () => resolve(), { once: true });
        document.body.append(frame);
      });
      try {
        frame.contentWindow?.focus();
        frame.contentWindow?.print();
      } finally {
        // print() may return before the dialog has copied the document; remove the frame later.
        setTimeout(() => frame.remove(), BLOB_URL_LIFETIME_MS);
      }
      // The browser's print dialog does not say whether the user printed or cancelled.
      return 'printed';
    },

    async notify(raw) {
      const req = validate('notify:show', raw);
      if (typeof Notification === 'undefined') return;
      if ((await notificationPermission()) !== 'granted') return; // denied: silently nothing
      new Notification(req.title, { body: req.body, tag: req.tag });
    },

    async backupGetFolder() {
      return BROWSER_BACKUP_FOLDER;
    },

    async backupChooseFolder() {
      return null; // the browser has no folders to choose
    },

    async backupWrite(raw) {
      return webBackupWrite(validate('backup:write', raw));
    },

    async backupList() {
      return webBackupList();
    },

    async backupRead(raw) {
      return webBackupRead(validate('backup:read', raw).name);
    },

    async backupUnpin(raw) {
      return webBackupUnpin(validate('backup:unpin', raw).name);
    },

    async backupLocation() {
      return webBackupLocation();
    },

    async stateReport(raw) {
      webStateReport(validate('state:report', raw));
    },

    async stateGet() {
      return webStateGet();
    },

    async stateSwitchDb(raw) {
      webStateSwitchDb(validate('state:switch-db', raw));
    },

    async backupTakeOpened() {
      return null; // a browser tab is never asked by the OS to open a file
    },

    // The browser build keeps its team key as a non-extractable CryptoKey in an IndexedDB of its
    // own (renderer/platform/web-team-key.ts), never as bytes; and it never remembers a password.
    async teamKeyLoad() {
      throw new PlatformError('unsupported', 'teamkey:load: the browser build holds a CryptoKey, not bytes');
    },

    async teamKeySave() {
      throw new PlatformError('unsupported', 'teamkey:save: the browser build holds a CryptoKey, not bytes');
    },

    async secretGetBackupPassword() {
      return null;
    },

    async secretSetBackupPassword() {
      throw new PlatformError(
        'unsupported',
        'secret:set-backup-password: the browser build never remembers a password',
      );
    },

    onMainEvent() {
      return () => undefined; // there is no main process to send events
    },
  };
}
