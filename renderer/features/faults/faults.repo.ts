/**
 * Faults: the append-only `faultEvents` log is the truth; the `faults` row is its projection,
 * written in the same transaction as every event (with the audit entry), so a list never shows a
 * state the log does not hold and nothing is ever half-saved.
 */
import { compareTimeThenLog } from '@shared/domain/fault-log';
import { useLiveQuery } from 'dexie-react-hooks';
import { ZodError } from 'zod';
import { FaultLogError, pendingUpgradeEvents } from '@shared/domain/fault-clock';
import { contactSchema, type Contact } from '@shared/schemas/core';
import {
  faultEventRowSchema,
  faultRecordSchema,
  type FaultEventPayload,
  type FaultEventRow,
  type FaultEventType,
  type FaultRecord,
  type Reporter,
} from '@shared/schemas/fault';
import { dataHash } from '@shared/util/hash';
import { getActor, getDb, stamp, WriteError, writeTx, type TableName, type Writer } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { attachmentSummary, makeAttachment, type NewAttachment, loadSite, loadClockConfig } from '../../core';
import { nextNumber, numberStem } from '@shared/domain/numbering';
import { AccessError, approvalRecord, approvalSummary, takeApproval, type Approval } from '../access';
import { bySeq, isClockEvent, toClockEvents, type ClockConfig } from './fault-model';
import { projectFault } from './fault-view';

export type { FaultRecord, FaultEventRow };

/** Input the user can correct: `messageKey` (namespace faults) and, where it belongs to one, the form field. */
export class FaultInputError extends Error {
  constructor(
    public messageKey: string,
    public field?: string,
  ) {
    super(messageKey);
    this.name = 'FaultInputError';
  }
}

const faults = (db: OnsiteDb = getDb()) => db.faults;
const events = (db: OnsiteDb = getDb()) => db.faultEvents;
/** Grace for clocks that run a little ahead of the laptop's (a form opened a minute ago). */
const futureGraceMs = 60_000;

export function listEvents(faultId: string, db: OnsiteDb = getDb()): Promise<FaultEventRow[]> {
  return events(db).where('[faultId+seq]').between([faultId, -Infinity], [faultId, Infinity]).toArray();
}

type Payload<T extends FaultEventType> = FaultEventPayload<T>;
/** A new event as callers give it; `by` defaults to the current user. */
export type NewEvent = {
  [T in FaultEventType]: { type: T; at: string; payload: Payload<T>; by?: string };
}[FaultEventType];

export interface NewFault {
  level: 1 | 2 | 3 | 4;
  channel: Payload<'reported'>['channel'];
  track?: Payload<'reported'>['track'];
  complexity?: Payload<'reported'>['complexity'];
  proposedLevel?: 1 | 2 | 3 | 4;
  overrideReason?: string;
  answers?: Payload<'reported'>['answers'];
  reporter: Reporter;
  /** Save a reporter typed in at intake as a new client contact (same transaction). */
  saveReporterAsContact?: boolean;
  symptoms: string;
  description: string;
  occurredAt: string;
  reportedAt: string;
  systemId: string;
  assigneeId: string;
  /** Found in an inspection: where it came from (kept in the `reported` event). */
  source?: Payload<'reported'>['source'];
  /**
   * The engineer who found it is already on site (an inspection anomaly): the fault is logged on
   * the on-site track with its response and arrival met at the report instant, so its first open
   * clock is the 2-hour fix (docs/domain.md, service tracks), not a 5-minute phone response.
   */
  foundOnSite?: boolean;
}

function checkTimes(occurredAt: string, reportedAt: string, now: Date): void {
  const occurred = Date.parse(occurredAt);
  const reported = Date.parse(reportedAt);
  if (Number.isNaN(reported)) throw new FaultInputError('faults:errors.timeRequired', 'reportedAt');
  if (Number.isNaN(occurred)) throw new FaultInputError('faults:errors.timeRequired', 'occurredAt');
  if (reported < occurred) throw new FaultInputError('faults:errors.reportedBeforeOccurred', 'reportedAt');
  if (reported > now.getTime() + futureGraceMs) throw new FaultInputError('faults:errors.future', 'reportedAt');
}

