import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TeamMember } from '@shared/schemas/core';
import { verifyAuditChain } from '../../db/audit';
import type { OnsiteDb } from '../../db/db';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import { AccessError, checkPin, resetPin, setFirstPin, unblockMember, verifyPm } from './credentials.repo';
import { hashPin, pinProblem, verifyPin } from './pin';

let db: OnsiteDb;
let testDb: TestDb;
const iso = '2026-11-02T08:00:00.000Z';
const member = (id: string, role: TeamMember['role'], name: string): TeamMember => ({
  id,
  role,
  name,
  phone: '',
  email: '',
  active: true,
  createdAt: iso,
  updatedAt: iso,
  updatedBy: 'system',
});
const at = (sec: number) => new Date(Date.parse(iso) + sec * 1000);

beforeEach(async () => {
  testDb = await freshTestDb({ actor: '' });
  db = testDb.db;
  await db.team.bulkPut([member('pm', 'pm', '周经理'), member('e1', 'engineer', '李工')]);
});
afterEach(() => {
  testDb.close();
});

describe('PIN hashing', { timeout: 30_000 }, () => {
  it('uses PBKDF2-SHA-256, 600,000 iterations and a random 16-byte salt per hash; never the PIN', async () => {
    const a = await hashPin('246810');
    const b = await hashPin('246810');
    expect(a.algorithm).toBe('PBKDF2-SHA-256');
    expect(a.iterations).toBe(600_000);
    expect(atob(a.salt)).toHaveLength(16);
    expect(atob(a.hash)).toHaveLength(32);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
    expect(JSON.stringify(a)).not.toContain('246810');
    expect(await verifyPin('246810', a)).toBe(true);
    expect(await verifyPin('246811', a)).toBe(false);
  });

  it('hashes the same PIN and salt like an independent PBKDF2 computation', async () => {
    const stored = await hashPin('135790', 1000);
    const key = await crypto.subtle.importKey('raw', new TextEncoder().encode('135790'), 'PBKDF2', false, [
      'deriveBits',
    ]);
    const salt = Uint8Array.from(atob(stored.salt), (c) => c.charCodeAt(0));
    const bits = new Uint8Array(
      await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations: 1000 }, key, 256),
    );
    expect(btoa(String.fromCharCode(...bits))).toBe(stored.hash);
  });

  it('accepts a PIN of at least 6 digits or a passphrase of at least 8 characters', () => {
    expect(pinProblem('12345')).toBe('pinTooShort');
    expect(pinProblem('123456')).toBeNull();
    expect(pinProblem('abc 12')).toBe('passphraseTooShort');
    expect(pinProblem('blue river 7')).toBeNull();
  });

  it('stores only hash, salt and iteration count', async () => {
    await setFirstPin('e1', '112233', at(0));
    const row = await db.credentials.get('e1');
    expect(row).toMatchObject({ memberId: 'e1', algorithm: 'PBKDF2-SHA-256', iterations: 600_000, failures: 0 });
    expect(JSON.stringify(row)).not.toContain('112233');
    await expect(setFirstPin('e1', '998877', at(1))).rejects.toBeInstanceOf(AccessError);
  });
});

describe('wrong PINs, blocking and the project manager', { timeout: 30_000 }, () => {
  it('counts wrong PINs, makes the person wait, and after ten only the PM can unblock', async () => {
    await setFirstPin('e1', '112233', at(0));
    await setFirstPin('pm', '909090', at(0));
    expect(await checkPin('e1', '000000', at(1))).toMatchObject({ ok: false, reason: 'wrong', failures: 1 });
    expect(await checkPin('e1', '000000', at(2))).toMatchObject({ ok: false, reason: 'wrong', failures: 2 });
    expect(await checkPin('e1', '000000', at(3))).toMatchObject({
      ok: false,
      reason: 'wrong',
      failures: 3,
      state: { kind: 'wait', seconds: 5 },
    });
    // While waiting even the right PIN is not compared.
    expect(await checkPin('e1', '112233', at(4))).toEqual({ ok: false, reason: 'wait', seconds: 4 });
    let t = 10;
    for (let n = 4; n <= 10; n++) {
      t += 400;
      await checkPin('e1', '000000', at(t));
    }
    expect((await db.credentials.get('e1'))?.failures).toBe(10);
    expect(await checkPin('e1', '112233', at(t + 10_000))).toEqual({ ok: false, reason: 'pm-only' });
    await expect(unblockMember('e1', '111111', at(t + 10_001))).rejects.toMatchObject({ code: 'pmWrong' });
    expect(await checkPin('e1', '112233', at(t + 10_002))).toEqual({ ok: false, reason: 'pm-only' });
    await unblockMember('e1', '909090', at(t + 10_003));
    expect(await checkPin('e1', '112233', at(t + 10_004))).toMatchObject({ ok: true, member: { id: 'e1' } });
    const audit = await db.auditLog.orderBy('seq').toArray();
    expect(audit.filter((e) => e.summary.startsWith('wrong PIN for 李工'))).toHaveLength(10);
    expect(audit.find((e) => e.summary === '李工 unblocked by project manager 周经理')?.actor).toBe('pm');
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });

  it('resets a forgotten PIN only with the PM PIN; the old PIN stops working; audited with the PM as actor', async () => {
    await setFirstPin('e1', '112233', at(0));
    await setFirstPin('pm', '909090', at(0));
    await expect(resetPin('e1', '909091', '445566', at(1))).rejects.toMatchObject({ code: 'pmWrong' });
    await expect(resetPin('e1', '909090', '44', at(2))).rejects.toMatchObject({ code: 'pinTooShort' });
    expect(await checkPin('e1', '445566', at(3))).toMatchObject({ ok: false, reason: 'wrong' });
    const pm = await resetPin('e1', '909090', '445566', at(4));
    expect(pm.id).toBe('pm');
    expect(await checkPin('e1', '112233', at(5))).toMatchObject({ ok: false, reason: 'wrong' });
    expect(await checkPin('e1', '445566', at(6))).toMatchObject({ ok: true });
    const reset = (await db.auditLog.toArray()).find((e) => e.summary.includes('reset by project manager'));
    expect(reset).toMatchObject({ actor: 'pm', entity: 'credentials', entityId: 'e1' });
  });

  it('an engineer PIN does not pass as the project manager', async () => {
    await setFirstPin('e1', '112233', at(0));
    await expect(verifyPm('112233', at(1))).rejects.toMatchObject({ code: 'pmNoPin' });
    await setFirstPin('pm', '909090', at(2));
    await expect(verifyPm('112233', at(3))).rejects.toMatchObject({ code: 'pmWrong' });
    expect((await verifyPm('909090', at(4))).id).toBe('pm');
  });
});
