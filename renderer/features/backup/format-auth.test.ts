import { schemaVersion } from '../../db/migrations';
import { describe, expect, it } from 'vitest';
import { randomTeamKey, teamKey } from '../../core/team-key';
import { decodeBackup, inspectBackup } from './format-decode';
import { encodeBackup, headerBytes } from './format-encode';
import { minIterations, prefixBytes, type BackupInfo, type Header } from './format-types';
import { approveWithPin, setFirstPin } from '../access';
import { applyRestore, untrustedKey } from './restore';
import { exportSnapshot } from './snapshot';
import { freshDb, seedCore } from './test-kit/db';
import { validateBackup } from './validate';

const info: BackupInfo = {
  appVersion: '0.1.0',
  schemaVersion,
  createdAt: '2026-11-25T15:10:00.000Z',
  deviceCode: 'A',
  reason: 'manual',
};

async function seeded() {
  const db = await freshDb();
  await seedCore(db);
  return { db, tables: await exportSnapshot(db) };
}

/** The same file as format 1 wrote it: no team, no MAC, version 1 in the prefix. */
function asFormat1(file: Uint8Array): Uint8Array {
  const length = new DataView(file.buffer, file.byteOffset).getUint32(6, true);
  const header = JSON.parse(new TextDecoder().decode(file.subarray(prefixBytes, prefixBytes + length))) as Header;
  delete header.team;
  delete header.mac;
  const head = headerBytes(header);
  new DataView(head.buffer).setUint16(4, 1, true);
  const out = new Uint8Array(head.length + file.length - prefixBytes - length);
  out.set(head, 0);
  out.set(file.subarray(prefixBytes + length), head.length);
  return out;
}

describe('authenticated backups', () => {
  it('carry the team in the header and pass with the team key', async () => {
    const { tables } = await seeded();
    const file = await encodeBackup(tables, info);
    const key = teamKey()!;
    expect(inspectBackup(file)).toMatchObject({ ok: true, team: { id: key.teamId, name: key.teamName } });
    const r = await decodeBackup(file);
    expect(r.ok && r.backup.auth).toEqual({ status: 'ok', teamId: key.teamId, teamName: key.teamName });
    expect((await validateBackup(file)).ok).toBe(true);
  });

  it('refuse a backup edited and re-encoded with every hash recomputed but without the key', async () => {
    const { tables } = await seeded();
    const key = teamKey()!;
    // The attacker reads the team from the header and re-encodes the edited rows with a key of their own.
    const edited = tables.map((t) =>
      t.name === 'team'
        ? { ...t, rows: t.rows.map((r, i) => (i === 0 ? { ...(r as object), name: '冒名顶替' } : r)) }
        : t,
    );
    const forger = await randomTeamKey(key.teamId, key.teamName);
    for (const password of [undefined, 'S3cret-驻场']) {
      const forged = await encodeBackup(edited, info, {
        key: forger,
        password,
        iterations: password ? minIterations : undefined,
      });
      const decoded = await decodeBackup(forged, password);
      // Every hash is right: only the MAC tells.
      expect(decoded.ok && decoded.backup.auth.status).toBe('bad-mac');
      const result = await validateBackup(forged, { password });
      expect(result).toMatchObject({ ok: false, errors: [{ key: 'errors.badMac', params: { team: key.teamName } }] });
      expect(!result.ok && result.unverified?.auth.status).toBe('bad-mac');
    }
  });

  it('refuse another team’s backup by name, before asking for its password', async () => {
    const { tables } = await seeded();
    const other = await randomTeamKey('OTHERTEAM1', '浦东驻场组');
    for (const password of [undefined, 'S3cret-驻场']) {
      const file = await encodeBackup(tables, info, {
        key: other,
        password,
        iterations: password ? minIterations : undefined,
      });
      const result = await validateBackup(file);
      expect(result).toEqual({
        ok: false,
        errors: [{ key: 'errors.otherTeam', params: { team: '浦东驻场组', id: 'OTHERTEAM1' } }],
        needsPassword: undefined,
      });
    }
  });

  it('accept a format 1 file only as unauthenticated, through the explicit second choice', async () => {
    const { db, tables } = await seeded();
    const old = asFormat1(await encodeBackup(tables, info));
    const result = await validateBackup(old);
    expect(result).toMatchObject({ ok: false, errors: [{ key: 'errors.unauthenticated' }] });
    // A format 2 file stripped of its MAC is not taken for a format 1 one.
    const stripped = old.slice();
    new DataView(stripped.buffer).setUint16(4, 2, true);
    expect(await decodeBackup(stripped)).toMatchObject({ ok: false, errors: [{ key: 'errors.corrupt' }] });
    // Restoring it anyway is the project manager's decision: refused without their approval, nothing touched.
    const plan = !result.ok ? result.unverified : undefined;
    expect(plan).toBeDefined();
    const before = await db.auditLog.count();
    const pm = (await db.team.where('role').equals('pm').first())!;
    const engineer = (await db.team.where('role').equals('engineer').first())!;
    await setFirstPin(pm.id, '909090');
    await setFirstPin(engineer.id, '112233');
    await expect(approveWithPin('backup-untrusted-restore', '112233')).rejects.toMatchObject({ code: 'pmWrong' });
    const forged = {
      decision: 'backup-untrusted-restore' as const,
      approverId: pm.id,
      approverName: pm.name,
      approvedAt: new Date().toISOString(),
    };
    const other = await approveWithPin('personnel-notice', '909090');
    for (const approval of [undefined, null, forged, other])
      await expect(applyRestore(db, plan!, { name: 'old.odbk', approval })).rejects.toMatchObject({
        code: 'approvalRequired',
      });
    expect(await db.meta.get(untrustedKey)).toBeUndefined();
    // Only the PIN checks were logged meanwhile (the credentials' own entries).
    expect((await db.auditLog.where('seq').above(before).toArray()).every((e) => e.entity === 'credentials')).toBe(
      true,
    );
    // With it: the data is marked untrusted, with the approver, and the audit log says so.
    const approval = await approveWithPin('backup-untrusted-restore', '909090');
    await applyRestore(db, plan!, { name: 'old.odbk', approval });
    expect((await db.meta.get(untrustedKey))?.value).toMatchObject({
      source: 'old.odbk',
      reason: 'unauthenticated',
      approvedBy: { approverId: pm.id, approverName: '周海峰', approvedAt: approval.approvedAt },
    });
    const [keyed, last] = await db.auditLog.orderBy('seq').reverse().limit(2).toArray();
    expect(keyed.action).toBe('audit-keyed');
    expect(last?.summary).toMatch(/^UNTRUSTED \(team-key check: unauthenticated\)/);
    expect(last?.summary).toContain(`approved by project manager 周海峰 (${pm.id}) at ${approval.approvedAt}`);
  }, 60_000);

  it('refuse to write a backup without a team key', async () => {
    const { tables } = await seeded();
    await expect(encodeBackup(tables, info, { key: null })).rejects.toThrow(/team key/);
  });
});
