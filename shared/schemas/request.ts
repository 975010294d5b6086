/**
 * Service requests 需求申请: the same intake as a fault, with a request type, the analysis and a
 * resolution by phone or on site; one 30-minute 5×8 response clock (evaluated, never stored).
 */
import { z } from 'zod';
import { isoInstant, recordBase, cleanString } from './common';
import { reporterSchema } from './fault';

export const requestTypes = ['consultation', 'config-change', 'account-permission', 'installation', 'other'] as const;
export type RequestType = (typeof requestTypes)[number];
export const requestChannels = ['hotline', 'email', 'onsite', 'other'] as const;
export const requestStatuses = ['open', 'responded', 'resolved', 'closed'] as const;
export type RequestStatus = (typeof requestStatuses)[number];
export const resolutionModes = ['phone', 'onsite'] as const;

/** One step of a request's history (kept in the row: a request is small and edited as a whole). */
export const requestLogEntrySchema = z.strictObject({
  at: isoInstant,
  by: z.string().max(64),
  type: z.enum(['received', 'responded', 'analysed', 'resolved', 'closed', 'reopened', 'assigned', 'note']),
  note: cleanString().trim().max(4000).optional(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;

export const serviceRequestSchema = z.strictObject({
  ...recordBase,
  /** `XQ-202611-A-004`: month (Shanghai) received, this laptop's device code, a sequence. */
  number: z.string().regex(/^XQ-\d{6}-[A-Z0-9]{1,3}-\d{3,}$/),
  status: z.enum(requestStatuses),
  type: z.enum(requestTypes),
  channel: z.enum(requestChannels),
  reporter: reporterSchema,
  systemId: z.string().max(64),
  assigneeId: z.string().max(64),
  title: cleanString().trim().min(1).max(200),
  description: cleanString().trim().max(8000),
  receivedAt: isoInstant,
  respondedAt: isoInstant.optional(),
  analysis: cleanString().trim().max(8000).optional(),
  resolutionMode: z.enum(resolutionModes).optional(),
  resolution: cleanString().trim().max(8000).optional(),
  resolvedAt: isoInstant.optional(),
  closedAt: isoInstant.optional(),
  log: z.array(requestLogEntrySchema).max(500),
});
export type ServiceRequest = z.infer<typeof serviceRequestSchema>;
