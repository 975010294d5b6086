/**
 * One laptop's view of the team's changes, independent of storage: the change log, the version
 * vector (per device, the highest sequence number held without a gap), what each peer has told us
 * it holds, and the records materialised from the log. The app's Dexie adapter keeps the same state
 * in tables; the property tests drive this class directly.
 */
import { compareHlc, decodeHlc, encodeHlc, receive, tick, type Hlc } from './hlc';
import { DELETED, FORBIDDEN_KEYS, materialize, type Change, type FieldConflict, type Materialized } from './merge';

/** Per device code: the highest sequence number held, every lower one held too. */
export type VersionVector = Record<string, number>;

/** What one laptop sends another: the changes the receiver lacks, and the sender's own vector. */
export interface BundleBody {
  from: string;
  /** The sender's clock when writing the bundle. */
  stamp: string;
  /** What the sender holds: the receiver's acknowledgement of everything in it. */
  vv: VersionVector;
  changes: Change[];
}

export interface Receipt {
  /** Records that did not exist here before, per table. */
  created: Record<string, number>;
  /** Records that existed and changed, per table. */
  updated: Record<string, number>;
  /** Records now deleted, per table. */
  deleted: Record<string, number>;
  /** Changes already held (a bundle read twice, or relayed by two peers). */
  duplicates: number;
  /** Changes left out because an earlier change of their device is missing here; they come again. */
  deferred: number;
  /** Conflicts now open on the records this bundle touched. */
  conflicts: FieldConflict[];
}

const key = (table: string, id: string) => `${table}\u0000${id}`;
const bump = (m: Record<string, number>, table: string) => (m[table] = (m[table] ?? 0) + 1);

export class Replica {
  clock: Hlc;
  seq = 0;
  readonly vv: VersionVector = {};
  /** Per peer: its vector as it last told us (by the stamp of its newest bundle). */
  readonly known = new Map<string, { stamp: string; vv: VersionVector }>();
  private readonly log = new Map<string, Change>();
  private readonly byDevice = new Map<string, Change[]>();
  private readonly byRecord = new Map<string, Change[]>();
  private readonly view = new Map<string, Materialized>();

  constructor(
    readonly device: string,
    now = 0,
  ) {
    this.clock = { wall: now, counter: 0, device };
  }

  /** Writes `values` (a whole new record, or the changed fields) as one local change. */
  write(table: string, recordId: string, values: Record<string, unknown>, now: number, actor = this.device): Change {
    const bad = [recordId, ...Object.keys(values)].find((k) => FORBIDDEN_KEYS.has(k));
    if (bad !== undefined) throw new RangeError(`"${bad}" cannot be a record id or field name`);
    this.clock = tick(this.clock, now);
    const heads = this.view.get(key(table, recordId))?.heads ?? {};
    // A delete or an undelete has seen the whole record: every head of every field.
    const everyHead = [...new Set(Object.values(heads).flat())];
    const fields = Object.fromEntries(
      Object.entries(values).map(([f, value]) => [f, { value, parents: f === DELETED ? everyHead : (heads[f] ?? []) }]),
    );
    const change: Change = {
      id: encodeHlc(this.clock),
      device: this.device,
      seq: ++this.seq,
      table,
      recordId,
      at: new Date(now).toISOString(),
      actor,
      fields,
    };
    this.add(change);
    return change;
  }

  /** Deletes a record: a tombstone that travels like any write. */
  remove(table: string, recordId: string, now: number, actor = this.device): Change {
    return this.write(table, recordId, { [DELETED]: true }, now, actor);
  }

  /**
   * Decides a conflicting field: a write that has seen every current head. For a delete/edit
   * conflict `value` is true (delete) or false (keep the record).
   */
  resolve(conflict: FieldConflict, value: unknown, now: number, actor = this.device): Change {
    return this.write(conflict.table, conflict.recordId, { [conflict.field]: value }, now, actor);
  }

  record(table: string, recordId: string): Record<string, unknown> | null {
    return this.view.get(key(table, recordId))?.value ?? null;
  }

  /** Every live record, `table → id → value`, keys sorted (for hashing and comparing). */
  snapshot(): Record<string, Record<string, Record<string, unknown>>> {
    const out: Record<string, Record<string, Record<string, unknown>>> = {};
    for (const [k, m] of [...this.view].sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (!m.value) continue;
      const [table, id] = k.split('\u0000');
      (out[table] ??= {})[id] = m.value;
    }
    return out;
  }

  conflicts(): FieldConflict[] {
    return [...this.view.values()].flatMap((m) => m.conflicts);
  }

  changes(): Change[] {
    return [...this.log.values()];
  }

  /** The changes `peer` lacks as far as we know (everything, for a peer never heard from). */
  bundleFor(peer: string | undefined, now: number): BundleBody {
    const peers = peer ? [peer] : [...this.known.keys()];
    const floor = (device: string) =>
      peers.length === 0 ? 0 : Math.min(...peers.map((p) => this.known.get(p)?.vv[device] ?? 0));
    const changes: Change[] = [];
    for (const [device, list] of this.byDevice) {
      const from = floor(device);
      for (const c of list) if (c.seq > from && c.seq <= (this.vv[device] ?? 0)) changes.push(c);
    }
    this.clock = tick(this.clock, now);
    return { from: this.device, stamp: encodeHlc(this.clock), vv: { ...this.vv }, changes };
  }

  /** Merges a peer's bundle. Reading the same bundle twice, or bundles in any order, gives the same state. */
  receive(bundle: BundleBody, now: number): Receipt {
    const receipt: Receipt = { created: {}, updated: {}, deleted: {}, duplicates: 0, deferred: 0, conflicts: [] };
    const prev = this.known.get(bundle.from);
    if (bundle.from !== this.device && (!prev || compareHlc(bundle.stamp, prev.stamp) > 0)) {
      this.known.set(bundle.from, { stamp: bundle.stamp, vv: { ...bundle.vv } });
    }
    const touched = new Set<string>();
    const before = new Map<string, boolean>();
    const sorted = [...bundle.changes].sort((a, b) =>
      a.device === b.device ? a.seq - b.seq : a.device < b.device ? -1 : 1,
    );
    for (const c of sorted) {
      if (this.log.has(c.id)) {
        receipt.duplicates++;
        continue;
      }
      if (c.seq !== (this.vv[c.device] ?? 0) + 1) {
        receipt.deferred++;
        continue;
      }
      this.clock = receive(this.clock, decodeHlc(c.id), now);
      const k = key(c.table, c.recordId);
      if (!before.has(k)) before.set(k, !!this.view.get(k)?.value);
      this.add(c);
      touched.add(k);
    }
    for (const k of touched) {
      const [table] = k.split('\u0000');
      const m = this.view.get(k)!;
      if (!m.value) {
        if (before.get(k)) bump(receipt.deleted, table);
      } else bump(before.get(k) ? receipt.updated : receipt.created, table);
      receipt.conflicts.push(...m.conflicts);
    }
    return receipt;
  }

  private add(c: Change): void {
    this.log.set(c.id, c);
    if (c.device === this.device) this.seq = Math.max(this.seq, c.seq);
    this.vv[c.device] = c.seq;
    let list = this.byDevice.get(c.device);
    if (!list) this.byDevice.set(c.device, (list = []));
    list.push(c);
    const k = key(c.table, c.recordId);
    let rec = this.byRecord.get(k);
    if (!rec) this.byRecord.set(k, (rec = []));
    rec.push(c);
    this.view.set(k, materialize(rec));
  }
}
