/**
 * Monthly inspections: plans (systems, engineers, template snapshots), answers saved one by one as
 * they are given (each its own small transaction with its audit entry), and finishing. Anomaly
 * escalation lives in escalate.ts, trends in trends.repo.ts.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import {
  inspectionAnswerSchema,
  inspectionSchema,
  type Inspection,
  type InspectionAnswer,
  type InspectionEvent,
  type InspectionMode,
  type InspectionSystem,
  type TemplateSnapshot,
} from '@shared/schemas/inspection';
import { ZodError } from 'zod';
import { canonicalJson } from '@shared/util/hash';
import { getActor, getDb, WriteError, writeTx, type TableName, type Writer } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { loadSite } from '../../core';
import { answerId, evidenceOwnerType } from './ids';
import {
  answerKey,
  finishProblems,
  impossibleValue,
  itemsForMode,
  type AnswerFields,
  type Problem,
  type RunSystem,
} from '@shared/domain/inspection-judge';
import { getTemplate, snapshotOf } from './templates.repo';

export type { Inspection, InspectionAnswer };
export { answerId, evidenceOwnerType };

/** An error the user can act on; `messageKey` in the inspections namespace, `problems` when finishing is refused. */
export class InspectionError extends Error {
  constructor(
    public messageKey: string,
    public problems: Problem[] = [],
  ) {
    super(messageKey);
    this.name = 'InspectionError';
  }
}

/** writeTx wraps whatever is thrown inside; errors the user can act on (and zod's) must come out as they are. */
export async function inspectionTx<R>(tables: TableName[], fn: (db: OnsiteDb, w: Writer) => Promise<R>): Promise<R> {
  try {
    return await writeTx(tables, fn);
  } catch (err) {
    const inner = err instanceof WriteError && err.code === 'unknown' ? err.cause : err;
    const isUsers =
      inner instanceof InspectionError ||
      inner instanceof ZodError ||
      (!!inner && typeof inner === 'object' && 'messageKey' in inner && !(inner instanceof WriteError));
    throw isUsers ? inner : err;
  }
}

const inspections = (db: OnsiteDb = getDb()) => db.inspections;
const answers = (db: OnsiteDb = getDb()) => db.inspectionAnswers;

export function useInspections(): Inspection[] | undefined {
  return useLiveQuery(
    async () =>
      (await inspections().toArray()).sort(
        (a, b) => b.month.localeCompare(a.month) || b.createdAt.localeCompare(a.createdAt),
      ),
    [],
  );
}
export function useInspection(id: string | undefined): Inspection | null | undefined {
  return useLiveQuery(async () => (id ? ((await inspections().get(id)) ?? null) : null), [id]);
}
export function listAnswers(inspectionId: string, db: OnsiteDb = getDb()): Promise<InspectionAnswer[]> {
  return answers(db).where('inspectionId').equals(inspectionId).toArray();
}
export function useAnswers(inspectionId: string | undefined): InspectionAnswer[] | undefined {
  return useLiveQuery(() => (inspectionId ? listAnswers(inspectionId) : []), [inspectionId]);
}
/** Answers of every inspection, grouped by inspection id (the list page's progress bars). */
export function useAnswersByInspection(): Map<string, InspectionAnswer[]> | undefined {
  return useLiveQuery(async () => {
    const out = new Map<string, InspectionAnswer[]>();
    for (const a of await answers().toArray()) out.set(a.inspectionId, [...(out.get(a.inspectionId) ?? []), a]);
    return out;
  }, []);
}

/**
 * Evidence count per answer id of one inspection, read from the index alone (no image bytes loaded).
 * Returns Dexie's promise (no async function): it runs inside transactions, where awaiting a native
 * promise chain loses the transaction and commits it early.
 */
export function evidenceCounts(inspectionId: string, db: OnsiteDb = getDb()): Promise<Map<string, number>> {
  return db.attachments
    .where('[ownerType+ownerId]')
    .between([evidenceOwnerType, `${inspectionId}:`], [evidenceOwnerType, `${inspectionId}:\uffff`])
    .keys()
    .then((keys) => {
      const out = new Map<string, number>();
      for (const [, owner] of keys as unknown as [string, string][]) out.set(owner, (out.get(owner) ?? 0) + 1);
      return out;
    });
}
export function useEvidenceCounts(inspectionId: string | undefined): Map<string, number> | undefined {
  return useLiveQuery(() => (inspectionId ? evidenceCounts(inspectionId) : new Map<string, number>()), [inspectionId]);
}

/** The items each system of a run asks for, in order (the template snapshot filtered by the run's mode). */
export function runSystems(i: Pick<Inspection, 'systems' | 'templates' | 'mode'>): RunSystem[] {
  return i.systems.map((s) => ({
    systemId: s.systemId,
    items: itemsForMode(i.templates[s.templateRef] ?? { items: [] }, i.mode),
  }));
}

