/**
 * Checks stored `faults` rows against their logs in the background, so that the list shows what
 * the log says (as the detail page does) and marks a row changed behind the app. Results are kept
 * per row version: a row is read and projected again only when it changes.
 */
import { useEffect, useMemo, useState } from 'react';
import type { FaultRecord } from '@shared/schemas/fault';
import { getDb } from '../../db';
import { loadClockConfig } from '../../core';
import { checkProjection, checkedFields, type ProjectionMismatch } from './fault-view';
import { listEvents } from './faults.repo';

export interface Checked {
  /** The stored row's version the check was made on. */
  version: string;
  derived: FaultRecord;
  mismatches: ProjectionMismatch[];
}
export type Mismatches = ReadonlyMap<string, Checked>;

const chunk = 200;
const verified = new Map<string, Checked>();
export const versionOf = (f: FaultRecord) => JSON.stringify([f.updatedAt, ...checkedFields.map((k) => f[k])]);

/** The rows whose stored projection differs from their log, with what the log says. */
export async function checkProjections(rows: FaultRecord[], pause = () => Promise.resolve()): Promise<Mismatches> {
  const cfg = await loadClockConfig();
  const todo = rows.filter((f) => verified.get(f.id)?.version !== versionOf(f));
  for (let i = 0; i < todo.length; i += chunk) {
    const part = todo.slice(i, i + chunk);
    const logs = await getDb().transaction('r', 'faultEvents', () => Promise.all(part.map((f) => listEvents(f.id))));
    part.forEach((f, j) => verified.set(f.id, { version: versionOf(f), ...checkProjection(f, logs[j], cfg) }));
    await pause();
  }
  const out = new Map<string, Checked>();
  for (const f of rows) {
    const r = verified.get(f.id);
    if (r?.mismatches.length) out.set(f.id, r);
  }
  return out;
}

/** The mismatch found for this very version of a stored row, if any. */
export function mismatchOf(f: FaultRecord, found: Mismatches): Checked | undefined {
  const c = found.get(f.id);
  return c && c.version === versionOf(f) ? c : undefined;
}

/** The rows as their logs say (the projection replaces a mismatched stored row). */
export function applyChecks(rows: FaultRecord[], found: Mismatches): FaultRecord[] {
  return found.size ? rows.map((f) => mismatchOf(f, found)?.derived ?? f) : rows;
}

const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** `rows` checked against their logs: the rows to show and the mismatches found (empty until checked). */
export function useCheckedFaults(rows: FaultRecord[] | undefined): {
  rows: FaultRecord[] | undefined;
  found: Mismatches;
} {
  const [found, setFound] = useState<Mismatches>(new Map());
  useEffect(() => {
    if (!rows) return;
    let live = true;
    checkProjections(rows, yieldToUi)
      .then((m) => {
        if (live) setFound((prev) => (prev.size === 0 && m.size === 0 ? prev : m));
      })
      .catch((err: unknown) => console.error('projection check', err));
    return () => {
      live = false;
    };
  }, [rows]);
  return { rows: useMemo(() => rows && applyChecks(rows, found), [rows, found]), found };
}
