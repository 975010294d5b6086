/**
 * Field-by-field merge of records written on several laptops. Every write of a field names the
 * writes of that field its author had seen (`parents`); the value shown is the write with the
 * latest hybrid clock stamp, and a field whose writes have more than one head (writes that no
 * other write has seen) holding different values is a conflict, listed with every head's value,
 * who and when (two laptops that wrote the same value agree: nothing to choose). The result
 * depends only on the set of writes, never on the order they arrived in.
 */
import { canonicalJson } from '../util/hash';
import { compareHlc } from './hlc';

/** Names that would reach an object's prototype: never a field or record id. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** The field that marks a record deleted (a tombstone travels like any other write). */
export const DELETED = '_deleted';

export interface FieldWrite {
  value: unknown;
  /** Stamps of this field's writes the author had seen (its heads when writing). */
  parents: string[];
}

/** One local write of one record, as it travels between laptops. */
export interface Change {
  /** Hybrid logical clock stamp of the write; unique across laptops (the device code is part of it). */
  id: string;
  device: string;
  /** 1, 2, 3 … per device: a laptop holds every device's changes as a prefix of this sequence. */
  seq: number;
  table: string;
  recordId: string;
  /** ISO time and person, for the conflict list. */
  at: string;
  actor: string;
  fields: Record<string, FieldWrite>;
}

export interface WriteRef {
  stamp: string;
  value: unknown;
  device: string;
  actor: string;
  at: string;
}

export interface FieldConflict {
  table: string;
  recordId: string;
  field: string;
  /** The write shown until someone decides (latest stamp). */
  shown: WriteRef;
  /** The other heads, latest first. */
  others: WriteRef[];
}

export interface Materialized {
  /** The record as shown, or null when its latest delete wins. */
  value: Record<string, unknown> | null;
  conflicts: FieldConflict[];
  /** Per field: the stamps of its current heads (what a new local write names as parents). */
  heads: Record<string, string[]>;
}

interface Write extends WriteRef {
  parents: string[];
}

/** Writes not seen by any other write of the same field. */
function headsOf(writes: Write[]): Write[] {
  const seen = new Set<string>();
  for (const w of writes) for (const p of w.parents) seen.add(p);
  return writes.filter((w) => !seen.has(w.stamp)).sort((a, b) => compareHlc(b.stamp, a.stamp));
}

const ref = ({ stamp, value, device, actor, at }: Write): WriteRef => ({ stamp, value, device, actor, at });

/** Every write reachable from `start` through parents, across all fields of the record. */
function closure(start: string[], all: Map<string, Write>): Set<string> {
  const seen = new Set<string>();
  const stack = [...start];
  while (stack.length) {
    const s = stack.pop()!;
    if (seen.has(s)) continue;
    seen.add(s);
    stack.push(...(all.get(s)?.parents ?? []));
  }
  return seen;
}

/**
 * The record built from all changes known for it (any order, duplicates ignored). A delete names
 * every head of the record as its parents; an edit it had not seen is a conflict (deleted here,
 * edited there): the later of the two is shown until someone decides.
 */
export function materialize(changes: Iterable<Change>): Materialized {
  const byField = new Map<string, Map<string, Write>>();
  const byStamp = new Map<string, Write>();
  let table = '';
  let recordId = '';
  for (const c of changes) {
    table = c.table;
    recordId = c.recordId;
    for (const [field, w] of Object.entries(c.fields)) {
      let writes = byField.get(field);
      if (!writes) byField.set(field, (writes = new Map()));
      const write = { stamp: c.id, value: w.value, parents: w.parents, device: c.device, actor: c.actor, at: c.at };
      writes.set(c.id, write);
      if (field !== DELETED) byStamp.set(c.id, write);
    }
  }
  const value: Record<string, unknown> = {};
  const conflicts: FieldConflict[] = [];
  const heads: Record<string, string[]> = {};
  for (const [field, writes] of [...byField].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const all = [...writes.values()];
    const winner = latest(all);
    const hs = headsOf(all);
    heads[field] = hs.map((h) => h.stamp);
    if (field === DELETED) continue;
    value[field] = winner.value;
    if (hs.length > 1 && new Set(hs.map((h) => valueKey(h.value))).size > 1) {
      conflicts.push({ table, recordId, field, shown: ref(winner), others: hs.filter((h) => h !== winner).map(ref) });
    }
  }
  const tombstones = byField.get(DELETED);
  const tomb = tombstones ? latest([...tombstones.values()]) : undefined;
  if (!tomb || tomb.value !== true) return { value, conflicts, heads };
  const seen = closure(tomb.parents, byStamp);
  const unseen = [...byStamp.values()].filter((w) => !seen.has(w.stamp) && compareHlc(w.stamp, tomb.stamp) !== 0);
  if (unseen.length === 0) return { value: null, conflicts: [], heads };
  // Deleted on one laptop while edited on another: nothing is dropped silently.
  const edits = headsOf(unseen);
  const editWins = compareHlc(edits[0].stamp, tomb.stamp) > 0;
  const deletion: FieldConflict = {
    table,
    recordId,
    field: DELETED,
    shown: editWins ? ref(edits[0]) : ref(tomb),
    others: editWins ? [ref(tomb), ...edits.slice(1).map(ref)] : edits.map(ref),
  };
  return editWins
    ? { value, conflicts: [...conflicts, deletion], heads }
    : { value: null, conflicts: [deletion], heads };
}

/** Equal values give equal keys, whatever their key order. */
function valueKey(v: unknown): string {
  return v === undefined ? 'undefined' : canonicalJson(v);
}

function latest(writes: Write[]): Write {
  return writes.reduce((a, b) => (compareHlc(a.stamp, b.stamp) >= 0 ? a : b));
}
