/**
 * The one contract between the renderer and the main process. Channels are `area:verb`.
 * `PlatformApi` is implemented by the preload (window.api, Electron) and by
 * renderer/platform/web.ts (plain Chromium: dev, e2e). Payload schemas live in ./schemas.ts.
 */

export interface AppInfo {
  name: string;
  version: string;
  platform: 'electron' | 'web';
  os: string;
  /** Folder of the app's own data (Electron userData); empty in the browser. */
  dataPath: string;
  /** Default folder for backups; empty in the browser. */
  backupPath: string;
  /** Runtime versions (Electron, Chromium, Node); empty strings in the browser. */
  versions: { electron: string; chrome: string; node: string };
  /** Requests main refused since start (network-guard.ts): 0 means nothing tried to leave the laptop. */
  blockedRequests: number;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

export interface SaveFileRequest {
  /** Suggested file name, e.g. `故障诊断报告-GZ-202611-A-003.pdf`; its extension is one of the filters'. */
  defaultName: string;
  data: Uint8Array;
  /** The operation's file types (shared/ipc/file-types.ts): main refuses a path with any other extension. */
  filters: FileFilter[];
}

export interface SaveFileResult {
  saved: boolean;
  /** Absolute path in Electron; the file name in the browser. */
  path?: string;
}

export interface OpenFileRequest {
  /** The operation's file types (shared/ipc/file-types.ts): main refuses a file with any other extension. */
  filters: FileFilter[];
  /** Refuse larger files with a `too-large` error instead of reading them. */
  maxBytes?: number;
}

export interface OpenedFile {
  name: string;
  data: Uint8Array;
}

export interface PdfRequest {
  name: string;
  data: Uint8Array;
}

/**
 * How a print request ended: sent to a printer, cancelled in the print dialog, or — where printing
 * is unavailable (no printer, no print dialog) — the PDF was opened in the system viewer instead.
 */
export type PrintOutcome = 'printed' | 'cancelled' | 'opened-in-viewer';

export interface NotifyRequest {
  title: string;
  body: string;
  /** Same tag → replaces the earlier notification instead of stacking. */
  tag?: string;
}

export interface BackupWriteRequest {
  data: Uint8Array;
  reason: 'auto' | 'manual' | 'close' | 'pre-upgrade' | 'pre-restore';
  /** This laptop's device code: main puts it in the file name it chooses (shared/ipc/backup-names.ts). */
  deviceCode: string;
}

export interface BackupEntry {
  name: string;
  path: string;
  size: number;
  /** ISO 8601 */
  modifiedAt: string;
  /** Never deleted automatically (a pre-restore or pre-upgrade backup) until a person unpins it. */
  pinned: boolean;
  /** Written by this laptop (in its manifest, its device code in the name): the only files retention touches. */
  mine: boolean;
  /** The device code in the name, when the name is one this app gives. */
  deviceCode: string | null;
}

/** Where backups go, and whether that place survives the loss of the database's disk. */
export interface BackupLocation {
  folder: string;
  kind: 'disk' | 'browser';
  /** True when the backup folder is on the same disk (volume) as the database; null when unknown. */
  sameDiskAsData: boolean | null;
  /** Free bytes where backups are written; null when unknown. */
  freeBytes: number | null;
}

/**
 * What the database held at its last write, kept by main outside IndexedDB (userData) so that a
 * database found empty or unreadable at start is recognised as lost, never taken for a new laptop.
 */
export interface DataMarker {
  dbName: string;
  deviceCode: string;
  /** Rows per table (meta excluded). */
  counts: Record<string, number>;
  records: number;
  auditSeq: number;
  auditHead: string;
  /** The audit entry the keyed seal covers (renderer/db/audit-seal.ts); absent or -1: never sealed. */
  auditSealSeq?: number;
  /** The schema version of the database that was written. */
  schemaVersion?: number;
  /** ISO 8601 */
  at: string;
}

export interface DataState {
  marker: DataMarker | null;
  /** The database the app opens (a fresh name after a recovery); null = the default one. */
  currentDb: string | null;
  /** Databases set aside after a failure: never deleted by the app, kept for analysis. */
  asideDbs: Array<{ name: string; at: string; reason: string; folder?: string }>;
}

export interface BackupWriteResult {
  /** The name main chose. */
  name: string;
  path: string;
  size: number;
  /** SHA-256 (hex) of the bytes read back after the write. */
  sha256: string;
  verified: boolean;
  /** Names of older backups removed by the retention rule. */
  removed: string[];
}

/**
 * The team key as main keeps it (userData, encrypted with the OS's safeStorage). Returned to the
 * renderer only at start (and when a person asks to see the team code): the renderer imports the
 * bytes as a non-extractable WebCrypto key and drops them (renderer/core/team-key-store.ts).
 */
export interface StoredTeamKey {
  teamId: string;
  teamName: string;
  /** 20 random bytes (shared/util/team-code.ts). */
  key: Uint8Array;
}

export interface SaveTeamKeyRequest {
  teamName: string;
  key: Uint8Array;
  /** False: refuse when this laptop already holds a different key (a team is never swapped by accident). */
  replace: boolean;
}

/** Errors cross the boundary as values: `{ ok: false, error }`, never as crashes. */
export type IpcErrorCode =
  'invalid-payload' | 'forbidden-sender' | 'cancelled' | 'too-large' | 'io' | 'disk-full' | 'not-found' | 'unsupported';

export interface IpcError {
  code: IpcErrorCode;
  message: string;
}

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

/** Channel name → request and response. Every request is validated with zod in main. */
export interface IpcContract {
  'app:info': { req: void; res: AppInfo };
  'file:save': { req: SaveFileRequest; res: SaveFileResult };
  'file:open': { req: OpenFileRequest; res: OpenedFile | null };
  'pdf:open': { req: PdfRequest; res: void };
  'pdf:print': { req: PdfRequest; res: PrintOutcome };
  'notify:show': { req: NotifyRequest; res: void };
  'backup:get-folder': { req: void; res: string };
  'backup:choose-folder': { req: void; res: string | null };
  'backup:write': { req: BackupWriteRequest; res: BackupWriteResult };
  'backup:list': { req: void; res: BackupEntry[] };
  'backup:read': { req: { name: string }; res: OpenedFile };
  /** The backup file the OS asked the app to open (double-click, "Open with"), once; null when none. */
  'backup:take-opened': { req: void; res: OpenedFile | null };
  'backup:unpin': { req: { name: string }; res: void };
  'backup:location': { req: void; res: BackupLocation };
  'state:report': { req: DataMarker; res: void };
  'state:get': { req: void; res: DataState };
  'state:switch-db': { req: { current: string; aside: string; reason: string }; res: void };
  'teamkey:load': { req: void; res: StoredTeamKey | null };
  'teamkey:save': { req: SaveTeamKeyRequest; res: { teamId: string; teamName: string } };
  /** The backup password the user asked this laptop to remember (safeStorage); null when none. */
  'secret:get-backup-password': { req: void; res: string | null };
  /** Remembers (a string) or forgets (null) the backup password. */
  'secret:set-backup-password': { req: { password: string | null }; res: void };
}

/**
 * What main pushes to the renderer on `MAIN_EVENT_CHANNEL` (never a request: nothing to answer).
 * `backup-file-opened`: the user opened a backup from the OS; fetch it with `backupTakeOpened`.
 */
export type MainEvent = { type: 'show-about' } | { type: 'backup-file-opened'; name: string } | { type: 'lock' };

export const MAIN_EVENT_CHANNEL = 'main:event';

export type Channel = keyof IpcContract;

/** What the renderer sees: one async function per channel. Failures reject with `PlatformError`. */
export interface PlatformInvokeApi {
  appInfo(): Promise<AppInfo>;
  saveFile(req: SaveFileRequest): Promise<SaveFileResult>;
  openFile(req: OpenFileRequest): Promise<OpenedFile | null>;
  openPdf(req: PdfRequest): Promise<void>;
  printPdf(req: PdfRequest): Promise<PrintOutcome>;
  notify(req: NotifyRequest): Promise<void>;
  backupGetFolder(): Promise<string>;
  backupChooseFolder(): Promise<string | null>;
  backupWrite(req: BackupWriteRequest): Promise<BackupWriteResult>;
  backupList(): Promise<BackupEntry[]>;
  backupRead(req: { name: string }): Promise<OpenedFile>;
  backupTakeOpened(): Promise<OpenedFile | null>;
  backupUnpin(req: { name: string }): Promise<void>;
  backupLocation(): Promise<BackupLocation>;
  stateReport(req: DataMarker): Promise<void>;
  stateGet(): Promise<DataState>;
  stateSwitchDb(req: { current: string; aside: string; reason: string }): Promise<void>;
  teamKeyLoad(): Promise<StoredTeamKey | null>;
  teamKeySave(req: SaveTeamKeyRequest): Promise<{ teamId: string; teamName: string }>;
  secretGetBackupPassword(): Promise<string | null>;
  secretSetBackupPassword(req: { password: string | null }): Promise<void>;
}

/** The whole `window.api`: the invoke functions plus one subscription to main's events. */
export interface PlatformApi extends PlatformInvokeApi {
  /** Calls `listener` for every event main pushes; returns the function that unsubscribes. */
  onMainEvent(listener: (event: MainEvent) => void): () => void;
}

/** Maps each PlatformApi method to its channel; the preload and the tests iterate over it. */
export const channelOf = {
  appInfo: 'app:info',
  saveFile: 'file:save',
  openFile: 'file:open',
  openPdf: 'pdf:open',
  printPdf: 'pdf:print',
  notify: 'notify:show',
  backupGetFolder: 'backup:get-folder',
  backupChooseFolder: 'backup:choose-folder',
  backupWrite: 'backup:write',
  backupList: 'backup:list',
  backupRead: 'backup:read',
  backupTakeOpened: 'backup:take-opened',
  backupUnpin: 'backup:unpin',
  backupLocation: 'backup:location',
  stateReport: 'state:report',
  stateGet: 'state:get',
  stateSwitchDb: 'state:switch-db',
  teamKeyLoad: 'teamkey:load',
  teamKeySave: 'teamkey:save',
  secretGetBackupPassword: 'secret:get-backup-password',
  secretSetBackupPassword: 'secret:set-backup-password',
} as const satisfies Record<keyof PlatformInvokeApi, Channel>;

/** Every key of `window.api`, exactly: one per channel and the event subscription. */
export const platformApiKeys: readonly (keyof PlatformApi)[] = [
  ...(Object.keys(channelOf) as (keyof PlatformInvokeApi)[]),
  'onMainEvent',
];
