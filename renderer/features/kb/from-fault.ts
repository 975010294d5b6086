/**
 * "Create article from this fault": a resolved fault's symptoms, root cause, actions and resolution
 * become the first version of a knowledge article linked back to the fault. Reads the faults
 * feature's front door (features/faults/index.ts) and never writes to its tables: the link
 * lives in the article's `faultIds`, and the fault page shows it with `<KbLinks faultId />`.
 */
import { compareLogOrder } from '@shared/domain/fault-log';
import i18next from 'i18next';
import type { ClientSystem } from '@shared/schemas/core';
import type { FaultEventRow, FaultRecord, FaultStatusValue } from '@shared/schemas/fault';
import { getFault, listEvents } from '../faults';
import type { KbArticleContent } from '@shared/schemas/kb';
import { getActor, getDb } from '../../db';
import { KbError, saveArticle, type KbArticle } from './kb.repo';

/** Statuses in which a fault has a root cause and a resolution to write up. */
export const resolvedStatuses: readonly FaultStatusValue[] = ['resolved', 'confirmed', 'closed'];
export const isResolvedStatus = (s: string | undefined) => !!s && (resolvedStatuses as readonly string[]).includes(s);

type Row<T extends FaultEventRow['type']> = Extract<FaultEventRow, { type: T }>;

/** The fields of the first version, pure (tested without a database). */
export function draftFromFault(
  fault: FaultRecord,
  rows: FaultEventRow[],
  system: ClientSystem | undefined,
  authorId: string,
  t = i18next.t.bind(i18next),
): KbArticleContent {
  const log = [...rows].sort(compareLogOrder);
  const resolved = log.filter((r): r is Row<'resolved'> => r.type === 'resolved').at(-1);
  const actions = log.filter((r): r is Row<'action'> => r.type === 'action');
  const steps = actions.map((a) =>
    a.payload.result.trim()
      ? t('kb:fromFault.actionStep', { what: a.payload.what.trim(), result: a.payload.result.trim() })
      : a.payload.what.trim(),
  );
  if (resolved?.payload.resolution.trim())
    steps.push(t('kb:fromFault.resolutionStep', { text: resolved.payload.resolution.trim() }));
  if (resolved?.payload.prevention.trim())
    steps.push(t('kb:fromFault.preventionStep', { text: resolved.payload.prevention.trim() }));
  const symptoms = [fault.symptoms, fault.description]
    .map((s) => s.trim())
    .filter(Boolean)
    .join('\n');
  const content: KbArticleContent = {
    title: fault.symptoms.trim().slice(0, 200),
    family: system?.family ?? 'other',
    symptoms,
    cause: resolved?.payload.rootCause.trim() ?? '',
    steps: steps.map((s) => s.slice(0, 4000)),
    commands: '',
    tags: system?.vendor ? [system.vendor.slice(0, 40)] : [],
    faultIds: [fault.id],
    authorId,
  };
  if (system) content.systemId = system.id;
  return content;
}

/**
 * Writes the first version of an article from a resolved fault and returns it (the caller opens
 * the editor to review it). Refuses a fault that is not resolved or does not exist.
 */
export async function createArticleFromFault(faultId: string): Promise<KbArticle> {
  const db = getDb();
  const fault = await getFault(faultId);
  if (!fault) throw new KbError('kb:errors.faultNotFound');
  if (!isResolvedStatus(fault.status)) throw new KbError('kb:errors.faultNotResolved');
  const rows = await listEvents(faultId, db);
  const system = fault.systemId ? await db.systems.get(fault.systemId) : undefined;
  return saveArticle(draftFromFault(fault, rows, system, getActor()), { note: 'from-fault' });
}
