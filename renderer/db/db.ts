import Dexie, { type Table } from 'dexie';
import type { Attachment } from '@shared/schemas/attachment';
import type { AuditEntry, ClientSystem, Contact, SiteSettings, TeamMember } from '@shared/schemas/core';
import type { FaultEventRow, FaultRecord } from '@shared/schemas/fault';
import type { Inspection, InspectionAnswer, InspectionTemplate } from '@shared/schemas/inspection';
import type { KbArticle, KbVersion } from '@shared/schemas/kb';
import type { ReportRecord, ReportSignature } from '@shared/schemas/report';
import type { ServiceRequest } from '@shared/schemas/request';
import type { PersonnelChange, RosterEntry } from '@shared/schemas/team';
import type { Training, TrainingPlan } from '@shared/schemas/training';
import type { SyncChangeRow, SyncConflictRow, SyncStateRow } from '@shared/schemas/sync';
import type { CalendarYear } from '@shared/domain/calendar';
import type { Credential } from '@shared/schemas/credential';
import type { FeedbackMeeting } from '@shared/schemas/feedback';
import { migrations, schemaVersion } from './migrations';

export interface MetaRow {
  key: string;
  value: unknown;
}

/** A `settings` row other than the site row: one editable contract number set (calendar feature). */
export interface SettingValueRow {
  key: 'policy' | 'workHours';
  value: unknown;
}

/** The `settings` table holds the site row (key 'site') and the key/value rows above. */
export type SettingsRow = SiteSettings | SettingValueRow;

/** One alert the fault monitor has sent (so it is never sent twice). */
export interface AlertRow {
  key: string;
  at: string;
  faultId: string;
  kind: 'at-risk' | 'breached' | 'upgrade';
}

/** A signature row (table declared in migration 0002; signatures live on the report row today). */
export type SignatureRow = ReportSignature & { id: string; reportId: string };

/** Row type and primary key type of every table of the current schema (renderer/db/migrations). */
export interface TableRows {
  meta: [MetaRow, string];
  settings: [SettingsRow, string];
  team: [TeamMember, string];
  contacts: [Contact, string];
  systems: [ClientSystem, string];
  auditLog: [AuditEntry, number];
  faults: [FaultRecord, string];
  faultEvents: [FaultEventRow, string];
  serviceRequests: [ServiceRequest, string];
  attachments: [Attachment, string];
  inspectionTemplates: [InspectionTemplate, string];
  inspections: [Inspection, string];
  inspectionAnswers: [InspectionAnswer, string];
  reports: [ReportRecord, string];
  signatures: [SignatureRow, string];
  kbArticles: [KbArticle, string];
  kbVersions: [KbVersion, string];
  trainings: [Training, string];
  trainingPlans: [TrainingPlan, string];
  roster: [RosterEntry, string];
  personnelChanges: [PersonnelChange, string];
  calendars: [CalendarYear, number];
  alertLog: [AlertRow, string];
  credentials: [Credential, string];
  syncChanges: [SyncChangeRow, string];
  syncState: [SyncStateRow, string];
  syncConflicts: [SyncConflictRow, string];
  feedbackMeetings: [FeedbackMeeting, string];
}
export type TableName = keyof TableRows;
const tableNameSet: Record<TableName, true> = {
  meta: true,
  settings: true,
  team: true,
  contacts: true,
  systems: true,
  auditLog: true,
  faults: true,
  faultEvents: true,
  serviceRequests: true,
  attachments: true,
  inspectionTemplates: true,
  inspections: true,
  inspectionAnswers: true,
  reports: true,
  signatures: true,
  kbArticles: true,
  kbVersions: true,
  trainings: true,
  trainingPlans: true,
  roster: true,
  personnelChanges: true,
  calendars: true,
  alertLog: true,
  credentials: true,
  syncChanges: true,
  syncState: true,
  syncConflicts: true,
  feedbackMeetings: true,
};
/** Every typed table (a test checks it equals the tables the migrations declare). */
export const tableNames = Object.keys(tableNameSet) as TableName[];
export type RowOf<N extends TableName> = TableRows[N][0];
export type KeyOf<N extends TableName> = TableRows[N][1];
export type TypedTable<N extends TableName> = Table<RowOf<N>, KeyOf<N>>;

