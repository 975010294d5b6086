/**
 * Loading and creating the team key around renderer/core/team-key.ts.
 *
 * - Electron: main keeps the key encrypted with safeStorage (electron/main/secrets.ts). At start
 *   `teamkey:load` returns its bytes once; they are imported as a non-extractable WebCrypto key
 *   (`teamKeyFromBytes`) and the array is wiped. They are fetched again only when a person asks to
 *   see the team code (Settings → Team, after a confirmation).
 * - Browser build: a non-extractable CryptoKey in an IndexedDB of its own
 *   (renderer/platform/web-team-key.ts). Its bytes cannot be read back, so the code is shown only
 *   once, when the key is created.
 *
 * Either way the key never reaches the app's database, localStorage, logs or backups.
 */
import { formatTeamCode, parseTeamCode, teamIdOf, teamKeyBytes, teamQrText } from '@shared/util/team-code';
import { platform } from '../platform';
import { webTeamKeyLoad, webTeamKeySave } from '../platform/web-team-key';
import { setTeamKey, teamKey, teamKeyFromBytes, type TeamKey } from './team-key';

const inElectron = () => typeof window !== 'undefined' && Boolean(window.api);

/** What a person copies to the other laptops: the typeable code and the QR code's text. */
export interface TeamCode {
  code: string;
  qr: string;
  teamId: string;
  teamName: string;
}

function fromCryptoKey(key: CryptoKey, teamId: string, teamName: string): TeamKey {
  return {
    teamId,
    teamName,
    async mac(data) {
      return new Uint8Array(await crypto.subtle.sign('HMAC', key, data as Uint8Array<ArrayBuffer>));
    },
  };
}

/** Loads this laptop's key (if any) and makes it current. Call at start, before any write. */
export async function loadTeamKey(): Promise<TeamKey | null> {
  let key: TeamKey | null = null;
  if (inElectron()) {
    const stored = await platform.teamKeyLoad();
    if (stored) {
      key = await teamKeyFromBytes(stored.key, stored.teamId, stored.teamName);
      stored.key.fill(0);
    }
  } else {
    const rec = await webTeamKeyLoad();
    if (rec) key = fromCryptoKey(rec.key, rec.teamId, rec.teamName);
  }
  setTeamKey(key);
  return key;
}

async function install(raw: Uint8Array, teamName: string, replace: boolean): Promise<TeamCode> {
  const name = teamName.trim();
  const teamId = teamIdOf(raw);
  const code: TeamCode = { code: formatTeamCode(raw), qr: teamQrText(raw, name), teamId, teamName: name };
  if (inElectron()) {
    const saved = await platform.teamKeySave({ teamName: name, key: raw, replace });
    setTeamKey(await teamKeyFromBytes(raw, saved.teamId, saved.teamName));
  } else {
    const rec = await webTeamKeySave(raw, teamId, name);
    setTeamKey(fromCryptoKey(rec.key, rec.teamId, rec.teamName));
  }
  raw.fill(0);
  return code;
}

/** A new team: a fresh random key, stored and made current. Returns its code to show once. */
export function createTeamKey(teamName: string): Promise<TeamCode> {
  return install(crypto.getRandomValues(new Uint8Array(teamKeyBytes)), teamName, false);
}

/** Raised when a typed code is refused; `messageKey` (namespace `settings`) says why. */
export class TeamCodeError extends Error {
  constructor(
    public messageKey: string,
    public params: Record<string, string> = {},
  ) {
    super(messageKey);
    this.name = 'TeamCodeError';
  }
}

/** i18n key (namespace `settings`) for a code `parseTeamCode` refuses, or null when it is valid. */
export function teamCodeProblem(input: string): { key: string; params: Record<string, string> } | null {
  const parsed = parseTeamCode(input);
  if (parsed.ok) return null;
  return { key: `teamKey.codeError.${parsed.reason}`, params: { char: parsed.detail ?? '' } };
}

/** Joins an existing team with the code another laptop shows. */
export async function joinTeam(input: string, teamName: string, replace = false): Promise<TeamCode> {
  const parsed = parseTeamCode(input);
  if (!parsed.ok) throw new TeamCodeError(`settings:teamKey.codeError.${parsed.reason}`, { char: parsed.detail ?? '' });
  return install(parsed.key, teamName, replace);
}

/** True when this build can show the code again later (Electron: main holds the bytes). */
export function canRevealTeamCode(): boolean {
  return inElectron();
}

/** The code of the current key, fetched from main on a person's explicit request; null in the browser. */
export async function revealTeamCode(): Promise<TeamCode | null> {
  if (!inElectron()) return null;
  const stored = await platform.teamKeyLoad();
  if (!stored) return null;
  const out = {
    code: formatTeamCode(stored.key),
    qr: teamQrText(stored.key, stored.teamName),
    teamId: stored.teamId,
    teamName: stored.teamName,
  };
  stored.key.fill(0);
  return out;
}

/**
 * A laptop set up before team keys existed (or the demo site) has records but no key: it gets a
 * new one, named after the provider, so every later write and backup is authenticated.
 */
export async function ensureTeamKey(teamName: string): Promise<TeamKey> {
  const current = teamKey();
  if (current) return current;
  await createTeamKey(teamName);
  return teamKey()!;
}