/** writeTx turns anything thrown inside into a WriteError; the user's own mistakes come back out. */
function toInputError(err: unknown): unknown {
  const inner = err instanceof WriteError && err.code === 'unknown' ? err.cause : err;
  if (inner instanceof FaultLogError) return new FaultInputError('faults:errors.badLog');
  if (inner instanceof FaultInputError || inner instanceof ZodError || inner instanceof AccessError) return inner;
  return err;
}

function project(rows: FaultEventRow[], cfg: ClockConfig, now: Date): FaultRecord {
  return faultRecordSchema.parse(projectFault(rows, cfg, now, getActor()));
}

/**
 * Logs a new fault: the number (unique per laptop: the device code is in it), the contact when
 * the reporter is new, the `reported` event, the projection, the attachments and the audit
 * entries, all in one transaction.
 */
export async function createFault(
  input: NewFault,
  files: Omit<NewAttachment, 'ownerType' | 'ownerId'>[] = [],
  now = new Date(),
): Promise<FaultRecord> {
  checkTimes(input.occurredAt, input.reportedAt, now);
  const [site, cfg] = await Promise.all([loadSite(), loadClockConfig()]);
  const faultId = crypto.randomUUID();
  // Hash and size-check before the transaction: a file over the limit stops everything, nothing is written.
  const attachments = files.map((f) => makeAttachment({ ...f, ownerType: 'fault', ownerId: faultId }));
  let contact: Contact | undefined;
  const reporter: Reporter = { ...input.reporter };
  if (!reporter.contactId && input.saveReporterAsContact) {
    contact = contactSchema.parse(
      stamp(
        {
          kind: 'client',
          name: reporter.name,
          company: site.clientName,
          department: reporter.department,
          title: '',
          phone: reporter.phone,
          email: reporter.email,
          products: [],
          isMaintenanceEngineer: false,
        },
        now,
      ),
    );
    reporter.contactId = contact.id;
  }
  return writeTx(['faults', 'faultEvents', 'contacts', 'attachments'], async (db, w) => {
    const at = new Date(input.reportedAt);
    const taken = (await faults(db)
      .where('number')
      .startsWith(numberStem('GZ', site.deviceCode, at))
      .keys()) as string[];
    const number = nextNumber(taken, 'GZ', site.deviceCode, at);
    const payload: Payload<'reported'> = {
      level: input.level,
      channel: input.channel,
      number,
      reporter,
      symptoms: input.symptoms,
      description: input.description,
      occurredAt: input.occurredAt,
      systemId: input.systemId,
      assigneeId: input.assigneeId,
    };
    if (input.track) payload.track = input.track;
    if (input.foundOnSite) payload.track = 'onsite';
    if (input.source) payload.source = input.source;
    if (input.channel === 'email') payload.complexity = input.complexity ?? 'general';
    if (input.proposedLevel) payload.proposedLevel = input.proposedLevel;
    if (input.overrideReason?.trim()) payload.overrideReason = input.overrideReason.trim();
    if (input.answers) payload.answers = input.answers;
    const row = faultEventRowSchema.parse({
      id: crypto.randomUUID(),
      faultId,
      seq: 0,
      at: input.reportedAt,
      type: 'reported',
      by: getActor(),
      recordedAt: now.toISOString(),
      payload,
    });
    // On site already: response and arrival happen with the report itself (see NewFault.foundOnSite).
    const onSite = input.foundOnSite
      ? (['responded', 'arrived'] as const).map((type, i) =>
          faultEventRowSchema.parse({
            id: crypto.randomUUID(),
            faultId,
            seq: i + 1,
            at: input.reportedAt,
            type,
            by: getActor(),
            recordedAt: now.toISOString(),
            payload: {},
          }),
        )
      : [];
    const record = project([row, ...onSite], cfg, now);
    if (contact) await w.add('contacts', contact, `client ${contact.name} (reporter of ${number})`);
    const summary = `${number} L${input.level} ${input.channel}: ${input.symptoms}`;
    await w.add('faultEvents', row, `${number}: reported`);
    for (const e of onSite) await w.add('faultEvents', e, `${number}: ${e.type} (found on site)`);
    await w.add('faults', record, summary);
    for (const a of attachments) await w.add('attachments', a, attachmentSummary(a));
    return record;
  }).catch((err: unknown) => {
    throw toInputError(err);
  });
}