export const defaultDbName = 'onsite-desk';

/**
 * The app's database: one typed property per table of the migrations. Code that needs a table by
 * name (backup, test kits) uses `tableOf(db, name)` rather than `db.table('name')`.
 */
export class OnsiteDb extends Dexie {
  meta!: TypedTable<'meta'>;
  /**
   * Typed for the site row, which is what almost every caller reads; the calendar's key/value rows
   * of the same table are reached through `settingValues`.
   */
  settings!: Table<SiteSettings, string>;
  team!: TypedTable<'team'>;
  contacts!: TypedTable<'contacts'>;
  systems!: TypedTable<'systems'>;
  auditLog!: TypedTable<'auditLog'>;
  faults!: TypedTable<'faults'>;
  faultEvents!: TypedTable<'faultEvents'>;
  serviceRequests!: TypedTable<'serviceRequests'>;
  attachments!: TypedTable<'attachments'>;
  inspectionTemplates!: TypedTable<'inspectionTemplates'>;
  inspections!: TypedTable<'inspections'>;
  inspectionAnswers!: TypedTable<'inspectionAnswers'>;
  reports!: TypedTable<'reports'>;
  signatures!: TypedTable<'signatures'>;
  kbArticles!: TypedTable<'kbArticles'>;
  kbVersions!: TypedTable<'kbVersions'>;
  trainings!: TypedTable<'trainings'>;
  trainingPlans!: TypedTable<'trainingPlans'>;
  roster!: TypedTable<'roster'>;
  personnelChanges!: TypedTable<'personnelChanges'>;
  calendars!: TypedTable<'calendars'>;
  alertLog!: TypedTable<'alertLog'>;
  credentials!: TypedTable<'credentials'>;
  syncChanges!: TypedTable<'syncChanges'>;
  syncState!: TypedTable<'syncState'>;
  syncConflicts!: TypedTable<'syncConflicts'>;
  feedbackMeetings!: TypedTable<'feedbackMeetings'>;

  constructor(name = defaultDbName, upTo = migrations.length) {
    // 'strict' durability: a write is on disk before the transaction reports success (docs/architecture.md).
    super(name, { chromeTransactionDurability: 'strict' });
    for (const apply of migrations.slice(0, upTo)) apply(this);
  }

  /** The `settings` table seen as its key/value rows (policy, work hours). */
  get settingValues(): Table<SettingValueRow, SettingValueRow['key']> {
    return this.table('settings');
  }
}

/** A table by name, typed (backup snapshot and restore, test kits); features use `db.<table>`. */
export function tableOf<N extends TableName>(db: Dexie, name: N): TypedTable<N> {
  return db.table(name) as TypedTable<N>;
}

/** True when `name` is a table of the current schema. */
export function isTableName(name: string): name is TableName {
  return Object.hasOwn(tableNameSet, name);
}

export type DbState =
  | { kind: 'ok'; db: OnsiteDb }
  | { kind: 'newer'; db: OnsiteDb | null; foundVersion: number }
  | { kind: 'error'; message: string };

/** True when the database on disk was written by a newer app: it is then never written. */
let readOnly = false;
export function isReadOnly(): boolean {
  return readOnly;
}
export class ReadOnlyError extends Error {
  code = 'read-only' as const;
  constructor() {
    super('The database was written by a newer version of Onsite Desk; it is open read-only.');
  }
}
export function assertWritable(): void {
  if (readOnly) throw new ReadOnlyError();
}

