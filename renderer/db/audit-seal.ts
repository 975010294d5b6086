/**
 * The keyed seal over the audit chain, and the check of every record against it.
 *
 * The chain (./audit.ts) links entries by SHA-256, which anyone with the laptop can recompute. The
 * seal is an HMAC-SHA-256 with the team key over the chain's head (its sequence number and hash),
 * kept in meta `audit.seal` and advanced after every committed write (`onWriteCommitted` in
 * ./index.ts). Since the head hash covers every entry before it, an entry changed, inserted or
 * deleted anywhere up to the seal no longer matches the seal, and the key is never stored in plain
 * (renderer/core/team-key.ts). The seal only advances over entries this app instance wrote: entries
 * that appeared while the app was closed stay unsealed until the project manager reviews them.
 *
 * Every audited write carries the record's content hash (`recordHash`), so `verifyAudit` also
 * compares each record with the last entry that wrote it: a record changed, deleted or inserted
 * behind the app (devtools, a copied IndexedDB folder) is named. Records written before content
 * hashes existed get one `audit-baseline` entry when the chain is first keyed.
 */
import type { AuditEntry } from '@shared/schemas/core';
import { bytesToHex, zeroHash } from '@shared/util/hash';
import { appendAudit, auditedTables, recordHash, verifyAuditChain, wasWrittenHere, type ChainCheck } from './audit';
import { tableOf, type OnsiteDb } from './db';

/** What the seal needs of the team key (renderer/core/team-key.ts). */
export interface SealKey {
  readonly teamId: string;
  mac(data: Uint8Array): Promise<Uint8Array>;
}

export interface AuditSeal {
  seq: number;
  hash: string;
  teamId: string;
  mac: string;
  at: string;
}

export const sealKey = 'audit.seal';

const encoder = new TextEncoder();
async function macOf(key: SealKey, seq: number, hash: string): Promise<string> {
  return bytesToHex(await key.mac(encoder.encode(`onsite-desk audit seal|${key.teamId}|${seq}|${hash}`)));
}

export async function readSeal(db: OnsiteDb): Promise<AuditSeal | null> {
  const v = (await db.meta.get(sealKey))?.value as AuditSeal | undefined;
  return v && typeof v.seq === 'number' && typeof v.mac === 'string' ? v : null;
}

async function writeSeal(db: OnsiteDb, key: SealKey, last: AuditEntry, now: Date): Promise<AuditSeal> {
  const seal: AuditSeal = {
    seq: last.seq,
    hash: last.hash,
    teamId: key.teamId,
    mac: await macOf(key, last.seq, last.hash),
    at: now.toISOString(),
  };
  // meta only: a transaction over the audit log too would hold up the app's next write. Seal jobs
  // run one at a time, so the seal never goes back; a restore re-keys the chain after it.
  await db.meta.put({ key: sealKey, value: seal });
  return seal;
}

/** True when `seal` was made with `key` over the entry the chain holds at its sequence number. */
async function sealHolds(db: OnsiteDb, seal: AuditSeal, key: SealKey): Promise<boolean> {
  return sealMatches(seal, (await db.auditLog.get(seal.seq))?.hash, key);
}

/** True when `seal` was made with `key` over an entry whose hash is `entryHash` (read by the caller). */
async function sealMatches(seal: AuditSeal, entryHash: string | undefined, key: SealKey): Promise<boolean> {
  return seal.teamId === key.teamId && entryHash === seal.hash && (await macOf(key, seal.seq, seal.hash)) === seal.mac;
}

export type SealOutcome =
  | { kind: 'sealed'; seq: number }
  | { kind: 'current' | 'empty' }
  /** Entries after the seal were not written by this app instance: a person must review them. */
  | { kind: 'needs-review'; from: number }
  | { kind: 'unkeyed' };

