/**
 * The sync feature's use of the Dexie adapter (renderer/db/sync-store.ts): the team key, the faults
 * projection for merged fault logs, and the refusal messages.
 */
import { faultRecordSchema, type FaultEventRow } from '@shared/schemas/fault';
import { readBundle, writeBundle, type FaultProjector, type ReadOutcome, type SyncRefusal } from '../../db/sync-store';
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
