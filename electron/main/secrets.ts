/**
 * Secrets main keeps for the renderer: the team key and, when the user asks for it, the backup
 * password. Each lives in its own file in userData, encrypted with Electron's `safeStorage` (DPAPI
 * on Windows, the Keychain on macOS, libsecret on Linux) and written atomically; nothing is ever
 * written in plain. Where the OS offers no encryption, nothing is stored and the call fails.
 */
import { readFileSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { SaveTeamKeyRequest, StoredTeamKey } from '@shared/ipc/contract';
import { teamIdOf, teamKeyBytes } from '@shared/util/team-code';
import { writeFileAtomic } from './atomic-file';
import { IpcFailure } from './ipc/errors';

/** The part of Electron's `safeStorage` used here (a fake in tests). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export const TEAM_KEY_FILE = 'team-key.bin';
export const PASSWORD_FILE = 'backup-password.bin';

const storedSchema = z.strictObject({
  teamName: z.string().min(1).max(80),
  key: z.string().regex(/^[A-Za-z0-9+/]+=*$/),
});

function requireEncryption(safe: SafeStorageLike): void {
  if (!safe.isEncryptionAvailable())
    throw new IpcFailure('unsupported', 'The system offers no protected storage (safeStorage) on this computer.');
}

function readSecret(userDataPath: string, file: string, safe: SafeStorageLike): string | null {
  let bytes: Buffer;
  try {
    bytes = readFileSync(join(userDataPath, file));
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return null;
    throw error;
  }
  requireEncryption(safe);
  return safe.decryptString(bytes);
}

async function writeSecret(userDataPath: string, file: string, safe: SafeStorageLike, plain: string): Promise<void> {
  requireEncryption(safe);
  const encrypted = safe.encryptString(plain);
  await mkdir(userDataPath, { recursive: true });
  await writeFileAtomic(join(userDataPath, file), encrypted);
}

/** The stored team key, or null when this laptop has none yet. Throws when the file cannot be decrypted. */
export function loadTeamKey(userDataPath: string, safe: SafeStorageLike): StoredTeamKey | null {
  const text = readSecret(userDataPath, TEAM_KEY_FILE, safe);
  if (text === null) return null;
  const parsed = storedSchema.safeParse(JSON.parse(text));
  if (!parsed.success) throw new IpcFailure('io', 'The stored team key is unreadable.');
  const key = new Uint8Array(Buffer.from(parsed.data.key, 'base64'));
  if (key.length !== teamKeyBytes) throw new IpcFailure('io', 'The stored team key is unreadable.');
  return { teamId: teamIdOf(key), teamName: parsed.data.teamName, key };
}

/** Stores the team key; refuses to replace a different one unless asked to. */
export async function saveTeamKey(
  userDataPath: string,
  safe: SafeStorageLike,
  req: SaveTeamKeyRequest,
): Promise<{ teamId: string; teamName: string }> {
  const current = loadTeamKey(userDataPath, safe);
  if (current && !req.replace && Buffer.compare(Buffer.from(current.key), Buffer.from(req.key)) !== 0)
    throw new IpcFailure(
      'unsupported',
      'This laptop already belongs to a team; replacing its key needs an explicit choice.',
    );
  const teamName = req.teamName.trim();
  await writeSecret(
    userDataPath,
    TEAM_KEY_FILE,
    safe,
    JSON.stringify({ teamName, key: Buffer.from(req.key).toString('base64') }),
  );
  return { teamId: teamIdOf(req.key), teamName };
}

export function loadBackupPassword(userDataPath: string, safe: SafeStorageLike): string | null {
  return readSecret(userDataPath, PASSWORD_FILE, safe);
}

/** Remembers the password (encrypted), or forgets it (the file is removed). */
export async function setBackupPassword(
  userDataPath: string,
  safe: SafeStorageLike,
  password: string | null,
): Promise<void> {
  if (password === null) {
    await rm(join(userDataPath, PASSWORD_FILE), { force: true });
    return;
  }
  await writeSecret(userDataPath, PASSWORD_FILE, safe, password);
}