/** Rules every appended event obeys; the log's own shape is checked by the engine afterwards. */
function checkEventTime(e: NewEvent, rows: FaultEventRow[], now: Date): void {
  const at = Date.parse(e.at);
  if (Number.isNaN(at)) throw new FaultInputError('faults:errors.timeRequired', 'at');
  if (at > now.getTime() + futureGraceMs) throw new FaultInputError('faults:errors.future', 'at');
  const reported = rows.find((r) => r.type === 'reported')!;
  if (at < Date.parse(reported.at)) throw new FaultInputError('faults:errors.beforeReported', 'at');
  if (isClockEvent(e)) {
    const lastClock = rows.filter(isClockEvent).reduce((m, r) => Math.max(m, Date.parse(r.at)), 0);
    if (at < lastClock) throw new FaultInputError('faults:errors.beforeLastEvent', 'at');
  }
}

/**
 * Appends events to a fault's log and rewrites its projection, in one transaction. Automatic
 * upgrades the engine derives at `now` and the log does not hold yet are recorded with them
 * (stamped with their breach instant), so an upgrade is never lost to a fault closed quickly.
 */
export async function appendFaultEvents(
  faultId: string,
  newEvents: NewEvent[],
  now = new Date(),
  extraTables: TableName[] = [],
  extra?: (w: Writer) => Promise<void>,
): Promise<FaultRecord> {
  const cfg = await loadClockConfig();
  try {
    return await writeTx(['faults', 'faultEvents', ...extraTables], (_db, w) =>
      writeFaultEvents(w, faultId, newEvents, cfg, now, extra),
    );
  } catch (err) {
    throw toInputError(err);
  }
}

/**
 * The body of `appendFaultEvents` for a caller that already holds a transaction over `faults` and
 * `faultEvents` (the report register writes the diagnosis report and its `report-issued` event together).
 */
export async function writeFaultEvents(
  w: Writer,
  faultId: string,
  newEvents: NewEvent[],
  cfg: ClockConfig,
  now = new Date(),
  extra?: (w: Writer) => Promise<void>,
): Promise<FaultRecord> {
  const rows = (await listEvents(faultId, w.db)).sort(bySeq);
  if (!rows.length) throw new FaultInputError('faults:errors.notFound');
  let seq = rows[rows.length - 1].seq;
  const added: FaultEventRow[] = [];
  for (const e of newEvents) {
    checkEventTime(e, rows.concat(added), now);
    added.push(
      faultEventRowSchema.parse({
        id: crypto.randomUUID(),
        faultId,
        seq: ++seq,
        at: e.at,
        type: e.type,
        by: e.by ?? getActor(),
        recordedAt: now.toISOString(),
        payload: e.payload,
      }),
    );
  }
  const all = rows.concat(added);
  const upgrades = upgradeRows(all, faultId, seq, cfg, now);
  checkEscalationReceipts(newEvents, all.concat(upgrades), cfg, now);
  return commit(w, all.concat(upgrades), added.concat(upgrades), cfg, now, extra);
}

/** Escalation events built by `escalateFault` with the project manager's approval taken (and only those). */
const receivedEscalations = new WeakSet<NewEvent>();

/**
 * An escalation of a level-1 fault is received by the project manager: it must come from
 * `escalateFault`, which took the PM's approval. A receipt written into a payload by hand is refused too.
 */
function checkEscalationReceipts(newEvents: NewEvent[], rows: FaultEventRow[], cfg: ClockConfig, now: Date): void {
  const escalations = newEvents.filter((e) => e.type === 'escalation');
  if (!escalations.length) return;
  const level = project(rows, cfg, now).level;
  for (const e of escalations)
    if ((level === 1 || e.payload.receivedBy) && !receivedEscalations.has(e)) throw new AccessError('approvalRequired');
}

