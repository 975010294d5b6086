/**
 * Service requests 需求申请: intake like a fault, a type, the analysis, a resolution by phone or on
 * site. Each step updates the row and appends to its history in one transaction with the audit entry.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { ZodError } from 'zod';
import { evaluateRequestClock, type ClockState } from '@shared/domain/fault-clock';
import { contactSchema, type Contact } from '@shared/schemas/core';
import type { Reporter } from '@shared/schemas/fault';
import {
  serviceRequestSchema,
  type RequestLogEntry,
  type RequestStatus,
  type ServiceRequest,
} from '@shared/schemas/request';
import { getActor, getDb, stamp, WriteError, writeTx } from '../../db';
import type { OnsiteDb } from '../../db/db';
import { loadSite, type ClockConfig } from '../../core';
import { nextNumber, numberStem } from '@shared/domain/numbering';

export type { ServiceRequest };

/** A mistake the user can correct: `messageKey` (namespace requests) and the form field it belongs to. */
export class RequestInputError extends Error {
  constructor(
    public messageKey: string,
    public field?: string,
  ) {
    super(messageKey);
    this.name = 'RequestInputError';
  }
}

const table = (db: OnsiteDb = getDb()) => db.serviceRequests;
const graceMs = 60_000;

function unwrap(err: unknown): unknown {
  const inner = err instanceof WriteError && err.code === 'unknown' ? err.cause : err;
  return inner instanceof RequestInputError || inner instanceof ZodError ? inner : err;
}

export interface NewRequest {
  type: ServiceRequest['type'];
  channel: ServiceRequest['channel'];
  reporter: Reporter;
  saveReporterAsContact?: boolean;
  systemId: string;
  assigneeId: string;
  title: string;
  description: string;
  receivedAt: string;
}

/** Logs a request: number (device code inside, so laptops never collide), optional new contact, the row. */
export async function createRequest(input: NewRequest, now = new Date()): Promise<ServiceRequest> {
  const received = Date.parse(input.receivedAt);
  if (Number.isNaN(received)) throw new RequestInputError('requests:errors.timeRequired', 'receivedAt');
  if (received > now.getTime() + graceMs) throw new RequestInputError('requests:errors.future', 'receivedAt');
  const site = await loadSite();
  const reporter = { ...input.reporter };
  let contact: Contact | undefined;
  if (!reporter.contactId && input.saveReporterAsContact) {
    contact = contactSchema.parse(
      stamp(
        {
          kind: 'client',
          name: reporter.name,
          company: site.clientName,
          department: reporter.department,
          title: '',
          phone: reporter.phone,
          email: reporter.email,
          products: [],
          isMaintenanceEngineer: false,
        },
        now,
      ),
    );
    reporter.contactId = contact.id;
  }
  return writeTx(['serviceRequests', 'contacts'], async (db, w) => {
    const at = new Date(input.receivedAt);
    const taken = (await table(db)
      .where('number')
      .startsWith(numberStem('XQ', site.deviceCode, at))
      .keys()) as string[];
    const number = nextNumber(taken, 'XQ', site.deviceCode, at);
    const row = serviceRequestSchema.parse(
      stamp(
        {
          number,
          status: 'open',
          type: input.type,
          channel: input.channel,
          reporter,
          systemId: input.systemId,
          assigneeId: input.assigneeId,
          title: input.title,
          description: input.description,
          receivedAt: input.receivedAt,
          log: [{ at: input.receivedAt, by: getActor(), type: 'received' }],
        },
        now,
      ),
    );
    if (contact) await w.add('contacts', contact, `client ${contact.name} (reporter of ${number})`);
    await w.add('serviceRequests', row, `${number} ${input.type}: ${input.title}`);
    return row;
  }).catch((err: unknown) => {
    throw unwrap(err);
  });
}

export type RequestStep =
  | { type: 'responded'; at: string; note?: string }
  | { type: 'analysed'; at: string; analysis: string }
  | { type: 'resolved'; at: string; resolutionMode: 'phone' | 'onsite'; resolution: string }
  | { type: 'closed'; at: string; note?: string }
  | { type: 'reopened'; at: string; note?: string }
  | { type: 'assigned'; at: string; assigneeId: string; note?: string }
  | { type: 'note'; at: string; note: string };

