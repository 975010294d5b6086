/**
 * The team key: one secret shared by the team's laptops. It authenticates the audit chain, backups
 * and sync bundles (HMAC-SHA-256). It is never written in plain anywhere: in Electron main keeps it
 * protected by the OS (safeStorage); in the web build it is a non-extractable WebCrypto key.
 *
 * This module is the one place the rest of the app reaches the key. Whoever loads or creates the key
 * (app start, first-run setup, joining a team) calls `setTeamKey`; everyone else calls `teamKey()`.
 */
export interface TeamKey {
  /** Stable id of the team (not secret): printed on backups so another team's file is named. */
  readonly teamId: string;
  /** The team's display name (not secret). */
  readonly teamName: string;
  /** HMAC-SHA-256 of `data` with the team key. */
  mac(data: Uint8Array): Promise<Uint8Array>;
}

let current: TeamKey | null = null;

export function setTeamKey(key: TeamKey | null): void {
  current = key;
}

/** The loaded team key, or null before setup (or before the key is unlocked at start). */
export function teamKey(): TeamKey | null {
  return current;
}

/** A team key held as a non-extractable WebCrypto HMAC key made from `raw` bytes. */
export async function teamKeyFromBytes(raw: Uint8Array, teamId: string, teamName: string): Promise<TeamKey> {
  const key = await crypto.subtle.importKey(
    'raw',
    raw as Uint8Array<ArrayBuffer>,
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  return {
    teamId,
    teamName,
    async mac(data) {
      return new Uint8Array(await crypto.subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>));
    },
  };
}

/** A fresh random key for tests and the demo (32 bytes). */
export async function randomTeamKey(teamId = 'test-team', teamName = 'Test team'): Promise<TeamKey> {
  return teamKeyFromBytes(crypto.getRandomValues(new Uint8Array(32)), teamId, teamName);
}
