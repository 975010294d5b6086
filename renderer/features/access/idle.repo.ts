/** The idle time after which the app locks itself (Settings → Access), kept in `meta` and audited. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getActor, getDb, writeTx } from '../../db';

export const IDLE_KEY = 'access.idleMinutes';
export const DEFAULT_IDLE_MINUTES = 10;
export const MIN_IDLE_MINUTES = 1;
export const MAX_IDLE_MINUTES = 240;

const valid = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= MIN_IDLE_MINUTES && v <= MAX_IDLE_MINUTES;

/** Minutes without input before the app locks (the default until someone changes it). */
export function useIdleMinutes(): number {
  const v = useLiveQuery(async () => (await getDb().meta.get(IDLE_KEY))?.value, []);
  return valid(v) ? v : DEFAULT_IDLE_MINUTES;
}

export async function saveIdleMinutes(minutes: number): Promise<void> {
  if (!valid(minutes)) throw new RangeError(`idle minutes out of range: ${minutes}`);
  await writeTx(['meta'], async (db, w) => {
    const old = (await db.meta.get(IDLE_KEY))?.value;
    await db.meta.put({ key: IDLE_KEY, value: minutes });
    await w.log(
      'settings',
      IDLE_KEY,
      'settings',
      `idle lock: ${valid(old) ? old : DEFAULT_IDLE_MINUTES} → ${minutes} min`,
      getActor(),
    );
  });
}