/** Called with the old database (opened without a schema) before it is upgraded; a throw stops the upgrade. */
export type PreUpgradeHook = (old: Dexie, fromVersion: number) => Promise<void>;
let preUpgradeHook: PreUpgradeHook | null = null;
/** The backup feature registers the pre-upgrade backup here (renderer/features/backup). */
export function setPreUpgradeHook(hook: PreUpgradeHook | null): void {
  preUpgradeHook = hook;
}

/**
 * The schema version on disk without opening the database (Dexie stores version × 10, plus one
 * per schema patch); null when there is none, undefined when the browser cannot tell.
 */
async function installedVersion(name: string): Promise<number | null | undefined> {
  if (typeof indexedDB.databases !== 'function') return undefined;
  const listed = (await indexedDB.databases()).find((d) => d.name === name);
  return listed?.version ? Math.floor(listed.version / 10) : null;
}

/** Runs the hook when the database on disk is older than `schemaVersion` and holds records. */
async function beforeUpgrade(name: string, installed: number | null | undefined): Promise<void> {
  if (!preUpgradeHook || installed === null || (installed !== undefined && installed >= schemaVersion)) return;
  if (!(await Dexie.exists(name))) return;
  const old = new Dexie(name);
  await old.open();
  try {
    const from = Math.round(old.verno);
    if (from >= schemaVersion) return;
    const counts = await Promise.all(old.tables.filter((t) => t.name !== 'meta').map((t) => t.count()));
    if (counts.some((c) => c > 0)) await preUpgradeHook(old, from);
  } finally {
    old.close();
  }
}

/**
 * Opens the database. A database newer than this app (a VersionError from IndexedDB, or a newer
 * schema number in `meta`) is opened read-only, never upgraded or written. An older one with
 * records is first handed to the pre-upgrade hook (a backup); if that fails, nothing is upgraded.
 */
export async function openDatabase(name = defaultDbName, opts: { onBlocked?: () => void } = {}): Promise<DbState> {
  readOnly = false;
  const installed = await installedVersion(name);
  // Checked before Dexie opens it: Dexie 4 answers a VersionError by opening the newer database
  // as it is and then *adding* any missing tables to it (a schema patch), i.e. writing to it.
  if (installed && installed > schemaVersion) {
    readOnly = true;
    return { kind: 'newer', db: null, foundVersion: installed };
  }
  try {
    await beforeUpgrade(name, installed);
  } catch (err) {
    return {
      kind: 'error',
      message: `pre-upgrade backup failed, the database was not upgraded: ${(err as Error)?.message ?? String(err)}`,
    };
  }
  const db = new OnsiteDb(name);
  // Another connection holds the database and the upgrade waits (renderer/features/recovery/start.ts).
  if (opts.onBlocked) db.on('blocked', opts.onBlocked);
  try {
    await db.open();
  } catch (err) {
    if ((err as Error).name === 'VersionError') {
      readOnly = true;
      db.close();
      // Dynamic mode: opens whatever version is on disk, without declaring (or upgrading) any schema.
      const found = new Dexie(name);
      try {
        await found.open();
        const foundVersion = Math.round(found.verno);
        found.close();
        return { kind: 'newer', db: null, foundVersion };
      } catch {
        return { kind: 'newer', db: null, foundVersion: NaN };
      }
    }
    return { kind: 'error', message: (err as Error).message };
  }
  const stored = await db.meta.get('schemaVersion');
  const storedVersion = typeof stored?.value === 'number' ? stored.value : 0;
  if (storedVersion > schemaVersion) {
    readOnly = true;
    return { kind: 'newer', db, foundVersion: storedVersion };
  }
  if (storedVersion !== schemaVersion) {
    await db.meta.put({ key: 'schemaVersion', value: schemaVersion });
    if (!(await db.meta.get('createdAt'))) await db.meta.put({ key: 'createdAt', value: new Date().toISOString() });
  }
  return { kind: 'ok', db };
}