let queue: Promise<unknown> = Promise.resolve();
/** Runs seal work one job at a time (a seal read and written by two jobs at once could go backwards). */
function enqueue<T>(run: () => Promise<T>): Promise<T> {
  const p = queue.then(run, run);
  queue = p.catch(() => undefined);
  return p;
}

/**
 * Advances the seal to the chain's head when every entry after the current seal was written by
 * this app instance; a chain never keyed is keyed first when this instance wrote all of it (a new
 * laptop). Calls are serialised.
 */
export function sealAuditHead(db: OnsiteDb, key: SealKey, now = new Date()): Promise<SealOutcome> {
  return enqueue(() => sealNow(db, key, now));
}

async function sealNow(db: OnsiteDb, key: SealKey, now: Date): Promise<SealOutcome> {
  const last = await db.auditLog.orderBy('seq').last();
  if (!last) return { kind: 'empty' };
  const seal = await readSeal(db);
  if (!seal) {
    for (let s = 0; s <= last.seq; s++) if (!wasWrittenHere(db, s)) return { kind: 'unkeyed' };
    await keyChain(db, key, now, 'system');
    return { kind: 'sealed', seq: (await readSeal(db))?.seq ?? last.seq };
  }
  if (seal.seq === last.seq && seal.hash === last.hash) return { kind: 'current' };
  if (seal.seq > last.seq || !(await sealHolds(db, seal, key))) return { kind: 'needs-review', from: seal.seq + 1 };
  for (let s = seal.seq + 1; s <= last.seq; s++)
    if (!wasWrittenHere(db, s)) return { kind: 'needs-review', from: seal.seq + 1 };
  await writeSeal(db, key, last, now);
  return { kind: 'sealed', seq: last.seq };
}

/** Key of a record as its audit entries name it. */
function entryIdOf(db: OnsiteDb, table: string, row: unknown): string {
  const path = db.table(table).schema.primKey.keyPath as string;
  return String((row as Record<string, unknown>)[path]).slice(0, 64);
}

/** The last content hash each record was written with (null: deleted), from the whole chain. */
async function lastContentHashes(db: OnsiteDb, hashes?: Set<string>): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  await db.auditLog.orderBy('seq').each((e) => {
    hashes?.add(e.hash);
    if (e.contentHash !== undefined) out.set(`${e.entity}\u0000${e.entityId}`, e.contentHash);
  });
  return out;
}

/**
 * Keys the chain: one `audit-baseline` entry per record that no entry describes yet (written before
 * content hashes, or by a migration), an `audit-keyed` entry, and the seal over the new head. Runs
 * once per database (a first start with a team key, a new laptop's first writes) and after a
 * restore, which replaces the chain as a whole by an explicit, audited choice.
 */
export function keyAuditChain(db: OnsiteDb, key: SealKey, now = new Date(), actor = 'system'): Promise<number> {
  return enqueue(() => keyChain(db, key, now, actor));
}

async function keyChain(db: OnsiteDb, key: SealKey, now: Date, actor: string): Promise<number> {
  let baselined = 0;
  await db.transaction('rw', [...auditedTables.map((t) => tableOf(db, t)), db.auditLog], async () => {
    const known = await lastContentHashes(db);
    for (const table of auditedTables) {
      const rows = await tableOf(db, table).toArray();
      for (const row of rows) {
        const id = entryIdOf(db, table, row);
        if (known.get(`${table}\u0000${id}`)) continue;
        await appendAudit(db, {
          actor,
          entity: table,
          entityId: id,
          action: 'audit-baseline',
          summary: `baseline of a record written before content hashes`,
          contentHash: recordHash(row),
          at: now.toISOString(),
        });
        baselined++;
      }
    }
    await appendAudit(db, {
      actor,
      entity: 'auditLog',
      entityId: 'seal',
      action: 'audit-keyed',
      summary: `audit chain keyed with team ${key.teamId}: ${baselined} records baselined`,
      at: now.toISOString(),
    });
  });
  const last = await db.auditLog.orderBy('seq').last();
  if (last) await writeSeal(db, key, last, now);
  return baselined;
}

