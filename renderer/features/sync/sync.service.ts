/**
 * The sync feature's use of the Dexie adapter (renderer/db/sync-store.ts): the team key, the faults
 * projection for merged fault logs, and the refusal messages.
 */
import { faultRecordSchema, type FaultEventRow } from '@shared/schemas/fault';
import {
  checkBundle,
  readBundle,
  writeBundle,
  type FaultProjector,
  type ReadOutcome,
  type SyncRefusal,
} from '../../db/sync-store';
import { getDb } from '../../db';
import { applyRestore, makeBackupFile, validateBackup } from '../backup';
import { loadClockConfig } from '../../core';
import { teamKey } from '../../core/team-key';
import { projectFault } from '../faults';

export class NoTeamKeyError extends Error {
  constructor() {
    super('No team key: sync bundles are authenticated with it');
    this.name = 'NoTeamKeyError';
  }
}

function key() {
  const k = teamKey();
  if (!k) throw new NoTeamKeyError();
  return k;
}

/** The faults projection at `now`, with the clock config of this laptop. */
export async function faultProjector(now = new Date()): Promise<FaultProjector> {
  const cfg = await loadClockConfig();
  return (rows: FaultEventRow[], actor: string) => faultRecordSchema.parse(projectFault(rows, cfg, now, actor));
}

/** A bundle for `peer` (undefined: every peer this laptop knows). */
export async function writeSyncBundle(peer?: string, now = Date.now()) {
  return writeBundle(key(), peer, now);
}

/** Merges a bundle file (refused, nothing changed, when it is not this team's, whole and authentic). */
export async function readSyncBundle(bytes: Uint8Array, now = Date.now()): Promise<ReadOutcome> {
  return readBundle(bytes, key(), await faultProjector(new Date(now)), now);
}

/** The i18n key (namespace sync) and values of a refusal. */
export function refusalMessage(r: SyncRefusal): { key: string; values: Record<string, string | number> } {
  switch (r.code) {
    case 'newer-format':
    case 'newer-schema':
      return { key: 'sync:refused.newer', values: {} };
    case 'other-team':
      return { key: 'sync:refused.otherTeam', values: { team: r.teamName ?? r.team } };
    case 'clock-drift':
      return { key: 'sync:refused.clockDrift', values: { device: r.device } };
    default:
      return { key: `sync:refused.${r.code}`, values: {} };
  }
}

/**
 * Reads a bundle with a way back: a snapshot of the whole database is taken first through the
 * backup machinery (an unencrypted backup file kept in memory for this session), and `undo`
 * restores it. Refused bundles take no snapshot worth keeping.
 */
export async function readWithUndo(
  bytes: Uint8Array,
  now = Date.now(),
): Promise<{ outcome: ReadOutcome; undo: Uint8Array | null }> {
  const checked = await checkBundle(bytes, key());
  if (!checked.ok) return { outcome: checked, undo: null };
  const snapshot = (await makeBackupFile(getDb(), 'export', { now: new Date(now) })).data;
  const outcome = await readSyncBundle(bytes, now);
  return { outcome, undo: outcome.ok && outcome.receipt.merged > 0 ? snapshot : null };
}

/** Puts the database back as it was before the import (a restore, audited as one). */
export async function undoImport(snapshot: Uint8Array, from: string): Promise<void> {
  const v = await validateBackup(snapshot);
  if (!v.ok) throw new Error('the snapshot taken before the import cannot be read');
  await applyRestore(getDb(), v.plan, { name: `before the sync import from ${from}` });
}

/** "2 days ago" in the user's language. */
export function relativeTime(iso: string, lng: string, now = Date.now()): string {
  const rtf = new Intl.RelativeTimeFormat(lng, { numeric: 'always' });
  const mins = Math.round((Date.parse(iso) - now) / 60_000);
  if (Math.abs(mins) < 60) return rtf.format(mins, 'minute');
  const hours = Math.round(mins / 60);
  if (Math.abs(hours) < 24) return rtf.format(hours, 'hour');
  return rtf.format(Math.round(hours / 24), 'day');
}

/** A peer more than this far behind is warned about (before the monthly report). */
export const peerLagWarnMs = 3 * 24 * 3600 * 1000;

/** The peers whose changes this laptop last received more than three days before `now`. */
export function peersBehind<P extends { receivedAt: string }>(peers: readonly P[], now = Date.now()): P[] {
  return peers.filter((p) => now - Date.parse(p.receivedAt) > peerLagWarnMs);
}