const allowed: Record<RequestStep['type'], RequestStatus[]> = {
  responded: ['open'],
  analysed: ['open', 'responded'],
  resolved: ['open', 'responded'],
  closed: ['resolved'],
  reopened: ['resolved', 'closed'],
  assigned: ['open', 'responded', 'resolved'],
  note: ['open', 'responded', 'resolved', 'closed'],
};

/** The row after one step (pure): refuses a step the status does not allow or a time out of order. */
export function applyStep(r: ServiceRequest, step: RequestStep, by: string, now: Date): ServiceRequest {
  if (!allowed[step.type].includes(r.status)) throw new RequestInputError('requests:errors.notAllowed');
  const at = Date.parse(step.at);
  if (Number.isNaN(at)) throw new RequestInputError('requests:errors.timeRequired', 'at');
  if (at > now.getTime() + graceMs) throw new RequestInputError('requests:errors.future', 'at');
  if (at < Date.parse(r.receivedAt)) throw new RequestInputError('requests:errors.beforeReceived', 'at');
  const note = 'note' in step && step.note?.trim() ? step.note.trim() : undefined;
  const entry: RequestLogEntry = { at: step.at, by, type: step.type, ...(note ? { note } : {}) };
  const next: ServiceRequest = { ...r, log: [...r.log, entry], updatedAt: now.toISOString(), updatedBy: by };
  switch (step.type) {
    case 'responded':
      return { ...next, status: 'responded', respondedAt: step.at };
    case 'analysed':
      return { ...next, analysis: step.analysis.trim(), log: [...r.log, { ...entry, note: step.analysis.trim() }] };
    case 'resolved':
      if (r.respondedAt && at < Date.parse(r.respondedAt))
        throw new RequestInputError('requests:errors.beforeResponse', 'at');
      // Resolving answers the client: a request resolved without a separate response was responded to then.
      return {
        ...next,
        status: 'resolved',
        respondedAt: r.respondedAt ?? step.at,
        resolutionMode: step.resolutionMode,
        resolution: step.resolution.trim(),
        resolvedAt: step.at,
        log: [...r.log, { ...entry, note: step.resolution.trim() }],
      };
    case 'closed':
      return { ...next, status: 'closed', closedAt: step.at };
    case 'reopened': {
      const reopened: ServiceRequest = { ...next, status: r.respondedAt ? 'responded' : 'open' };
      delete reopened.resolvedAt;
      delete reopened.closedAt;
      return reopened;
    }
    case 'assigned':
      return { ...next, assigneeId: step.assigneeId };
    case 'note':
      return next;
  }
}

export async function requestStep(id: string, step: RequestStep, now = new Date()): Promise<ServiceRequest> {
  return writeTx(['serviceRequests'], async (db, w) => {
    const r = await table(db).get(id);
    if (!r) throw new RequestInputError('requests:errors.notFound');
    const next = serviceRequestSchema.parse(applyStep(r, step, getActor(), now));
    await w.put('serviceRequests', next, `${r.number}: ${step.type}`, 'update');
    return next;
  }).catch((err: unknown) => {
    throw unwrap(err);
  });
}

/** The 30-minute 5×8 response clock at `now` (never stored). */
export function requestClock(
  r: Pick<ServiceRequest, 'receivedAt' | 'respondedAt'>,
  cfg: ClockConfig,
  now: Date,
): ClockState {
  return evaluateRequestClock(r.receivedAt, r.respondedAt, { calendar: cfg.calendar, policy: cfg.policy, now });
}

export function useRequests(): ServiceRequest[] | undefined {
  return useLiveQuery(() => table().orderBy('receivedAt').reverse().toArray(), []);
}
export function useRequest(id: string): ServiceRequest | null | undefined {
  return useLiveQuery(async () => (await table().get(id)) ?? null, [id]);
}
