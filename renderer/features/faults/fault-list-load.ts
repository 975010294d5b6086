/**
 * The fault list's rows, read in two steps so the first screen does not wait for every fault:
 * the newest `firstScreen` rows from the `reportedAt` index (a `limit()` query), then, after that
 * screen is painted, every row in the same order. Both queries are live, so a fault written while
 * either is shown appears at once. `complete` says whether `rows` holds every fault yet: filters,
 * counts and the "needs attention" filter (renderer/features/faults/FaultListPage.tsx) say they are
 * still loading until it does.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { FaultRecord } from '@shared/schemas/fault';
import { getDb } from '../../db';

/** Rows of the first read: a screen and a half of the virtualised table at the usual window sizes. */
export const firstScreen = 50;

/** The newest `limit` faults, newest first (the same order as listAllFaults). */
export function listNewestFaults(limit: number): Promise<FaultRecord[]> {
  return getDb().faults.orderBy('reportedAt').reverse().limit(limit).toArray();
}

/** Every fault, newest first. */
export function listAllFaults(): Promise<FaultRecord[]> {
  return getDb().faults.orderBy('reportedAt').reverse().toArray();
}

export interface FaultListRows {
  /** Undefined until the first read answered. */
  rows: FaultRecord[] | undefined;
  /** Whether `rows` is every fault (false while only the first screen is read). */
  complete: boolean;
}

/**
 * What the list shows from the two reads: every row once the full read answered; before that the
 * first screen, which is already everything when it holds fewer rows than were asked for.
 */
export function listRows(
  head: FaultRecord[] | undefined,
  all: FaultRecord[] | undefined,
  limit = firstScreen,
): FaultListRows {
  if (all) return { rows: all, complete: true };
  if (!head) return { rows: undefined, complete: false };
  return { rows: head, complete: head.length < limit };
}

/** Waits for the next frame to be painted (a timer after the animation frame), then calls `fn`. */
function afterPaint(fn: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(fn, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/** The list's rows, newest first: the first screen at once, every fault after it was painted. */
export function useFaultList(limit = firstScreen): FaultListRows {
  const [wantAll, setWantAll] = useState(false);
  const all = useLiveQuery(() => (wantAll ? listAllFaults() : undefined), [wantAll]);
  // Once every row is read the first-screen query is not needed (nor kept live) any more.
  const done = all !== undefined;
  const head = useLiveQuery(() => (done ? undefined : listNewestFaults(limit)), [done, limit]);
  const needsRest = !wantAll && !!head && head.length >= limit;
  useEffect(() => (needsRest ? afterPaint(() => setWantAll(true)) : undefined), [needsRest]);
  return listRows(head, all, limit);
}