export interface PlanSystemInput {
  systemId: string;
  engineerId: string;
  /** A template entry id (built-in `builtin-x@1` or a stored version's row id). */
  templateId: string;
}
export interface PlanInput {
  month: string;
  mode: InspectionMode;
  dueDate: string;
  note?: string;
  systems: PlanSystemInput[];
}

async function planSystems(
  db: OnsiteDb,
  input: PlanSystemInput[],
  keep: Inspection | undefined,
): Promise<{ systems: InspectionSystem[]; templates: Record<string, TemplateSnapshot> }> {
  const systems: InspectionSystem[] = [];
  const templates: Record<string, TemplateSnapshot> = {};
  for (const p of input) {
    const sys = await db.systems.get(p.systemId);
    if (!sys) throw new InspectionError('inspections:errors.systemMissing');
    const entry = await getTemplate(p.templateId);
    if (!entry) throw new InspectionError('inspections:errors.templateMissing');
    const ref = `${entry.template.templateKey}@${entry.template.version}`;
    // A plan keeps the snapshot it already holds: re-planning never rewrites what a run is using.
    templates[ref] = keep?.templates[ref] ?? snapshotOf(entry.template);
    systems.push({
      systemId: sys.id,
      name: sys.name,
      family: sys.family,
      vendor: sys.vendor,
      model: sys.model,
      version: sys.version,
      location: sys.location,
      engineerId: p.engineerId,
      templateRef: ref,
    });
  }
  return { systems, templates };
}

/** Plans a monthly inspection: number, system particulars and template snapshots, in one transaction. */
export async function createPlan(input: PlanInput, now = new Date()): Promise<Inspection> {
  if (input.systems.length === 0) throw new InspectionError('inspections:errors.noSystems');
  const site = await loadSite();
  return inspectionTx(['inspections', 'systems', 'inspectionTemplates'], async (db, w) => {
    const { systems, templates } = await planSystems(db, input.systems, undefined);
    const prefix = `XJRW-${input.month.replace('-', '')}-${site.deviceCode}-`;
    const taken = (await inspections(db).where('number').startsWith(prefix).keys()) as string[];
    const seq = Math.max(0, ...taken.map((n) => Number(n.slice(prefix.length)) || 0)) + 1;
    const iso = now.toISOString();
    const row = inspectionSchema.parse({
      id: crypto.randomUUID(),
      createdAt: iso,
      updatedAt: iso,
      updatedBy: getActor(),
      number: `${prefix}${String(seq).padStart(2, '0')}`,
      month: input.month,
      mode: input.mode,
      status: 'planned',
      dueDate: input.dueDate,
      systems,
      templates,
      events: [{ type: 'planned', at: iso, by: getActor() }],
      ...(input.note?.trim() ? { note: input.note.trim() } : {}),
    });
    await w.add('inspections', row, `${row.number} ${row.month} ${row.mode}: ${systems.length} systems`);
    return row;
  });
}

/** Changes an unfinished plan. A system that already has answers cannot be taken out (its answers would be orphaned). */
export async function updatePlan(id: string, input: PlanInput, now = new Date()): Promise<Inspection> {
  if (input.systems.length === 0) throw new InspectionError('inspections:errors.noSystems');
  return inspectionTx(['inspections', 'inspectionAnswers', 'systems', 'inspectionTemplates'], async (db, w) => {
    const current = await inspections(db).get(id);
    if (!current) throw new InspectionError('inspections:errors.notFound');
    if (current.status === 'finished') throw new InspectionError('inspections:errors.finished');
    const kept = new Set(input.systems.map((s) => s.systemId));
    const answered = new Set((await listAnswers(id, db)).map((a) => a.systemId));
    if ([...answered].some((s) => !kept.has(s))) throw new InspectionError('inspections:errors.removeAnswered');
    const { systems, templates } = await planSystems(db, input.systems, current);
    const iso = now.toISOString();
    const event: InspectionEvent = {
      type: 'plan-changed',
      at: iso,
      by: getActor(),
      summary: `${systems.length} systems, due ${input.dueDate}`,
    };
    const row = inspectionSchema.parse({
      ...current,
      month: input.month,
      mode: input.mode,
      dueDate: input.dueDate,
      note: input.note?.trim() || undefined,
      systems,
      templates,
      events: [...current.events, event],
      updatedAt: iso,
      updatedBy: getActor(),
    });
    await w.put('inspections', row, `${row.number} plan changed: ${event.summary}`, 'update');
    return row;
  });
}

/** What one autosave writes: any answer field; `undefined` clears a field. */
export type AnswerPatch = Partial<AnswerFields & Pick<InspectionAnswer, 'solved'>>;

/**
 * Saves one answer as it is given: the answer row (created on first touch) and its audit entry, and
 * on the very first answer the inspection becomes in progress, all in one small transaction. A
 * finished inspection refuses changes.
 */
