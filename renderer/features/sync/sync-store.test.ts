import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomTeamKey, setTeamKey, type TeamKey } from '../../core/team-key';
import { setActor, setDb, writeTx } from '../../db';
import { OnsiteDb } from '../../db/db';
import { keyAuditChain, verifyAudit } from '../../db/audit-seal';
import { listConflicts, listPeers, resolveConflict, writeBundle } from '../../db/sync-store';
import { appendFaultEvents, createFault, listEvents, type NewFault } from '../faults';
import { readSyncBundle, readWithUndo, undoImport, writeSyncBundle } from './sync.service';

const h = (local: string) => `${local.replace(' ', 'T')}:00+08:00`;
// The writer stamps changes with the wall clock: the test's times follow it.
const now = Date.now();
let key: TeamKey;
let A: OnsiteDb;
let B: OnsiteDb;

/** Makes `db` the app's database, acting as `actor`. */
function on(db: OnsiteDb, actor = db === A ? 'e1' : 'pm') {
  setDb(db);
  setActor(actor);
}

async function laptop(device: string): Promise<OnsiteDb> {
  const db = new OnsiteDb(`sync-${device}-${crypto.randomUUID()}`);
  await db.open();
  setDb(db);
  setActor('system');
  const site = {
    key: 'site',
    setupComplete: true,
    deviceCode: device,
    currentUserId: 'u1',
    providerName: 'P',
    clientName: 'C',
    clientAddress: '',
    projectName: '',
    isDemo: false,
    updatedAt: new Date(now).toISOString(),
    updatedBy: 'system',
  };
  await writeTx(['settings'], async (_db, w) => void (await w.put('settings', site as never, 'site')));
  await keyAuditChain(db, key, new Date(now));
  return db;
}

const intake: NewFault = {
  level: 3,
  channel: 'hotline',
  reporter: { name: '赵磊', department: '信息技术部', phone: '021-6888 1215', email: '' },
  symptoms: '堡垒机 RDP 会话频繁断开',
  description: '',
  occurredAt: h('2026-11-25 08:50'),
  reportedAt: h('2026-11-25 09:00'),
  systemId: 'sys-1',
  assigneeId: 'e1',
};
const system = (id: string, name: string) => ({
  id,
  name,
  family: 'os',
  coverage: '5x8',
  createdAt: '2026-11-02T01:00:00.000Z',
  updatedAt: '2026-11-02T01:00:00.000Z',
  updatedBy: 'e1',
});

/** Every synced and projected record of a laptop, for comparing two laptops. */
async function dataOf(db: OnsiteDb) {
  const [faults, events, systems, attachments] = await Promise.all([
    db.faults.toArray(),
    db.faultEvents.toArray(),
    db.systems.toArray(),
    db.attachments.toArray(),
  ]);
  return {
    // The projection's stamps and attention instant are of the moment each laptop computed it.
    faults: faults.map(({ updatedAt: _u, updatedBy: _b, attentionAt: _a, ...f }) => f),
    events,
    systems,
    attachments: attachments.map((a) => ({ ...a, data: [...(a.data as Uint8Array)] })),
  };
}

async function auditClean(db: OnsiteDb) {
  const v = await verifyAudit(db, { key });
  expect(v.records.problems).toEqual([]);
  expect(v.chain.ok).toBe(true);
}

beforeEach(async () => {
  key = await randomTeamKey('team-1', '驻场一组');
  setTeamKey(key);
  A = await laptop('A');
  B = await laptop('B');
});
afterEach(() => {
  A.close();
  B.close();
  setDb(null);
  setTeamKey(null);
});

