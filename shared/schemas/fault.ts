/**
 * Faults 故障: the append-only event log (the truth) and the list projection written with each
 * event. Clock events carry exactly the fields of `FaultEvent` (shared/domain/fault-log.ts) in their
 * payload; the other event types (actions, escalations, confirmations…) live in the same table.
 */
import { z } from 'zod';
import { approvalRecordSchema, email, isoInstant, phone, recordBase, cleanString } from './common';

export const faultChannels = ['hotline', 'email', 'onsite', 'inspection', 'other'] as const;
export const faultTracks = ['remote', 'onsite'] as const;
export const faultComplexities = ['general', 'complex'] as const;
export const faultLevels = [1, 2, 3, 4] as const;
export const faultStatuses = [
  'reported',
  'responded',
  'onsite-requested',
  'arrived',
  'in-progress',
  'waiting-client',
  'resolved',
  'confirmed',
  'closed',
] as const;
export type FaultStatusValue = (typeof faultStatuses)[number];
/** Support tiers: L1 resident engineers, L2 senior experts, L3 the original vendor. */
export const supportTiers = [1, 2, 3] as const;
export const actionKinds = [
  'phone-guidance',
  'remote-login',
  'onsite-visit',
  'config-change',
  'spare-part',
  'vendor-contact',
  'note',
] as const;
export type ActionKind = (typeof actionKinds)[number];
export const clockKinds = ['response', 'reply', 'arrival', 'fix', 'resolution', 'report'] as const;
export const clockStates = ['pending', 'running', 'paused', 'at-risk', 'met', 'breached', 'waived'] as const;

const level = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
const tier = z.union([z.literal(1), z.literal(2), z.literal(3)]);
const text = (max: number) => cleanString().trim().max(max);
const required = (max: number) => cleanString().trim().min(1).max(max);
const note = text(2000).optional();

/** The person at the client who reported the fault, as recorded at intake (a snapshot of the contact). */
export const reporterSchema = z.strictObject({
  contactId: z.string().max(64).optional(),
  name: required(60),
  department: text(60),
  phone,
  email,
});
export type Reporter = z.infer<typeof reporterSchema>;

/** Intake answers behind the proposed level (docs/domain.md, fault levels). */
export const levelAnswersSchema = z.strictObject({
  businessInterrupted: z.boolean().optional(),
  interruptedOverHour: z.boolean().optional(),
  keyDataLost: z.boolean().optional(),
  redundantSideDown: z.boolean().optional(),
  keyBusinessAffected: z.boolean().optional(),
  informationOnly: z.boolean().optional(),
});

const payloads = {
  reported: z.strictObject({
    level,
    channel: z.enum(faultChannels),
    track: z.enum(faultTracks).optional(),
    complexity: z.enum(faultComplexities).optional(),
    proposedLevel: level.optional(),
    overrideReason: text(500).optional(),
    answers: levelAnswersSchema.optional(),
    // The intake itself, so the `faults` row can always be rebuilt from the log alone.
    number: z.string().regex(/^GZ-\d{6}-[A-Z0-9]{1,3}-\d{3,}$/),
    reporter: reporterSchema,
    symptoms: required(200),
    description: text(8000),
    occurredAt: isoInstant,
    systemId: z.string().min(1).max(64),
    assigneeId: z.string().max(64),
    /** Found in an inspection: the run and the checklist item it came from (both link to each other). */
    source: z
      .strictObject({
        inspectionId: z.string().min(1).max(64),
        inspectionNumber: z.string().max(40),
        systemId: z.string().max(64),
        itemId: z.string().max(64),
        itemTitle: text(200),
      })
      .optional(),
  }),
  responded: z.strictObject({ note }),
  replied: z.strictObject({ note }),
  'onsite-requested': z.strictObject({ note }),
  arrived: z.strictObject({ note }),
  paused: z.strictObject({ note }),
  resumed: z.strictObject({ note }),
  resolved: z.strictObject({ rootCause: required(4000), resolution: required(4000), prevention: text(4000) }),
  'report-issued': z.strictObject({
    reportId: z.string().max(64),
    reportNumber: z.string().max(40),
    version: z.number().int().positive(),
  }),
  'report-waived': z.strictObject({ reason: required(1000) }),
  reopened: z.strictObject({ note }),
  closed: z.strictObject({ note }),
  'level-changed': z.strictObject({ level, reason: required(500), from: level.optional() }),
  'track-changed': z.strictObject({ track: z.enum(faultTracks) }),
  /**
   * Intake fields corrected after saving: each changed field with its previous and new value (the
   * history keeps both), and why. A corrected channel counts for the clocks from the report
   * (shared/domain/fault-engine.ts).
   */
  'intake-corrected': z
    .strictObject({
      reason: required(500),
      reporter: z.strictObject({ from: reporterSchema, to: reporterSchema }).optional(),
      channel: z.strictObject({ from: z.enum(faultChannels), to: z.enum(faultChannels) }).optional(),
      complexity: z
        .strictObject({ from: z.enum(faultComplexities).optional(), to: z.enum(faultComplexities) })
        .optional(),
      systemId: z.strictObject({ from: z.string().max(64), to: z.string().min(1).max(64) }).optional(),
      symptoms: z.strictObject({ from: text(200), to: required(200) }).optional(),
    })
    .refine((p) => p.reporter || p.channel || p.complexity || p.systemId || p.symptoms, {
      message: 'nothing corrected',
    }),
  action: z.strictObject({
    kind: z.enum(actionKinds),
    engineerId: z.string().max(64),
    what: required(4000),
    result: text(4000),
    part: text(120).optional(),
    oldSerial: text(80).optional(),
    newSerial: text(80).optional(),
  }),
  escalation: z.strictObject({
    fromTier: tier,
    toTier: tier,
    recipientId: z.string().max(64).optional(),
    recipientName: required(120),
    vendorCaseNumber: text(80).optional(),
    reason: required(2000),
    systemInfo: text(4000),
    actionsSummary: text(8000),
    /**
     * The escalation of a level-1 fault is received and acknowledged by the project manager
     * (docs/domain.md, People): who, and when they typed their PIN.
     */
    receivedBy: approvalRecordSchema.optional(),
  }),
  confirmation: z.strictObject({
    satisfaction: z.number().int().min(1).max(5),
    comment: text(2000),
    confirmedBy: text(60),
  }),
  assignment: z.strictObject({ fromId: z.string().max(64), toId: z.string().min(1).max(64), note }),
  note: z.strictObject({ text: required(4000) }),
} as const;

