/**
 * The file types each operation may save or open. Dialogs offer only these, and main refuses a
 * chosen path whose extension is not among the request's filters — a report is never written as
 * `.exe`, a backup never read from a `.lnk`. Any extension outside `allowedExtensions` is refused
 * by the request schema, whatever the renderer asks for.
 */
import type { FileFilter } from './contract';

export const fileTypes = {
  pdf: ['pdf'],
  backup: ['odbk'],
  calendar: ['json'],
  table: ['csv', 'xlsx'],
  image: ['png', 'jpg', 'jpeg', 'gif', 'webp'],
  /** A sync bundle between the team's laptops (renderer/features/sync). */
  sync: ['odsync'],
  /** A signed report scanned back in. */
  scan: ['pdf', 'png', 'jpg', 'jpeg'],
  /** Evidence attached to a fault or an inspection item: pictures, documents, logs, captures. */
  evidence: [
    'png',
    'jpg',
    'jpeg',
    'gif',
    'webp',
    'bmp',
    'pdf',
    'txt',
    'log',
    'csv',
    'xlsx',
    'xls',
    'docx',
    'doc',
    'pptx',
    'json',
    'xml',
    'zip',
    '7z',
    'pcap',
    'har',
  ],
} as const satisfies Record<string, readonly string[]>;

export type FileKind = keyof typeof fileTypes;

export const allowedExtensions: ReadonlySet<string> = new Set(Object.values(fileTypes).flat());

/** The lower-case extension of a file name or path without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const base = name.split(/[/\\]/).pop() ?? '';
  const m = /\.([^.]+)$/.exec(base);
  return m && m.index > 0 ? m[1].toLowerCase() : '';
}

/** True when `name` ends in one of the filters' extensions. */
export function matchesFilters(name: string, filters: readonly FileFilter[]): boolean {
  const ext = extensionOf(name);
  return ext !== '' && filters.some((f) => f.extensions.some((e) => e.toLowerCase() === ext));
}

/** One filter for a kind, labelled for the dialog (`label` is in the user's language). */
export function filterFor(kind: FileKind, label: string): FileFilter[] {
  return [{ name: label, extensions: [...fileTypes[kind]] }];
}

/** `.pdf, .png` — the extensions of filters, for a message. */
export function describeFilters(filters: readonly FileFilter[]): string {
  return [...new Set(filters.flatMap((f) => f.extensions.map((e) => `.${e.toLowerCase()}`)))].join(', ');
}

/** A filter of the file's own type, when the app saves that type; null otherwise. */
export function ownTypeFilter(name: string, label: string): FileFilter[] | null {
  const ext = extensionOf(name);
  return ext && allowedExtensions.has(ext) ? [{ name: label, extensions: [ext] }] : null;
}
