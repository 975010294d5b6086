/**
 * The manifest of the backups this laptop wrote into a folder: `.onsite-desk-<install id>.manifest.json`,
 * one per installation so laptops sharing a folder never write the same file. Retention deletes
 * only files listed here whose name carries this laptop's device code (shared/ipc/backup-retention.ts);
 * a pin is recorded here too. Written atomically; an unreadable manifest counts as empty, which
 * makes retention delete nothing (the safe side).
 */
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-file';
import type { BackupFs } from './backup-store';

const entrySchema = z.looseObject({
  sha256: z.string(),
  size: z.number(),
  reason: z.string(),
  pinned: z.boolean(),
  writtenAt: z.string(),
});
export type ManifestEntry = z.infer<typeof entrySchema>;

const manifestSchema = z.looseObject({
  kind: z.literal('onsite-desk-backup-manifest'),
  version: z.literal(1),
  installId: z.string(),
  deviceCode: z.string(),
  files: z.record(z.string(), entrySchema),
});
export type BackupManifest = z.infer<typeof manifestSchema>;

export function manifestName(installId: string): string {
  return `.onsite-desk-${installId}.manifest.json`;
}

/** Reads this installation's manifest in `folder`; a missing or malformed one is empty. */
export async function readManifest(
  fs: BackupFs,
  folder: string,
  installId: string,
  deviceCode: string,
): Promise<BackupManifest> {
  const empty: BackupManifest = { kind: 'onsite-desk-backup-manifest', version: 1, installId, deviceCode, files: {} };
  try {
    const text = await fs.readFile(join(folder, manifestName(installId)), 'utf8');
    const parsed = manifestSchema.safeParse(JSON.parse(text));
    // A manifest of another installation copied under our name is not ours.
    return parsed.success && parsed.data.installId === installId ? parsed.data : empty;
  } catch {
    return empty;
  }
}

export async function writeManifest(folder: string, manifest: BackupManifest): Promise<void> {
  await writeFileAtomic(
    join(folder, manifestName(manifest.installId)),
    new TextEncoder().encode(JSON.stringify(manifest, null, 2)),
  );
}