export type FaultEventType = keyof typeof payloads;
export const faultEventTypes = Object.keys(payloads) as FaultEventType[];
/** Event types the clock engine reads (the `FaultEvent` types of shared/domain/fault-log.ts). */
export const clockEventTypes = [
  'reported',
  'responded',
  'replied',
  'onsite-requested',
  'arrived',
  'paused',
  'resumed',
  'resolved',
  'report-issued',
  'report-waived',
  'reopened',
  'closed',
  'level-changed',
  'track-changed',
  'intake-corrected',
] as const satisfies readonly FaultEventType[];
export type FaultEventPayload<T extends FaultEventType> = z.infer<(typeof payloads)[T]>;

const eventBase = {
  id: z.string().min(1).max(64),
  faultId: z.string().min(1).max(64),
  /** Position in the fault's log (0 = reported); appended in this order, never rewritten. */
  seq: z.number().int().nonnegative(),
  /** When it happened (ISO 8601 with offset); may be earlier than `recordedAt`. */
  at: isoInstant,
  /** Team member who recorded it, or `system` for recorded automatic upgrades. */
  by: z.string().max(64),
  /** When it was written. */
  recordedAt: isoInstant,
};

function eventRow<T extends FaultEventType>(type: T) {
  return z.strictObject({ ...eventBase, type: z.literal(type), payload: payloads[type] });
}

/** One row of `faultEvents`. */
export const faultEventRowSchema = z.discriminatedUnion('type', [
  eventRow('reported'),
  eventRow('responded'),
  eventRow('replied'),
  eventRow('onsite-requested'),
  eventRow('arrived'),
  eventRow('paused'),
  eventRow('resumed'),
  eventRow('resolved'),
  eventRow('report-issued'),
  eventRow('report-waived'),
  eventRow('reopened'),
  eventRow('closed'),
  eventRow('level-changed'),
  eventRow('track-changed'),
  eventRow('intake-corrected'),
  eventRow('action'),
  eventRow('escalation'),
  eventRow('confirmation'),
  eventRow('assignment'),
  eventRow('note'),
]);
export type FaultEventRow = z.infer<typeof faultEventRowSchema>;

/** Parses one event row's payload for its type (the discriminated union above, typed for callers). */
export function parseEventPayload<T extends FaultEventType>(type: T, payload: unknown): FaultEventPayload<T> {
  return payloads[type].parse(payload) as FaultEventPayload<T>;
}

/** The most urgent open clock as of the last write: enough for the list to count down without the log. */
export const urgentClockSchema = z.strictObject({
  kind: z.enum(clockKinds),
  calendar: z.enum(['5x8', '7x24']),
  targetMinutes: z.number().nonnegative(),
  state: z.enum(clockStates),
  dueAt: isoInstant.optional(),
});

/** The `faults` row: a projection of the log for lists, rewritten in the transaction of every event. */
export const faultRecordSchema = z.strictObject({
  ...recordBase,
  /** `GZ-202611-A-003`: month (Shanghai) of the report, this laptop's device code, a sequence. */
  number: z.string().regex(/^GZ-\d{6}-[A-Z0-9]{1,3}-\d{3,}$/),
  status: z.enum(faultStatuses),
  level,
  track: z.enum(faultTracks),
  channel: z.enum(faultChannels),
  complexity: z.enum(faultComplexities).optional(),
  systemId: z.string().max(64),
  assigneeId: z.string().max(64),
  reporter: reporterSchema,
  /** 故障特征: the short line lists show. */
  symptoms: required(200),
  description: text(8000),
  occurredAt: isoInstant,
  reportedAt: isoInstant,
  tier,
  urgent: urgentClockSchema.optional(),
  /** Earliest instant at which an open clock is at risk or breached (badge, alerts); absent when none is open. */
  attentionAt: isoInstant.optional(),
  flags: z.strictObject({
    escalationSuggested: z.boolean(),
    pmAlert: z.boolean(),
    /** Some clock of the fault has breached (open or stopped). */
    breached: z.boolean(),
    reportIssued: z.boolean(),
    reportWaived: z.boolean(),
  }),
  resolvedAt: isoInstant.optional(),
  closedAt: isoInstant.optional(),
  satisfaction: z.number().int().min(1).max(5).optional(),
  /** seq of the last event folded into this row. */
  lastSeq: z.number().int().nonnegative(),
});
export type FaultRecord = z.infer<typeof faultRecordSchema>;
