import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DataMarker } from '@shared/ipc/contract';
import { dataMarkerSchema } from '@shared/ipc/schemas';
import { copyIndexedDbAside, readDataState, reportData, switchDatabase } from './data-state';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'onsite-state-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const marker = (records: number, dbName = 'onsite-desk'): DataMarker =>
  dataMarkerSchema.parse({
    dbName,
    deviceCode: 'A',
    counts: { faults: records },
    records,
    auditSeq: records - 1,
    auditHead: records ? 'ab'.repeat(32) : '',
    schemaVersion: 2,
    at: '2026-12-05T01:00:00.000Z',
  });

function fakeProfile(): void {
  const leveldb = join(dir, 'IndexedDB', 'app_app_0.indexeddb.leveldb');
  mkdirSync(leveldb, { recursive: true });
  writeFileSync(join(leveldb, 'CURRENT'), 'MANIFEST-000001\n');
  writeFileSync(join(leveldb, '000003.log'), Buffer.from([1, 2, 3, 4]));
}

describe('data-state.json', () => {
  it('is empty when missing or unreadable', () => {
    expect(readDataState(dir)).toEqual({ marker: null, currentDb: null, asideDbs: [] });
    writeFileSync(join(dir, 'data-state.json'), '{not json');
    expect(readDataState(dir)).toEqual({ marker: null, currentDb: null, asideDbs: [] });
  });

  it('keeps the last marker, and never lets an empty report hide that records existed', () => {
    reportData(dir, marker(5));
    expect(readDataState(dir).marker?.records).toBe(5);
    reportData(dir, marker(0));
    expect(readDataState(dir).marker?.records).toBe(5);
    reportData(dir, marker(7));
    expect(readDataState(dir).marker?.records).toBe(7);
    // Written atomically: no temp file is left behind.
    expect(readdirSync(dir)).toEqual(['data-state.json']);
  });

  it('ignores a report about another database than the current one', () => {
    switchDatabase(dir, { current: 'onsite-desk-r1', aside: 'onsite-desk', reason: 'corrupt' });
    reportData(dir, marker(3, 'onsite-desk'));
    expect(readDataState(dir).marker).toBeNull();
    reportData(dir, marker(3, 'onsite-desk-r1'));
    expect(readDataState(dir).marker?.dbName).toBe('onsite-desk-r1');
  });
});

describe('switchDatabase', () => {
  it('copies the IndexedDB folder aside before the fresh database is used, and leaves the original untouched', () => {
    fakeProfile();
    const now = new Date('2026-12-05T02:03:04.567Z');
    switchDatabase(dir, { current: 'onsite-desk-r1', aside: 'onsite-desk', reason: 'corrupt' }, now);
    const state = readDataState(dir);
    expect(state.currentDb).toBe('onsite-desk-r1');
    expect(state.asideDbs).toEqual([
      { name: 'onsite-desk', at: now.toISOString(), reason: 'corrupt', folder: 'broken-20261205T020304' },
    ]);
    const copied = join(dir, 'broken-20261205T020304', 'IndexedDB', 'app_app_0.indexeddb.leveldb');
    expect(readFileSync(join(copied, 'CURRENT'), 'utf8')).toBe('MANIFEST-000001\n');
    expect([...readFileSync(join(copied, '000003.log'))]).toEqual([1, 2, 3, 4]);
    expect(existsSync(join(dir, 'IndexedDB', 'app_app_0.indexeddb.leveldb', '000003.log'))).toBe(true);
  });

  it('a second attempt for the same broken database does not copy it again; a later failure gets its own folder', () => {
    fakeProfile();
    const t1 = new Date('2026-12-05T02:00:00Z');
    switchDatabase(dir, { current: 'onsite-desk-r1', aside: 'onsite-desk', reason: 'corrupt' }, t1);
    switchDatabase(dir, { current: 'onsite-desk-r2', aside: 'onsite-desk', reason: 'corrupt' }, t1);
    expect(readdirSync(dir).filter((f) => f.startsWith('broken-'))).toEqual(['broken-20261205T020000']);
    expect(readDataState(dir).currentDb).toBe('onsite-desk-r2');
    switchDatabase(dir, { current: 'onsite-desk-r3', aside: 'onsite-desk-r2', reason: 'missing' }, t1);
    expect(
      readdirSync(dir)
        .filter((f) => f.startsWith('broken-'))
        .sort(),
    ).toEqual(['broken-20261205T020000', 'broken-20261205T020000-2']);
    expect(readDataState(dir).asideDbs.map((d) => d.name)).toEqual(['onsite-desk', 'onsite-desk-r2']);
  });

  it('records the switch even when there is no IndexedDB folder to copy', () => {
    switchDatabase(dir, { current: 'onsite-desk-r1', aside: 'onsite-desk', reason: 'missing' });
    expect(copyIndexedDbAside(dir)).toBeNull();
    expect(readDataState(dir).asideDbs[0]).not.toHaveProperty('folder');
  });
});