/**
 * After a person reviewed entries the seal did not cover (they appeared while the app was closed,
 * or the app stopped between a write and its seal): an `audit-reviewed` entry naming who approved,
 * then the seal over the whole chain.
 */
export async function reviewAndSeal(
  db: OnsiteDb,
  key: SealKey,
  approver: { id: string; name: string },
  now = new Date(),
) {
  const seal = await readSeal(db);
  await db.transaction('rw', [db.auditLog], async () => {
    const last = await db.auditLog.orderBy('seq').last();
    await appendAudit(db, {
      actor: approver.id,
      entity: 'auditLog',
      entityId: 'seal',
      action: 'audit-reviewed',
      summary: `entries ${seal ? seal.seq + 1 : 0}–${last?.seq ?? -1} reviewed and sealed, approved by ${approver.name}`,
      at: now.toISOString(),
    });
  });
  const last = await db.auditLog.orderBy('seq').last();
  if (last) await writeSeal(db, key, last, now);
}

export interface RecordProblem {
  table: string;
  id: string;
  /** changed: differs from its last entry; deleted: gone without a delete entry; inserted: no entry wrote it. */
  kind: 'changed' | 'deleted' | 'inserted';
  /** Its number, name or title (the key for a deleted one). */
  label: string;
}

export interface AuditVerification {
  chain: ChainCheck;
  seal:
    | { status: 'ok'; seq: number; at: string }
    | { status: 'none' | 'no-key' }
    /** Made with another key, or over an entry the chain no longer holds (changed, or the tail deleted). */
    | { status: 'bad'; seq: number; at: string };
  /** Entries after the seal: written after the last seal (the app stopped in between) or behind the app. */
  unsealed: number;
  /** The chain is shorter than this laptop last recorded outside the database (the tail was deleted). */
  missingTail: number;
  /** Reports (by number) whose printed chain head the chain no longer holds: rolled back below it. */
  lostAnchors: string[];
  records: { checked: number; problems: RecordProblem[] };
  ok: boolean;
}

let scheduled: Promise<SealOutcome> | null = null;
/** How long the after-commit seal waits for more commits to join it (ms). */
const sealDelayMs = 200;

/**
 * `sealAuditHead` for the after-commit hook: the seal starts `sealDelayMs` after a commit, and
 * commits until it starts join it (it seals the head as it is when it runs), so a burst of writes
 * costs one seal, not one each. `verifyAudit` seals entries this app wrote that are still waiting.
 */
export function scheduleSeal(db: OnsiteDb, key: SealKey): Promise<SealOutcome> {
  if (scheduled) return scheduled;
  const job = new Promise<void>((resolve) => setTimeout(resolve, sealDelayMs)).then(() =>
    enqueue(async () => {
      scheduled = null;
      return sealNow(db, key, new Date());
    }),
  );
  scheduled = job;
  return job;
}

/** Resolves once every seal job queued so far has run (each committed write queues one). */
export function sealIdle(): Promise<void> {
  return queue.then(() => undefined);
}

/** A record as people know it: its number, name or title, else its key. */
function labelOf(row: Record<string, unknown>, id: string): string {
  for (const f of ['number', 'name', 'title']) if (typeof row[f] === 'string' && row[f]) return row[f] as string;
  return id;
}

/**
 * Everything that can be checked about the audit log and the records: the chain, the keyed seal,
 * the length recorded outside IndexedDB (`expectedLastSeq`, from the data-state marker), and each
 * record against the last entry that wrote it. Read in one transaction (a consistent snapshot);
 * waits for pending seals first, and looks again when the only finding is entries this app wrote
 * and is still sealing. Problems are listed, at most `maxProblems`.
 */
