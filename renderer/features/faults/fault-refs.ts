/**
 * What other features (the knowledge base) read about faults: short references and plain reads.
 * They call these instead of opening the fault tables themselves.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { FaultRecord } from '@shared/schemas/fault';
import { getDb } from '../../db';
import type { OnsiteDb } from '../../db/db';

export type FaultRef = Pick<FaultRecord, 'id' | 'number' | 'symptoms' | 'status' | 'systemId'>;

const faults = (db: OnsiteDb = getDb()) => db.faults;

const refOf = (f: FaultRecord): FaultRef => ({
  id: f.id,
  number: f.number,
  symptoms: f.symptoms,
  status: f.status,
  systemId: f.systemId,
});

/** Every fault record (for a seed that links demo records to demo faults). */
export function listFaults(db: OnsiteDb = getDb()): Promise<FaultRecord[]> {
  return faults(db).toArray();
}

/** The faults an article links to (a deleted fault simply drops out). */
export function useFaultRefs(ids: string[] | undefined): FaultRef[] | undefined {
  const key = (ids ?? []).join(',');
  return useLiveQuery(async () => {
    if (!key) return [];
    const rows = await faults().bulkGet(key.split(','));
    return rows.filter((f): f is FaultRecord => !!f).map(refOf);
  }, [key]);
}

/** Every fault, newest first, for the editor's "written from" picker. */
export function useAllFaultRefs(): FaultRef[] | undefined {
  return useLiveQuery(async () => (await faults().orderBy('reportedAt').reverse().toArray()).map(refOf), []);
}
