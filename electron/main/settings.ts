/**
 * Main-process settings kept in userData/settings.json: only what main itself needs before the
 * renderer's database is open (the backup folder). Everything else lives in the renderer's Dexie.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { z } from 'zod';
import { readJsonFileSync, writeJsonAtomicSync } from './atomic-file';

// Unknown keys are kept (looseObject) so an older app version never drops a newer one's settings.
const settingsSchema = z.looseObject({
  backupFolder: z.string().min(1).optional(),
  /** Names this installation's manifest in backup folders (backup-manifest.ts). */
  installId: z
    .string()
    .regex(/^[0-9a-f]{12}$/)
    .optional(),
});

export type MainSettings = z.infer<typeof settingsSchema>;

/** Reads userData/settings.json; a missing or malformed file counts as empty settings. */
export function readSettings(userDataPath: string): MainSettings {
  const parsed = settingsSchema.safeParse(readJsonFileSync(join(userDataPath, 'settings.json')));
  return parsed.success ? parsed.data : {};
}

/** Merges `patch` into userData/settings.json (atomic write). */
export function updateSettings(userDataPath: string, patch: Partial<MainSettings>): MainSettings {
  const next = { ...readSettings(userDataPath), ...patch };
  writeJsonAtomicSync(join(userDataPath, 'settings.json'), next);
  return next;
}

/** This installation's id, created on first use. */
export function ensureInstallId(userDataPath: string): string {
  const current = readSettings(userDataPath).installId;
  if (current) return current;
  const id = randomBytes(6).toString('hex');
  updateSettings(userDataPath, { installId: id });
  return id;
}
