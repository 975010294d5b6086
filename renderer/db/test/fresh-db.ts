/**
 * The one test database helper: a fresh database on fake-indexeddb (tests/setup-web.ts), set as
 * the app's database, with an actor and a random team key. Tests only.
 */
import { randomTeamKey, setTeamKey, type TeamKey } from '../../core/team-key';
import type { SiteSettings } from '@shared/schemas/core';
import { OnsiteDb } from '../db';
import { setActor, setDb } from '../index';

export interface TestDb {
  db: OnsiteDb;
  key: TeamKey | null;
  /** Closes the database and clears the app's database and key. */
  close(): void;
}

export async function freshTestDb(
  opts: { actor?: string; upTo?: number; key?: boolean; name?: string } = {},
): Promise<TestDb> {
  const db = new OnsiteDb(opts.name ?? `test-${crypto.randomUUID()}`, opts.upTo);
  await db.open();
  setDb(db);
  setActor(opts.actor ?? 'u1');
  const key = opts.key === false ? null : await randomTeamKey();
  setTeamKey(key);
  return {
    db,
    key,
    close() {
      db.close();
      setDb(null);
      setTeamKey(null);
    },
  };
}

/**
 * The site row most tests need: set up, device A, user u1, plain names. `patch` changes any field
 * (`deviceCode: 'B'` for a test of numbering on another laptop).
 */
export async function seedSite(db: OnsiteDb, patch: Partial<SiteSettings> = {}): Promise<SiteSettings> {
  const site: SiteSettings = {
    key: 'site',
    setupComplete: true,
    deviceCode: 'A',
    currentUserId: 'u1',
    providerName: 'P',
    clientName: 'C',
    clientAddress: '',
    projectName: '',
    isDemo: false,
    updatedAt: new Date().toISOString(),
    updatedBy: 'system',
    ...patch,
  };
  await db.settings.put(site);
  return site;
}