/** What the escalation dialog records; `at` is when it was handed over. */
export type EscalationInput = Omit<Payload<'escalation'>, 'receivedBy'> & { at: string };

/** The fault as its log says at `now`, automatic upgrades not yet recorded included. */
async function currentFault(faultId: string, now: Date): Promise<FaultRecord> {
  const rows = (await listEvents(faultId)).sort(bySeq);
  if (!rows.length) throw new FaultInputError('faults:errors.notFound');
  const cfg = await loadClockConfig();
  return project(rows.concat(upgradeRows(rows, faultId, rows[rows.length - 1].seq, cfg, now)), cfg, now);
}

/** Whether escalating this fault now needs the project manager (its level is 1). */
export async function escalationNeedsPm(faultId: string, now = new Date()): Promise<boolean> {
  return (await currentFault(faultId, now)).level === 1;
}

/**
 * Records an escalation (L1 → L2 → L3). For a level-1 fault the project manager receives and
 * acknowledges it (docs/domain.md, People): `approval` must be theirs, issued by the access feature
 * when they typed their PIN (`requireApproval('fault-l1-escalation')`), and the event keeps who and
 * when. Without it, an escalation of a level-1 fault is refused (`AccessError('approvalRequired')`).
 * For a fault of another level no approval is needed, and none is recorded.
 */
export async function escalateFault(
  faultId: string,
  input: EscalationInput,
  approval?: Approval | null,
  now = new Date(),
): Promise<FaultRecord> {
  const { at, ...payload } = input;
  const event: NewEvent = { type: 'escalation', at, payload };
  if ((await currentFault(faultId, now)).level === 1) {
    event.payload = { ...payload, receivedBy: approvalRecord(takeApproval(approval, 'fault-l1-escalation', now)) };
    receivedEscalations.add(event);
  }
  return appendFaultEvents(faultId, [event], now);
}

function upgradeRows(
  rows: FaultEventRow[],
  faultId: string,
  lastSeq: number,
  cfg: ClockConfig,
  now: Date,
): FaultEventRow[] {
  const pending = pendingUpgradeEvents(toClockEvents(rows), { calendar: cfg.calendar, policy: cfg.policy, now });
  let seq = lastSeq;
  let from = projectLevelBefore(rows);
  return pending.map((e) => {
    const level = (e as { level: 1 | 2 | 3 | 4 }).level;
    const row = faultEventRowSchema.parse({
      id: crypto.randomUUID(),
      faultId,
      seq: ++seq,
      at: e.at,
      type: 'level-changed',
      by: 'system',
      recordedAt: now.toISOString(),
      payload: { level, reason: (e as { reason: string }).reason, from },
    });
    from = level;
    return row;
  });
}

/** The level before any not-yet-recorded upgrade: the last recorded level. */
function projectLevelBefore(rows: FaultEventRow[]): 1 | 2 | 3 | 4 {
  let level: 1 | 2 | 3 | 4 = 4;
  for (const r of [...rows].sort(compareTimeThenLog)) {
    if (r.type === 'reported' || r.type === 'level-changed') level = r.payload.level;
  }
  return level;
}

async function commit(
  w: Writer,
  all: FaultEventRow[],
  added: FaultEventRow[],
  cfg: ClockConfig,
  now: Date,
  extra?: (w: Writer) => Promise<void>,
): Promise<FaultRecord> {
  const record = project(all, cfg, now);
  const what = (r: FaultEventRow) =>
    r.type === 'level-changed'
      ? `level-changed→${r.payload.level} (${r.payload.reason})`
      : r.type === 'intake-corrected'
        ? `intake-corrected ${Object.keys(r.payload)
            .filter((k) => k !== 'reason')
            .join(', ')} (${r.payload.reason})`
        : r.type === 'escalation' && r.payload.receivedBy
          ? `escalation L${r.payload.fromTier}→L${r.payload.toTier} received and ${approvalSummary(r.payload.receivedBy)}`
          : r.type;
  await w.bulkAdd('faultEvents', added, (r) => `${record.number}: ${what(r)}`);
  await w.put('faults', record, `${record.number}: ${added.map(what).join(', ')}`, 'update');
  await extra?.(w);
  return record;
}

