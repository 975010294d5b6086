/**
 * The one test database helper: a fresh database on fake-indexeddb (tests/setup-web.ts), set as
 * the app's database, with an actor and a random team key. Tests only.
 */
import { randomTeamKey, setTeamKey, type TeamKey } from '../../core/team-key';
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