export async function saveAnswer(
  inspectionId: string,
  systemId: string,
  itemId: string,
  patch: AnswerPatch,
  now = new Date(),
): Promise<InspectionAnswer> {
  const id = answerId(inspectionId, systemId, itemId);
  const iso = now.toISOString();
  return inspectionTx(['inspectionAnswers', 'inspections'], async (db, w) => {
    const insp = await inspections(db).get(inspectionId);
    if (!insp) throw new InspectionError('inspections:errors.notFound');
    if (insp.status === 'finished') throw new InspectionError('inspections:errors.finished');
    if (patch.value !== undefined) {
      const sys = insp.systems.find((s) => s.systemId === systemId);
      const spec = sys && insp.templates[sys.templateRef]?.items.find((it) => it.id === itemId)?.answer;
      // The field refuses these as they are typed (AnswerInput.tsx); an import or a script is refused here.
      if (spec?.type === 'number' && impossibleValue(spec, patch.value))
        throw new InspectionError('inspections:errors.impossibleValue');
    }
    const existing = await answers(db).get(id);
    const merged: Record<string, unknown> = {
      ...(existing ?? { id, createdAt: iso, inspectionId, systemId, itemId }),
      ...patch,
      updatedAt: iso,
      updatedBy: getActor(),
      answeredBy: getActor(),
      answeredAt: iso,
    };
    for (const k of Object.keys(merged)) if (merged[k] === undefined || merged[k] === '') delete merged[k];
    const row = inspectionAnswerSchema.parse(merged);
    // The same answer confirmed twice (Enter, then the blur of the focus move) is one answer: no
    // second write, no second audit entry.
    if (existing && insp.status !== 'planned' && sameAnswer(existing, row)) return existing;
    const fields = Object.keys(patch).join(',');
    const summary = `${insp.number} ${systemId.slice(0, 8)} ${itemId}: ${fields}`;
    await w.put('inspectionAnswers', row, summary, existing ? 'update' : 'create');
    if (insp.status === 'planned') {
      await w.put('inspections', {
        ...insp,
        status: 'in-progress',
        startedAt: iso,
        events: [...insp.events, { type: 'started', at: iso, by: getActor() }],
        updatedAt: iso,
        updatedBy: getActor(),
      }, `${insp.number} started`, 'update');
    }
    return row;
  });
}

/** Fields that only say who saved when; equal answers may differ in them. */
const stampFields = new Set(['updatedAt', 'updatedBy', 'answeredBy', 'answeredAt']);
function sameAnswer(a: InspectionAnswer, b: InspectionAnswer): boolean {
  const content = (x: InspectionAnswer) =>
    canonicalJson(Object.fromEntries(Object.entries(x).filter(([k, v]) => !stampFields.has(k) && v !== undefined)));
  return content(a) === content(b);
}

/** The unresolved problems of a run (unanswered required items, abnormal items without note or countermeasure, missing evidence). */
export function runProblems(i: Inspection, db: OnsiteDb = getDb()): Promise<Problem[]> {
  // Dexie promises only (see evidenceCounts): this runs inside finishInspection's transaction.
  return listAnswers(i.id, db).then((rows) =>
    evidenceCounts(i.id, db).then((evidence) => {
      const byKey = new Map(rows.map((a) => [answerKey(a.systemId, a.itemId), a]));
      return finishProblems(runSystems(i), byKey, (s, item) => evidence.get(answerId(i.id, s, item)) ?? 0);
    }),
  );
}

/** Finishes an inspection; refuses (with the list) while anything required is missing. */
export async function finishInspection(id: string, now = new Date()): Promise<Inspection> {
  return inspectionTx(['inspections', 'inspectionAnswers', 'attachments'], async (db, w) => {
    const current = await inspections(db).get(id);
    if (!current) throw new InspectionError('inspections:errors.notFound');
    if (current.status === 'finished') return current;
    const problems = await runProblems(current, db);
    if (problems.length) throw new InspectionError('inspections:errors.finishBlocked', problems);
    const iso = now.toISOString();
    const row: Inspection = {
      ...current,
      status: 'finished',
      startedAt: current.startedAt ?? iso,
      finishedAt: iso,
      events: [...current.events, { type: 'finished', at: iso, by: getActor() }],
      updatedAt: iso,
      updatedBy: getActor(),
    };
    await w.put('inspections', row, `${row.number} finished`, 'update');
    return row;
  });
}

/** Where a run resumes: the system of the most recent answer, at its first unanswered item. */
export function resumePoint(
  i: Inspection,
  rows: InspectionAnswer[],
  isDone: (systemId: string, itemId: string) => boolean,
): { systemId: string; itemId?: string } | undefined {
  const systems = runSystems(i);
  if (!systems.length) return undefined;
  const last = rows.reduce<InspectionAnswer | undefined>(
    (m, a) => (!m || a.updatedAt > m.updatedAt ? a : m),
    undefined,
  );
  const start = Math.max(0, last ? systems.findIndex((s) => s.systemId === last.systemId) : 0);
  // From the last system touched onwards (then wrapping), the first item still open.
  for (let k = 0; k < systems.length; k++) {
    const s = systems[(start + k) % systems.length];
    const open = s.items.find((item) => !isDone(s.systemId, item.id));
    if (open) return { systemId: s.systemId, itemId: open.id };
  }
  return { systemId: systems[start].systemId };
}
