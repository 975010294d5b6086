import { z } from 'zod';
import { approvalRecordSchema, isoDate, phone, recordBase, cleanString } from './common';

/** Who is on call (7×24) on one day; one entry per date. */
export const rosterEntrySchema = z.strictObject({
  ...recordBase,
  date: isoDate,
  memberId: z.string().min(1).max(64),
  note: cleanString().max(200).optional(),
});
export type RosterEntry = z.infer<typeof rosterEntrySchema>;

/** Consent status of a personnel change (人员变更). */
export const personnelStatuses = ['pending', 'consented', 'refused', 'completed', 'withdrawn'] as const;
export type PersonnelStatus = (typeof personnelStatuses)[number];

/** Replacing a resident engineer: 30 days' written notice and the client's consent (docs/domain.md). */
export const personnelChangeSchema = z.strictObject({
  ...recordBase,
  leavingMemberId: z.string().max(64),
  leavingName: cleanString().trim().min(1).max(40),
  replacementName: cleanString().trim().min(1).max(40),
  replacementPhone: phone,
  replacementProfile: cleanString().max(1000),
  reason: cleanString().max(1000),
  /** The day the written notice went to the client, and the day the replacement takes over. */
  noticeDate: isoDate,
  plannedDate: isoDate,
  status: z.enum(personnelStatuses),
  consentDate: isoDate.optional(),
  consentBy: cleanString().max(60).optional(),
  notes: cleanString().max(2000),
  /**
   * The last notice letter issued for this change: the project manager approved it by PIN at that
   * moment (docs/domain.md, People), and the report's number.
   */
  noticeApproval: approvalRecordSchema.extend({ reportNumber: z.string().max(40) }).optional(),
});
export type PersonnelChange = z.infer<typeof personnelChangeSchema>;