/**
 * Records the automatic upgrades of the given faults that their logs do not hold yet, all in one
 * transaction (one change for the lists to pick up, however many faults were upgraded while the
 * app was closed). Idempotent: the engine derives nothing pending from a log that holds them, and
 * each log is read again inside the transaction. Returns the recorded rows per fault.
 */
export async function recordPendingUpgradesMany(
  faultIds: string[],
  now = new Date(),
  cfg?: ClockConfig,
): Promise<Map<string, FaultEventRow[]>> {
  const config = cfg ?? (await loadClockConfig());
  const out = new Map<string, FaultEventRow[]>();
  // A read first: in the usual case nothing is pending and no write transaction is opened.
  const due: string[] = [];
  for (const id of faultIds) {
    const rows = await listEvents(id);
    if (
      rows.length &&
      pendingUpgradeEvents(toClockEvents(rows), { calendar: config.calendar, policy: config.policy, now }).length
    )
      due.push(id);
  }
  if (!due.length) return out;
  await writeTx(['faults', 'faultEvents'], async (db, w) => {
    for (const id of due) {
      const rows = (await listEvents(id, db)).sort(bySeq);
      if (!rows.length) continue;
      const upgrades = upgradeRows(rows, id, rows[rows.length - 1].seq, config, now);
      if (!upgrades.length) continue;
      await commit(w, rows.concat(upgrades), upgrades, config, now);
      out.set(id, upgrades);
    }
  });
  return out;
}

/** Records the pending automatic upgrades of one fault (see recordPendingUpgradesMany). */
export async function recordPendingUpgrades(
  faultId: string,
  now = new Date(),
  cfg?: ClockConfig,
): Promise<FaultEventRow[]> {
  return (await recordPendingUpgradesMany([faultId], now, cfg)).get(faultId) ?? [];
}

const configKey = 'faults.projectionConfig';

/**
 * After the team edits the calendar or the policy, the open faults' stored due instants (used by
 * the list's countdown and the badge) are recomputed from their logs, once, in one transaction.
 * Returns how many rows were rewritten (0 when the config is the one they were written with).
 */
export async function reprojectIfConfigChanged(cfg: ClockConfig, now = new Date()): Promise<number> {
  const key = dataHash(cfg);
  if ((await getDb().meta.get(configKey))?.value === key) return 0;
  return writeTx(['faults', 'faultEvents', 'meta'], async (db, w) => {
    const open = await faults(db).where('status').notEqual('closed').toArray();
    for (const f of open) {
      const rows = await listEvents(f.id, db);
      if (rows.length)
        await w.put(
          'faults',
          project(rows, cfg, now),
          `${f.number}: projection rebuilt (clock config ${key.slice(0, 12)})`,
          'update',
        );
    }
    await db.meta.put({ key: configKey, value: key });
    return open.length;
  });
}

/** Rewrites a projection from its log (after a calendar or policy edit, or to repair). */
export async function reprojectFault(faultId: string, now = new Date()): Promise<FaultRecord | undefined> {
  const cfg = await loadClockConfig();
  return writeTx(['faults', 'faultEvents'], async (db, w) => {
    const rows = await listEvents(faultId, db);
    if (!rows.length) return undefined;
    const record = project(rows, cfg, now);
    await w.put('faults', record, `${record.number}: projection rebuilt`, 'update');
    return record;
  });
}

export function getFault(id: string): Promise<FaultRecord | undefined> {
  return faults().get(id);
}

/** Faults not closed (the monitor, the badge, the dashboard). */
export function listOpenFaults(): Promise<FaultRecord[]> {
  return faults().where('status').notEqual('closed').toArray();
}

export function useOpenFaults(): FaultRecord[] | undefined {
  return useLiveQuery(listOpenFaults, []);
}
export function useFault(id: string | undefined): FaultRecord | undefined | null {
  return useLiveQuery(async () => (id ? ((await faults().get(id)) ?? null) : null), [id]);
}
export function useFaultEvents(id: string | undefined): FaultEventRow[] | undefined {
  return useLiveQuery(async () => (id ? (await listEvents(id)).sort(bySeq) : []), [id]);
}
