import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { FaultRecord } from '@shared/schemas/fault';
import { freshTestDb, type TestDb } from '../../db/test/fresh-db';
import type { OnsiteDb } from '../../db/db';
import { listAllFaults, listNewestFaults, listRows, useFaultList, type FaultListRows } from './fault-list-load';

let db: OnsiteDb;
let testDb: TestDb;

/** A stored row with only what the list's reads look at (seeded directly, as tests may). */
function fault(i: number, reportedAt = new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString()): FaultRecord {
  return { id: `f-${String(i).padStart(4, '0')}`, number: `GZ-${i}`, reportedAt, status: 'reported' } as FaultRecord;
}
const ids = (rows: FaultRecord[] | undefined) => (rows ?? []).map((r) => r.id);

/** Renders the hook and keeps every value it returned, in order. */
function track(limit: number) {
  const seen: FaultListRows[] = [];
  const hook = renderHook(() => {
    const r = useFaultList(limit);
    seen.push(r);
    return r;
  });
  return { seen, hook };
}

beforeEach(async () => {
  testDb = await freshTestDb();
  db = testDb.db;
});
afterEach(() => {
  vi.restoreAllMocks();
  testDb.close();
});

describe('listRows', () => {
  const head = [fault(3), fault(2)];
  const all = [fault(3), fault(2), fault(1)];
  it('shows nothing until the first read answered', () => {
    expect(listRows(undefined, undefined, 2)).toEqual({ rows: undefined, complete: false });
  });
  it('shows the first screen, incomplete while it is full', () => {
    expect(listRows(head, undefined, 2)).toEqual({ rows: head, complete: false });
  });
  it('takes a first screen shorter than asked for as every fault', () => {
    expect(listRows(head, undefined, 3)).toEqual({ rows: head, complete: true });
    expect(listRows([], undefined, 3)).toEqual({ rows: [], complete: true });
  });
  it('shows every row once the full read answered', () => {
    expect(listRows(head, all, 2)).toEqual({ rows: all, complete: true });
    expect(listRows(undefined, all, 2)).toEqual({ rows: all, complete: true });
  });
});

describe('the two reads', () => {
  it('return the same order, newest first, ties included', async () => {
    const tie = '2026-03-01T00:00:00.000Z';
    await db.faults.bulkPut([fault(1), fault(5, tie), fault(2), fault(7, tie), fault(3), fault(6, tie)]);
    const all = await listAllFaults();
    expect(ids(all)).toEqual(ids([...(await db.faults.orderBy('reportedAt').toArray())].reverse()));
    expect(ids(await listNewestFaults(4))).toEqual(ids(all).slice(0, 4));
  });
});

describe('useFaultList', () => {
  it('shows the newest screen first, then every fault in the same order', async () => {
    await db.faults.bulkPut(Array.from({ length: 120 }, (_, i) => fault(i)));
    const { seen, hook } = track(50);
    await waitFor(() => expect(hook.result.current.complete).toBe(true));
    const expected = ids(await listAllFaults());
    expect(ids(hook.result.current.rows)).toEqual(expected);
    const first = seen.find((s) => s.rows);
    expect(first?.complete).toBe(false);
    expect(ids(first?.rows)).toEqual(expected.slice(0, 50));
    // Never an empty list in between: once rows were shown, every later value has rows.
    expect(seen.slice(seen.indexOf(first!)).every((s) => s.rows && s.rows.length >= 50)).toBe(true);
    hook.unmount();
  });

  it('reads no more when the first screen holds every fault', async () => {
    await db.faults.bulkPut(Array.from({ length: 10 }, (_, i) => fault(i)));
    const { seen, hook } = track(50);
    await waitFor(() => expect(hook.result.current.rows).toHaveLength(10));
    expect(hook.result.current.complete).toBe(true);
    expect(seen.every((s) => !s.rows || s.rows.length === 10)).toBe(true);
    hook.unmount();
  });

  it('keeps the first screen live while the rest waits', async () => {
    // No frame is ever painted here: the full read never starts.
    vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
    await db.faults.bulkPut(Array.from({ length: 60 }, (_, i) => fault(i)));
    const { hook } = track(50);
    await waitFor(() => expect(hook.result.current.rows).toHaveLength(50));
    await db.faults.put(fault(1000));
    await waitFor(() => expect(hook.result.current.rows?.[0].id).toBe('f-1000'));
    expect(hook.result.current.rows).toHaveLength(50);
    expect(hook.result.current.complete).toBe(false);
    hook.unmount();
  });

  it('follows changes once every fault is read', async () => {
    await db.faults.bulkPut(Array.from({ length: 60 }, (_, i) => fault(i)));
    const { hook } = track(50);
    await waitFor(() => expect(hook.result.current.complete).toBe(true));
    await db.faults.put(fault(1000));
    await waitFor(() => expect(hook.result.current.rows?.[0].id).toBe('f-1000'));
    expect(hook.result.current.rows).toHaveLength(61);
    await db.faults.delete('f-0059');
    await waitFor(() => expect(hook.result.current.rows).toHaveLength(60));
    hook.unmount();
  });

  it('reads the rest when new faults fill the first screen', async () => {
    await db.faults.bulkPut(Array.from({ length: 10 }, (_, i) => fault(i)));
    const { hook } = track(50);
    await waitFor(() => expect(hook.result.current.rows).toHaveLength(10));
    await db.faults.bulkPut(Array.from({ length: 45 }, (_, i) => fault(100 + i)));
    await waitFor(() => expect(hook.result.current.rows).toHaveLength(55));
    expect(hook.result.current.complete).toBe(true);
    expect(ids(hook.result.current.rows)).toEqual(ids(await listAllFaults()));
    hook.unmount();
  });
});