export async function verifyAudit(
  db: OnsiteDb,
  opts: { key: SealKey | null; expectedLastSeq?: number; maxProblems?: number },
): Promise<AuditVerification> {
  for (let attempt = 0; ; attempt++) {
    await sealIdle();
    const v = await verifyOnce(db, opts);
    const pendingHere =
      v.unsealed > 0 && v.seal.status === 'ok' && everyWrittenHere(db, v.seal.seq + 1, v.seal.seq + v.unsealed);
    if (!pendingHere || attempt >= 3 || !opts.key) return v;
    await sealAuditHead(db, opts.key);
  }
}

function everyWrittenHere(db: OnsiteDb, from: number, to: number): boolean {
  for (let s = from; s <= to; s++) if (!wasWrittenHere(db, s)) return false;
  return true;
}

async function verifyOnce(
  db: OnsiteDb,
  opts: { key: SealKey | null; expectedLastSeq?: number; maxProblems?: number },
): Promise<AuditVerification> {
  const max = opts.maxProblems ?? 200;
  const problems: RecordProblem[] = [];
  let chain!: ChainCheck;
  let lastSeq = -1;
  let stored: AuditSeal | null = null;
  let sealedEntryHash: string | undefined;
  let checked = 0;
  const anchors: string[] = [];
  await db.transaction('r', [db.auditLog, db.meta, ...auditedTables.map((t) => tableOf(db, t))], async () => {
    chain = await verifyAuditChain(db);
    lastSeq = (await db.auditLog.orderBy('seq').last())?.seq ?? -1;
    stored = await readSeal(db);
    if (stored) sealedEntryHash = (await db.auditLog.get(stored.seq))?.hash;
    const hashes = new Set<string>();
    const known = await lastContentHashes(db, hashes);
    const seen = new Set<string>();
    for (const table of auditedTables) {
      await tableOf(db, table).each((row) => {
        const id = entryIdOf(db, table, row);
        const k = `${table}\u0000${id}`;
        seen.add(k);
        checked++;
        // A report printed the chain head when it was issued: the chain must still hold that entry.
        const anchor = table === 'reports' ? (row as { auditHead?: string }).auditHead : undefined;
        if (anchor && anchor !== zeroHash && !hashes.has(anchor))
          anchors.push(labelOf(row as Record<string, unknown>, id));
        const expected = known.get(k);
        const kind = expected == null ? 'inserted' : expected !== recordHash(row) ? 'changed' : null;
        if (kind && problems.length < max)
          problems.push({ table, id, kind, label: labelOf(row as Record<string, unknown>, id) });
      });
    }
    for (const [k, hash] of known) {
      if (hash === null || seen.has(k) || problems.length >= max) continue;
      const [table, id] = k.split('\u0000');
      problems.push({ table, id, kind: 'deleted', label: id });
    }
  });
  const seal0 = stored as AuditSeal | null;
  let seal: AuditVerification['seal'];
  if (!opts.key) seal = { status: 'no-key' };
  else if (!seal0) seal = lastSeq < 0 ? { status: 'ok', seq: -1, at: '' } : { status: 'none' };
  else {
    const holds = await sealMatches(seal0, sealedEntryHash, opts.key);
    seal = holds ? { status: 'ok', seq: seal0.seq, at: seal0.at } : { status: 'bad', seq: seal0.seq, at: seal0.at };
  }
  const sealedSeq = seal.status === 'ok' || seal.status === 'bad' ? seal.seq : -1;
  const unsealed = seal.status === 'ok' ? Math.max(0, lastSeq - sealedSeq) : 0;
  const missingTail = Math.max(0, (opts.expectedLastSeq ?? -1) - lastSeq, seal0 ? seal0.seq - lastSeq : 0);
  const ok =
    chain.ok &&
    seal.status !== 'bad' &&
    seal.status !== 'none' &&
    unsealed === 0 &&
    missingTail === 0 &&
    anchors.length === 0 &&
    problems.length === 0;
  return { chain, seal, unsealed, missingTail, lostAnchors: anchors, records: { checked, problems }, ok };
}
