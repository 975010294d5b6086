/* eslint-disable local/feature-boundaries -- the test builds real backup files with the backup feature's encoder and test kit */
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { BackupEntry, DataMarker, DataState } from '@shared/ipc/contract';
import { dataMarkerSchema } from '@shared/ipc/schemas';
import { openDatabase, setDb } from '../../db';
import type { DbState } from '../../db/db';
import { schemaVersion } from '../../db/migrations';
import { encodeBackup } from '../backup/format-encode';
import type { BackupInfo } from '../backup/format-types';
import { exportSnapshot } from '../backup/snapshot';
import { freshDb, seedCore } from '../backup/test-kit/db';
import { validateBackup } from '../backup/validate';
import { isEmptyDatabase, readMarker, startMarkerReports } from './data-marker';
import { findNewestVerified, freshDbName, restoreIntoFresh } from './recover';
import { classifyOpenError, startDatabase, type Recovery } from './start';

const emptyState: DataState = { marker: null, currentDb: null, asideDbs: [] };
const info: BackupInfo = {
  appVersion: '0.1.0',
  schemaVersion,
  createdAt: '2026-11-25T15:10:00.000Z',
  deviceCode: 'A',
  reason: 'manual',
};

afterEach(() => setDb(null));

/** Chromium's messages when IndexedDB will not open, as Dexie passes them on. */
const chromiumErrors: Array<[string, Recovery['reason']]> = [
  ['UnknownError: Internal error opening backing store for indexedDB.open.', 'corrupt'],
  ['OpenFailedError: UnknownError Corruption: checksum mismatch', 'corrupt'],
  ['QuotaExceededError: The quota has been exceeded.', 'quota'],
  ['OpenFailedError: IO error: No space left on device', 'disk-full'],
  ['AbortError: something else', 'unknown'],
];

describe('startDatabase: an open that fails goes to recovery, never to first-run setup', () => {
  it.each(chromiumErrors)('returned error %s → %s', async (message, reason) => {
    const open = vi.fn(async (): Promise<DbState> => ({ kind: 'error', message }));
    const out = await startDatabase({ open, getState: async () => emptyState, defaultName: 'onsite-desk' });
    expect(out).toEqual({
      kind: 'recover',
      recovery: { reason, detail: message, dbName: 'onsite-desk', marker: null },
    });
  });

  it.each(chromiumErrors)('thrown error %s → %s', async (message, reason) => {
    const [name, ...rest] = message.split(': ');
    const err = Object.assign(new Error(rest.join(': ')), { name });
    const out = await startDatabase({
      open: async () => {
        throw err;
      },
      getState: async () => emptyState,
      defaultName: 'onsite-desk',
    });
    expect(out.kind === 'recover' && out.recovery.reason).toBe(reason);
  });

  it('an upgrade blocked by another connection that never lets go shows recovery after the wait', async () => {
    const out = await startDatabase({
      open: (_n, onBlocked) => {
        onBlocked();
        return new Promise<DbState>(() => undefined);
      },
      getState: async () => emptyState,
      defaultName: 'onsite-desk',
      blockedWaitMs: 20,
    });
    expect(out.kind === 'recover' && out.recovery.reason).toBe('blocked');
  });

  it('opens the database the data-state names as current, unless the caller names one', async () => {
    const open = vi.fn(async (_name: string): Promise<DbState> => ({ kind: 'error', message: 'x' }));
    const getState = async () => ({ ...emptyState, currentDb: 'onsite-desk-r1' });
    await startDatabase({ open, getState, defaultName: 'onsite-desk' });
    await startDatabase({ open, getState, defaultName: 'onsite-desk', requested: 'other' });
    expect(open.mock.calls.map((c) => c[0])).toEqual(['onsite-desk-r1', 'other']);
  });
});

