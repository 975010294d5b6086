/**
 * Authenticated backups (format 2): the header names the team (id and name, not secret) and
 * carries an HMAC-SHA-256, with the team key (renderer/core/team-key.ts), over
 *
 *   "onsite-desk backup mac 2\n" | canonical JSON of the header without `mac` | "\n" | manifest JSON
 *
 * The manifest holds the SHA-256 of every table section and every binary value, so the MAC covers
 * every byte of the content; the header (encryption parameters, lengths, team) is covered too.
 * Someone who edits a file and recomputes every hash still cannot recompute the MAC without the key.
 *
 * Format 1 files (written before team keys) carry no MAC: they are "unauthenticated" and are
 * restored only through the same explicit second choice as a file whose MAC fails (see
 * docs/backup.md).
 */
import { bytesToHex, canonicalJson } from '@shared/util/hash';
import type { TeamKey } from '../../core/team-key';
import type { Header } from './format-types';

export type BackupAuth =
  /** Made by this team, not altered since. */
  | { status: 'ok'; teamId: string; teamName: string }
  /** Names this team, but the MAC does not match: altered, or made without the key. */
  | { status: 'bad-mac'; teamId: string; teamName: string }
  /** A format 1 file: no MAC, nothing proves where it came from. */
  | { status: 'unauthenticated' }
  /** This laptop has no team key loaded: nothing can be checked. */
  | { status: 'no-key'; teamId: string; teamName: string };

/** Thrown by the encoder when no team key is loaded: an unauthenticated backup is never written. */
export class NoTeamKeyError extends Error {
  constructor() {
    super('No team key is loaded: backups cannot be authenticated');
    this.name = 'NoTeamKeyError';
  }
}

function macMessage(header: Header, manifestJson: Uint8Array): Uint8Array {
  const { mac: _mac, ...rest } = header;
  const head = new TextEncoder().encode(`onsite-desk backup mac 2\n${canonicalJson(rest)}\n`);
  const out = new Uint8Array(head.length + manifestJson.length);
  out.set(head, 0);
  out.set(manifestJson, head.length);
  return out;
}

/** The header's `mac` for this header (its `mac` ignored) and manifest. */
export async function backupMac(key: TeamKey, header: Header, manifestJson: Uint8Array): Promise<string> {
  return bytesToHex(await key.mac(macMessage(header, manifestJson)));
}

/** Compares in time independent of where the strings differ. */
function sameHex(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/** Checks a decoded file's MAC (a file of another team is refused before this, in format-decode.ts). */
export async function checkAuth(header: Header, manifestJson: Uint8Array, key: TeamKey | null): Promise<BackupAuth> {
  if (!header.team || !header.mac) return { status: 'unauthenticated' };
  const team = { teamId: header.team.id, teamName: header.team.name };
  if (!key) return { status: 'no-key', ...team };
  const ok = sameHex(await backupMac(key, header, manifestJson), header.mac);
  return { status: ok ? 'ok' : 'bad-mac', ...team };
}
