/**
 * Three laptops, random writes on every kind of record, random exchanges of bundles — duplicated,
 * reordered, lost — then exchanges until nothing changes: all three must hold the same records,
 * every fault event made anywhere, and the same list of conflicts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dataHash } from '../util/hash';
import { fcRuns } from '../util/fc-runs';
import type { BundleBody } from './replica';
import { Replica } from './replica';

const T0 = Date.parse('2026-12-01T09:00:00+08:00');
const DEVICES = ['A', 'B', 'C'] as const;
const TABLES = ['systems', 'kbArticles', 'trainings'] as const;
const IDS = ['r1', 'r2', 'r3'] as const;
const FIELDS = ['name', 'note', 'owner'] as const;

type Op =
  | { kind: 'write'; at: number; table: number; id: number; fields: Array<[number, number]> }
  | { kind: 'remove'; at: number; table: number; id: number }
  | { kind: 'event'; at: number }
  | { kind: 'send'; from: number; to: number; fate: 'now' | 'later' | 'lost' | 'twice' }
  | { kind: 'deliver'; pick: number }
  | { kind: 'resolve'; at: number };

const idx = (n: number) => fc.integer({ min: 0, max: n - 1 });
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('write' as const),
    at: idx(3),
    table: idx(TABLES.length),
    id: idx(IDS.length),
    fields: fc.array(fc.tuple(idx(FIELDS.length), fc.integer({ min: 0, max: 9 })), { minLength: 1, maxLength: 3 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), at: idx(3), table: idx(TABLES.length), id: idx(IDS.length) }),
  fc.record({ kind: fc.constant('event' as const), at: idx(3) }),
  fc.record({
    kind: fc.constant('send' as const),
    from: idx(3),
    to: idx(3),
    fate: fc.constantFrom('now' as const, 'later' as const, 'lost' as const, 'twice' as const),
  }),
  fc.record({ kind: fc.constant('deliver' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('resolve' as const), at: idx(3) }),
);

/** Each laptop's wall clock is off by up to ten minutes, and time moves on between operations. */
function run(ops: Op[], skews: number[]) {
  const replicas = DEVICES.map((d, i) => new Replica(d, T0 + skews[i]));
  const inFlight: Array<{ to: number; bundle: BundleBody }> = [];
  const events = new Set<string>();
  let t = T0;
  const now = (i: number) => (t += 1000) + skews[i];
  for (const o of ops) {
    if (o.kind === 'write') {
      const values = Object.fromEntries(o.fields.map(([f, v]) => [FIELDS[f], v]));
      replicas[o.at].write(TABLES[o.table], IDS[o.id], values, now(o.at));
    } else if (o.kind === 'remove') {
      // As in the app: only a record this laptop shows can be deleted.
      if (replicas[o.at].record(TABLES[o.table], IDS[o.id]))
        replicas[o.at].remove(TABLES[o.table], IDS[o.id], now(o.at));
    } else if (o.kind === 'event') {
      const id = `ev-${DEVICES[o.at]}-${events.size}`;
      events.add(id);
      replicas[o.at].write('faultEvents', id, { faultId: 'f1', type: 'note', by: DEVICES[o.at] }, now(o.at));
    } else if (o.kind === 'send' && o.from !== o.to) {
      const bundle = replicas[o.from].bundleFor(DEVICES[o.to], now(o.from));
      if (o.fate === 'now') replicas[o.to].receive(bundle, now(o.to));
      if (o.fate === 'later' || o.fate === 'twice') inFlight.push({ to: o.to, bundle });
      if (o.fate === 'twice') replicas[o.to].receive(bundle, now(o.to));
    } else if (o.kind === 'deliver' && inFlight.length) {
      const [{ to, bundle }] = inFlight.splice(o.pick % inFlight.length, 1);
      replicas[to].receive(bundle, now(to));
    } else if (o.kind === 'resolve') {
      const [c] = replicas[o.at].conflicts();
      if (c) replicas[o.at].resolve(c, c.shown.value, now(o.at));
    }
  }
  // Old bundles still arrive, in the order left, then every laptop exchanges until quiet.
  for (const { to, bundle } of inFlight) replicas[to].receive(bundle, now(to));
  for (let round = 0; round < 4; round++) {
    for (const from of [0, 1, 2])
      for (const to of [0, 1, 2])
        if (from !== to) {
          replicas[to].receive(replicas[from].bundleFor(DEVICES[to], now(from)), now(to));
        }
  }
  return { replicas, events };
}

const sortedConflicts = (r: Replica) =>
  r
    .conflicts()
    .map((c) => ({ ...c, others: [...c.others].sort((a, b) => (a.stamp < b.stamp ? -1 : 1)) }))
    .sort((a, b) => (`${a.table}/${a.recordId}/${a.field}` < `${b.table}/${b.recordId}/${b.field}` ? -1 : 1));

describe('three laptops in step (property)', () => {
  it('end with identical data, every fault event, and the same conflicts', () => {
    fc.assert(
      fc.property(
        fc.array(op, { minLength: 1, maxLength: 80 }),
        fc.array(fc.integer({ min: -600_000, max: 600_000 }), { minLength: 3, maxLength: 3 }),
        (ops, skews) => {
          const { replicas, events } = run(ops, skews);
          const [a, b, c] = replicas;
          expect(dataHash(b.snapshot())).toBe(dataHash(a.snapshot()));
          expect(dataHash(c.snapshot())).toBe(dataHash(a.snapshot()));
          expect(dataHash(sortedConflicts(b))).toBe(dataHash(sortedConflicts(a)));
          expect(dataHash(sortedConflicts(c))).toBe(dataHash(sortedConflicts(a)));
          // Every change made anywhere is held everywhere: nothing lost on the way.
          const ids = (r: Replica) =>
            r
              .changes()
              .map((x) => x.id)
              .sort();
          expect(ids(b)).toEqual(ids(a));
          expect(ids(c)).toEqual(ids(a));
          for (const r of replicas) {
            expect(Object.keys(r.snapshot().faultEvents ?? {}).sort()).toEqual([...events].sort());
          }
        },
      ),
      { numRuns: fcRuns(300) },
    );
  });
});