describe('startDatabase with a real (fake-indexeddb) database', () => {
  const marker = (records: number, dbName: string): DataMarker =>
    dataMarkerSchema.parse({
      dbName,
      deviceCode: 'A',
      counts: { team: records },
      records,
      auditSeq: records - 1,
      auditHead: '',
      at: '2026-12-05T01:00:00.000Z',
    });

  it('an empty database while the marker says records existed → "missing"; without a marker → ready (first run)', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const open = (n: string) => openDatabase(n);
    const lost = await startDatabase({
      open,
      getState: async () => ({ ...emptyState, marker: marker(12, name) }),
      defaultName: name,
    });
    expect(lost.kind).toBe('recover');
    expect(lost.kind === 'recover' && lost.recovery.reason).toBe('missing');
    expect(lost.kind === 'recover' && lost.recovery.marker?.records).toBe(12);

    const fresh = await startDatabase({ open, getState: async () => emptyState, defaultName: name });
    expect(fresh.kind).toBe('ready');
    if (fresh.kind === 'ready' && fresh.state.kind === 'ok') fresh.state.db.close();
  });

  it("another database's marker says nothing about this one: an empty database named by `?db=` is a first run", async () => {
    const name = `t-${crypto.randomUUID()}`;
    const open = (n: string) => openDatabase(n);
    const other = await startDatabase({
      open,
      getState: async () => ({ ...emptyState, marker: marker(12, 'onsite-desk') }),
      requested: name,
      defaultName: 'onsite-desk',
    });
    expect(other.kind).toBe('ready');
    expect(other.kind === 'ready' && other.dbName).toBe(name);
    if (other.kind === 'ready' && other.state.kind === 'ok') other.state.db.close();

    const same = await startDatabase({
      open,
      getState: async () => ({ ...emptyState, marker: marker(12, name) }),
      requested: name,
      defaultName: 'onsite-desk',
    });
    expect(same.kind === 'recover' && same.recovery.reason).toBe('missing');
  });

  it('a database that holds records opens normally whatever the marker says', async () => {
    const db = await freshDb();
    await seedCore(db);
    db.close();
    const out = await startDatabase({
      open: (n) => openDatabase(n),
      getState: async () => ({ ...emptyState, marker: marker(500, db.name) }),
      defaultName: db.name,
    });
    expect(out.kind).toBe('ready');
    if (out.kind === 'ready' && out.state.kind === 'ok') {
      expect(await isEmptyDatabase(out.state.db)).toBe(false);
      out.state.db.close();
    }
  });
});

describe('data marker', () => {
  it('counts every table but meta, with the audit head and the device code', async () => {
    const db = await freshDb();
    expect(await isEmptyDatabase(db)).toBe(true);
    await seedCore(db);
    const m = await readMarker(db, new Date('2026-12-05T00:00:00Z'));
    expect(dataMarkerSchema.safeParse(m).success).toBe(true);
    const expected: Record<string, number> = {};
    for (const t of db.tables) if (t.name !== 'meta') expected[t.name] = await t.count();
    expect(m.counts).toEqual(expected);
    expect(m.records).toBe(Object.values(expected).reduce((a, b) => a + b, 0));
    const head = (await db.auditLog.orderBy('seq').last())!;
    expect([m.auditSeq, m.auditHead]).toEqual([head.seq, head.hash]);
    expect(m.deviceCode).toBe((await db.settings.get('site'))?.deviceCode ?? '');
    db.close();
  });

  it('is reported once at start and again after writes, debounced', async () => {
    const db = await freshDb();
    const reports: DataMarker[] = [];
    const stop = startMarkerReports(db, async (m) => void reports.push(m), 30);
    await vi.waitFor(() => expect(reports.length).toBe(1));
    expect(reports[0].records).toBe(0);
    await seedCore(db);
    await vi.waitFor(() => expect(reports.at(-1)!.records).toBeGreaterThan(0));
    // Many writes in a burst are reported a few times, not once per write.
    expect(reports.length).toBeLessThan(5);
    stop();
    const n = reports.length;
    await db.contacts.clear();
    await new Promise((r) => setTimeout(r, 80));
    expect(reports.length).toBe(n);
    db.close();
  });
});

