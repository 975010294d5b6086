import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomTeamKey, type TeamKey } from '../core/team-key';
import { nextEntry } from './audit';
import { keyAuditChain, readSeal, reviewAndSeal, scheduleSeal, sealAuditHead, verifyAudit } from './audit-seal';
import { writeTx } from './index';
import { freshTestDb, seedSite, type TestDb } from './test/fresh-db';

let t: TestDb;
let key: TeamKey;
beforeEach(async () => {
  t = await freshTestDb({ actor: 'u1' });
  key = t.key!;
});
afterEach(() => t.close());

const system = (n: number) => ({
  id: `s${n}`,
  name: `系统 ${n}`,
  family: 'os',
  coverage: '5x8',
  createdAt: '2026-11-02T01:00:00.000Z',
  updatedAt: '2026-11-02T01:00:00.000Z',
  updatedBy: 'u1',
});

/** Five systems written through the app, one deleted through the app, then sealed. */
async function seeded() {
  // Set up first: the systems are captured for sync under the site's device code.
  await seedSite(t.db);
  for (let n = 1; n <= 5; n++)
    await writeTx(['systems'], async (_db, w) => {
      await w.put('systems', system(n) as never, `system ${n}`);
    });
  await writeTx(['systems'], async (_db, w) => {
    await w.delete('systems', 's5', 'system 5 removed');
  });
  expect(await sealAuditHead(t.db, key)).toMatchObject({ kind: 'sealed' });
  const last = (await t.db.auditLog.orderBy('seq').last())!;
  return last.seq;
}

