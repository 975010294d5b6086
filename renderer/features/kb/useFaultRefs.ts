import { useLiveQuery } from 'dexie-react-hooks';
import type { FaultRecord } from '@shared/schemas/fault';
import { getDb } from '../../db';

export type FaultRef = Pick<FaultRecord, 'id' | 'number' | 'symptoms' | 'status' | 'systemId'>;

const refOf = (f: FaultRecord): FaultRef => ({
  id: f.id,
  number: f.number,
  symptoms: f.symptoms,
  status: f.status,
  systemId: f.systemId,
});

/** The faults an article links to (a deleted fault simply drops out). */
export function useFaultRefs(ids: string[] | undefined): FaultRef[] | undefined {
  const key = (ids ?? []).join(',');
  return useLiveQuery(async () => {
    if (!key) return [];
    const rows = await getDb().faults.bulkGet(key.split(','));
    return rows.filter((f): f is FaultRecord => !!f).map(refOf);
  }, [key]);
}

/** Every fault, newest first, for the editor's "written from" picker. */
export function useAllFaultRefs(): FaultRef[] | undefined {
  return useLiveQuery(async () => (await getDb().faults.orderBy('reportedAt').reverse().toArray()).map(refOf), []);
}