describe('restore into a fresh database', () => {
  async function backupOf(): Promise<{ file: Uint8Array; sourceRows: number; name: string }> {
    const db = await freshDb();
    await seedCore(db);
    const file = await encodeBackup(await exportSnapshot(db), info);
    const sourceRows = (await readMarker(db)).records;
    db.close();
    return { file, sourceRows, name: db.name };
  }

  const entry = (name: string, modifiedAt: string): BackupEntry => ({
    name,
    path: name,
    size: 1,
    modifiedAt,
    pinned: false,
    mine: true,
    deviceCode: 'A',
  });

  it('the newest backup that passes every check is chosen; damaged ones are named and skipped', async () => {
    const { file } = await backupOf();
    const damaged = file.slice();
    damaged[damaged.length - 10] ^= 0xff;
    const files: Record<string, Uint8Array> = { 'c.odbk': damaged, 'b.odbk': file, 'a.odbk': file };
    const p = {
      backupRead: vi.fn(async ({ name }: { name: string }) => ({ name, data: files[name] })),
      backupList: vi.fn(),
      openFile: vi.fn(),
      stateSwitchDb: vi.fn(),
      stateReport: vi.fn(),
    };
    const entries = [entry('c.odbk', '2026-12-05'), entry('b.odbk', '2026-12-04'), entry('a.odbk', '2026-12-03')];
    const found = await findNewestVerified(p, entries);
    expect(found.ok).toBe(true);
    expect(found.ok && found.file.name).toBe('b.odbk');
    expect(p.backupRead.mock.calls.map((c) => c[0].name)).toEqual(['c.odbk', 'b.odbk']);

    const none = await findNewestVerified(p, [entries[0]]);
    expect(none).toMatchObject({ ok: false, tried: [{ name: 'c.odbk' }] });
  });

  it('sets the failed database aside first, fills a fresh one, reports its marker; the failed one is untouched', async () => {
    const { file, sourceRows } = await backupOf();
    const plan = await validateBackup(file);
    if (!plan.ok) throw new Error('backup invalid');
    const failed = await freshDb();
    await failed.team.put({ id: 'left-behind' } as never);
    failed.close();
    const calls: string[] = [];
    const p = {
      backupRead: vi.fn(),
      backupList: vi.fn(),
      openFile: vi.fn(),
      stateSwitchDb: vi.fn(async (req: { current: string; aside: string }) => void calls.push(`switch ${req.aside}`)),
      stateReport: vi.fn(async (m: DataMarker) => void calls.push(`report ${m.dbName} ${m.records}`)),
    };
    const recovery: Recovery = { reason: 'corrupt', detail: 'checksum mismatch', dbName: failed.name, marker: null };
    const now = new Date('2026-12-05T02:03:04Z');
    const fresh = await restoreIntoFresh(p, recovery, { name: 'b.odbk', data: file }, plan.plan, now, (n) => {
      calls.push(`open ${n}`);
      return openDatabase(n);
    });
    expect(fresh).toBe(freshDbName(failed.name, now));
    expect(fresh).toMatch(/-r20261205T020304$/);
    // The restore adds its own audit entry to the restored rows, and the entry keying the restored
    // chain with this team's seal (renderer/db/audit-seal.ts).
    expect(calls).toEqual([`switch ${failed.name}`, `open ${fresh}`, `report ${fresh} ${sourceRows + 2}`]);
    expect(p.stateSwitchDb.mock.calls[0][0]).toMatchObject({ current: fresh, aside: failed.name });

    const restored = new Dexie(fresh);
    await restored.open();
    const tail = (await restored.table('auditLog').orderBy('seq').reverse().limit(2).toArray()).reverse();
    expect(tail.map((e: { action: string }) => e.action)).toEqual(['restore', 'audit-keyed']);
    restored.close();
    const kept = new Dexie(failed.name);
    await kept.open();
    expect(await kept.table('team').get('left-behind')).toEqual({ id: 'left-behind' });
    kept.close();
  });

  it('a fresh name after a fresh name keeps the base', () => {
    expect(freshDbName('onsite-desk-r20261201T000000', new Date('2026-12-05T02:03:04Z'))).toBe(
      'onsite-desk-r20261205T020304',
    );
  });
});

describe('classifyOpenError', () => {
  it('defaults to unknown', () => expect(classifyOpenError('')).toBe('unknown'));
});