describe('sync store: two laptops exchanging bundles', () => {
  it('a fault logged and escalated on A, a system renamed on B: both ways → the same data, audit clean', async () => {
    on(A);
    const png = new Uint8Array([137, 80, 78, 71, 1, 2, 3]);
    const f = await createFault(intake, [{ name: 'screen.png', mime: 'image/png', data: png }], new Date(now));
    await appendFaultEvents(
      f.id,
      [
        {
          type: 'escalation',
          at: h('2026-11-25 09:30'),
          payload: {
            fromTier: 1,
            toTier: 2,
            recipientName: '厂商',
            reason: '需厂商',
            systemInfo: '',
            actionsSummary: '',
          },
        },
      ],
      new Date(now),
    );
    on(B);
    await writeTx(['systems'], async (_db, w) => void (await w.put('systems', system('s1', '核心交易') as never, 'x')));

    on(A);
    const fromA = await writeSyncBundle(undefined, now);
    expect(fromA.blobs).toBe(1);
    on(B);
    const r1 = await readSyncBundle(fromA.bytes, now + 1000);
    expect(r1.ok ? r1 : JSON.stringify(r1)).toMatchObject({ ok: true });
    if (!r1.ok) return;
    expect(r1.receipt).toMatchObject({ from: 'A', blobs: 1, duplicates: 0, deferred: 0, conflicts: [] });
    expect(r1.receipt.created).toEqual({ faults: 1, faultEvents: await A.faultEvents.count(), attachments: 1 });

    const fromB = await writeSyncBundle('A', now + 2000);
    // B sends back only what A lacks: its own system, not A's changes.
    expect(fromB.changes).toBe(1);
    on(A);
    const r2 = await readSyncBundle(fromB.bytes, now + 3000);
    expect(r2.ok && r2.receipt.created).toEqual({ systems: 1 });

    expect(await dataOf(B)).toEqual(await dataOf(A));
    const fb = (await B.faults.get(f.id))!;
    expect(fb).toMatchObject({ number: f.number, tier: 2, level: (await A.faults.get(f.id))!.level });
    expect((await listPeers(A)).map((p) => p.device)).toEqual(['B']);
    expect((await listPeers(B)).map((p) => [p.device, p.vv.A])).toEqual([['A', (await A.syncChanges.count()) - 1]]);
    await auditClean(A);
    await auditClean(B);
    // B's merge entries name A's author.
    const merged = (await B.auditLog.toArray()).filter((e) => e.action === 'merge');
    expect(merged.length).toBeGreaterThan(0);
    expect(new Set(merged.map((e) => e.actor))).toEqual(new Set(['e1']));

    // A later event on B travels back to A and the projection follows on both.
    on(B);
    await appendFaultEvents(
      f.id,
      [{ type: 'note', at: h('2026-11-25 09:40'), payload: { text: '已联系厂商' } }],
      new Date(now + 4000),
    );
    const back = await writeSyncBundle('A', now + 5000);
    on(A);
    await readSyncBundle(back.bytes, now + 6000);
    expect((await listEvents(f.id, A)).length).toBe((await listEvents(f.id, B)).length);
    expect((await A.faults.get(f.id))!.lastSeq).toBe((await B.faults.get(f.id))!.lastSeq);
    await auditClean(A);
  });

  it('the same bundle twice changes nothing the second time', async () => {
    on(A);
    await createFault(intake, [], new Date(now));
    const { bytes } = await writeSyncBundle(undefined, now);
    on(B);
    await readSyncBundle(bytes, now);
    const before = { data: await dataOf(B), audit: await B.auditLog.count(), changes: await B.syncChanges.count() };
    const again = await readSyncBundle(bytes, now + 1000);
    expect(again.ok && again.receipt).toMatchObject({
      merged: 0,
      created: {},
      updated: {},
      duplicates: before.changes,
    });
    expect({ data: await dataOf(B), audit: await B.auditLog.count(), changes: await B.syncChanges.count() }).toEqual(
      before,
    );
  });

  it('a damaged, truncated or other-team bundle is refused and changes nothing', async () => {
    on(A);
    await createFault(intake, [], new Date(now));
    const { bytes } = await writeSyncBundle(undefined, now);
    on(B);
    const snapshot = async () => ({ d: await dataOf(B), a: await B.auditLog.count(), s: await B.syncState.toArray() });
    const before = await snapshot();
    const flipped = bytes.slice();
    // One bit of an ASCII letter: still UTF-8 and JSON, no longer what was signed.
    flipped[new TextDecoder().decode(bytes).indexOf('hotline')] ^= 1;
    const other = await randomTeamKey('team-2', '别的组');
    on(A);
    setTeamKey(other);
    const foreign = (await writeBundle(other, undefined, now)).bytes;
    setTeamKey(key);
    on(B);
    const outcomes = [
      await readSyncBundle(bytes.slice(0, bytes.length - 10), now),
      await readSyncBundle(flipped, now),
      await readSyncBundle(foreign, now),
    ];
    expect(outcomes.map((o) => (o.ok ? 'ok' : o.refusal.code))).toEqual(['not-a-bundle', 'auth-failed', 'other-team']);
    expect(await snapshot()).toEqual(before);
  });

  it('the same field edited on both laptops is a conflict on both; a decision travels and closes it', async () => {
    on(A);
    await writeTx(['systems'], async (_db, w) => void (await w.put('systems', system('s1', '核心交易') as never, 'x')));
    const first = (await writeSyncBundle(undefined, now)).bytes;
    on(B);
    await readSyncBundle(first, now);
    on(A, 'e1');
    await writeTx(
      ['systems'],
      async (_db, w) => void (await w.update('systems', 's1', { name: '核心交易 A' } as never, 'x')),
    );
    on(B, 'pm');
    await writeTx(
      ['systems'],
      async (_db, w) => void (await w.update('systems', 's1', { name: '核心交易 B' } as never, 'x')),
    );
    const fromB = (await writeSyncBundle('A', now + 10)).bytes;
    on(A);
    const fromA = (await writeSyncBundle('B', now + 10)).bytes;
    const rA = await readSyncBundle(fromB, now + 20);
    on(B);
    const rB = await readSyncBundle(fromA, now + 20);
    for (const r of [rA, rB]) expect(r.ok && r.receipt.conflicts.map((c) => c.field)).toEqual(['name']);
    const shownA = (await A.systems.get('s1'))!.name;
    expect((await B.systems.get('s1'))!.name).toBe(shownA);
    const [c] = await listConflicts(B);
    expect([c.shown.value, ...c.others.map((o) => o.value)].sort()).toEqual(['核心交易 A', '核心交易 B']);
    // B keeps the value shown (no field value changes, still a write that travels).
    await resolveConflict(c, c.shown.value, 'pm', now + 30);
    expect(await listConflicts(B)).toEqual([]);
    on(A);
    expect((await listConflicts(A)).length).toBe(1);
    on(B);
    const decision = (await writeSyncBundle('A', now + 40)).bytes;
    on(A);
    await readSyncBundle(decision, now + 50);
    expect(await listConflicts(A)).toEqual([]);
    expect((await A.systems.get('s1'))!.name).toBe(shownA);
    await auditClean(A);
    await auditClean(B);
  });

  it('undo this import: the database is back as it was before the bundle, and the bundle can be read again', async () => {
    on(A);
    await createFault(intake, [], new Date(now));
    const { bytes } = await writeSyncBundle(undefined, now);
    on(B);
    const before = { data: await dataOf(B), changes: await B.syncChanges.count(), state: await B.syncState.toArray() };
    const { outcome, undo } = await readWithUndo(bytes, now);
    expect(outcome.ok && outcome.receipt.created.faults).toBe(1);
    expect(undo).not.toBeNull();
    await undoImport(undo!, 'A');
    expect({ data: await dataOf(B), changes: await B.syncChanges.count(), state: await B.syncState.toArray() }).toEqual(
      before,
    );
    const again = await readSyncBundle(bytes, now);
    expect(again.ok && again.receipt.created.faults).toBe(1);
  });
});