describe('keyed audit seal and record verification', () => {
  it('a chain written by the app verifies: sealed head, every record matches its last entry', async () => {
    const lastSeq = await seeded();
    const v = await verifyAudit(t.db, { key, expectedLastSeq: lastSeq });
    expect(v).toMatchObject({ ok: true, unsealed: 0, missingTail: 0, seal: { status: 'ok', seq: lastSeq } });
    // Four systems and the site row.
    expect(v.records).toEqual({ checked: 5, problems: [] });
  });

  it('names a record changed behind the app (the list would show the stored row)', async () => {
    await seeded();
    await t.db.systems.update('s2', { name: '改过的名字' });
    const v = await verifyAudit(t.db, { key });
    expect(v.ok).toBe(false);
    expect(v.chain.ok).toBe(true);
    expect(v.records.problems).toEqual([{ table: 'systems', id: 's2', kind: 'changed', label: '改过的名字' }]);
  });

  it('names records deleted or inserted behind the app', async () => {
    await seeded();
    await t.db.systems.delete('s1');
    await t.db.systems.put(system(9) as never);
    const v = await verifyAudit(t.db, { key });
    expect(v.records.problems).toEqual(
      expect.arrayContaining([
        { table: 'systems', id: 's9', kind: 'inserted', label: '系统 9' },
        { table: 'systems', id: 's1', kind: 'deleted', label: 's1' },
      ]),
    );
    expect(v.records.problems).toHaveLength(2);
  });

  it('detects the last three entries deleted, and the whole chain deleted', async () => {
    const lastSeq = await seeded();
    await t.db.auditLog.bulkDelete([lastSeq, lastSeq - 1, lastSeq - 2]);
    let v = await verifyAudit(t.db, { key, expectedLastSeq: lastSeq });
    expect(v.chain.ok).toBe(true); // what is left still links
    expect(v.ok).toBe(false);
    expect(v.seal.status).toBe('bad');
    expect(v.missingTail).toBe(3);

    await t.db.auditLog.clear();
    v = await verifyAudit(t.db, { key, expectedLastSeq: lastSeq });
    expect(v.ok).toBe(false);
    expect(v.missingTail).toBe(lastSeq + 1);
    // Even with the seal deleted too, the records no longer have entries that wrote them.
    await t.db.meta.delete('audit.seal');
    v = await verifyAudit(t.db, { key });
    expect(v.ok).toBe(false);
    expect(v.records.problems.every((p) => p.kind === 'inserted')).toBe(true);
  });

  it('an entry forged with a correct hash link stays unsealed and is never sealed by itself', async () => {
    await seeded();
    await t.db.systems.update('s3', { name: '伪造' });
    const last = (await t.db.auditLog.orderBy('seq').last())!;
    const { recordHash } = await import('./audit');
    const forged = nextEntry(last, {
      actor: 'u1',
      entity: 'systems',
      entityId: 's3',
      action: 'update',
      summary: 'looks normal',
      contentHash: recordHash(await t.db.systems.get('s3')),
    });
    await t.db.auditLog.add(forged);
    let v = await verifyAudit(t.db, { key });
    expect(v.chain.ok).toBe(true);
    expect(v.records.problems).toEqual([]);
    expect(v.unsealed).toBe(1);
    expect(v.ok).toBe(false);
    // A later write by the app does not bless it.
    await writeTx(['systems'], async (_db, w) => {
      await w.put('systems', system(7) as never, 'system 7');
    });
    expect(await sealAuditHead(t.db, key)).toEqual({ kind: 'needs-review', from: forged.seq });
    v = await verifyAudit(t.db, { key });
    expect(v.unsealed).toBe(2);
    // The project manager reviews and seals: recorded with their name.
    await reviewAndSeal(t.db, key, { id: 'pm1', name: '张经理' });
    v = await verifyAudit(t.db, { key });
    expect(v.ok).toBe(true);
    const reviewed = (await t.db.auditLog.orderBy('seq').last())!;
    expect(reviewed).toMatchObject({ action: 'audit-reviewed', actor: 'pm1' });
    expect(reviewed.summary).toContain('张经理');
  });

  it('names a report whose printed chain head the chain no longer holds (rolled back below it)', async () => {
    const lastSeq = await seeded();
    const anchor = (await t.db.auditLog.get(lastSeq - 1))!.hash;
    await writeTx(['reports'], async (_db, w) => {
      await w.put('reports', { id: 'r1', number: 'BG-202612-A-001', auditHead: anchor } as never, 'report issued');
    });
    await sealAuditHead(t.db, key);
    expect((await verifyAudit(t.db, { key })).lostAnchors).toEqual([]);
    // Roll the chain back to before the anchor, seal included: only the report remembers.
    const keep = lastSeq - 3;
    await t.db.auditLog.where('seq').above(keep).delete();
    await t.db.meta.delete('audit.seal');
    const v = await verifyAudit(t.db, { key });
    expect(v.lostAnchors).toEqual(['BG-202612-A-001']);
    expect(v.ok).toBe(false);
  });

  it('a burst of commits waiting for the seal joins one job, which seals the head as it is then', async () => {
    const lastSeq = await seeded();
    for (let n = 6; n <= 8; n++)
      await writeTx(['systems'], async (_db, w) => {
        await w.put('systems', system(n) as never, `system ${n}`);
      });
    const jobs = [scheduleSeal(t.db, key), scheduleSeal(t.db, key), scheduleSeal(t.db, key)];
    expect(new Set(jobs).size).toBe(1);
    expect(await jobs[0]).toEqual({ kind: 'sealed', seq: lastSeq + 3 });
    // Once it ran, a later commit gets a job of its own.
    const later = scheduleSeal(t.db, key);
    expect(later).not.toBe(jobs[0]);
    // Waited for: it runs after a delay, and must not outlive the database the test closes.
    expect(await later).toEqual({ kind: 'current' });
    expect((await verifyAudit(t.db, { key })).ok).toBe(true);
  });

  it('a seal made with another team key does not hold', async () => {
    await seeded();
    const other: TeamKey = await randomTeamKey('other-team', 'Other');
    const v = await verifyAudit(t.db, { key: other });
    expect(v.seal.status).toBe('bad');
    expect(v.ok).toBe(false);
  });

  it('keying an existing database baselines records no entry describes, once', async () => {
    // Rows written before content hashes existed (as an older version, or a migration, did).
    await t.db.systems.bulkPut([system(1), system(2)] as never[]);
    expect(await sealAuditHead(t.db, key)).toEqual({ kind: 'empty' });
    expect((await verifyAudit(t.db, { key })).records.problems).toHaveLength(2);
    expect(await keyAuditChain(t.db, key)).toBe(2);
    const v = await verifyAudit(t.db, { key });
    expect(v).toMatchObject({ ok: true, records: { checked: 2, problems: [] } });
    expect((await t.db.auditLog.toArray()).map((e) => e.action)).toEqual([
      'audit-baseline',
      'audit-baseline',
      'audit-keyed',
    ]);
    expect(await readSeal(t.db)).toMatchObject({ seq: 2, teamId: key.teamId });
  });
});
