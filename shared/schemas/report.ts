import { z } from 'zod';
import { isoInstant, recordBase, cleanString } from './common';

export const reportStatuses = ['issued', 'signed', 'filed', 'void'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportSignatureSchema = z.strictObject({
  role: z.enum(['engineer', 'projectManager', 'clientEngineer']),
  name: cleanString().trim().min(1).max(60),
  signedAt: isoInstant,
  /** PNG data URL captured on screen. */
  image: z.string().max(2_000_000).optional(),
});
export type ReportSignature = z.infer<typeof reportSignatureSchema>;

/** One issued version of a report (registry row). The data it was built from is kept verbatim. */
export const reportRecordSchema = z.strictObject({
  ...recordBase,
  type: z.string().min(1).max(40),
  subjectType: z.string().max(40),
  subjectId: z.string().max(64),
  /** Human document number, shared by all versions. */
  number: z.string().max(40),
  version: z.number().int().positive(),
  language: z.enum(['zh-CN', 'en']),
  title: cleanString().max(200),
  issuedAt: isoInstant,
  issuedBy: z.string().max(64),
  status: z.enum(reportStatuses),
  voidReason: cleanString().max(500).optional(),
  /** The canonical report data (JSON); its fingerprint (data + printed meta, renderer/pdf/hash.ts); the PDF bytes' SHA-256. */
  data: z.unknown(),
  meta: z.unknown(),
  dataHash: z.string().regex(/^[0-9a-f]{64}$/),
  pdfHash: z.string().regex(/^[0-9a-f]{64}$/),
  auditHead: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  pdfAttachmentId: z.string().max(64),
  /** After on-screen signatures: the re-rendered PDF with them (same data hash). */
  signedPdfAttachmentId: z.string().max(64).optional(),
  signedPdfHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** The fingerprint printed on the signed rendering (it covers the signatures, so it differs from dataHash). */
  signedDataHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .optional(),
  /** Every signed rendering kept, oldest first (the newest is signedPdfAttachmentId). */
  signedPdfHistory: z.array(z.string().max(64)).max(12).optional(),
  scanAttachmentId: z.string().max(64).optional(),
  signatures: z.array(reportSignatureSchema).max(6),
  signedAt: isoInstant.optional(),
  filedAt: isoInstant.optional(),
});
export type ReportRecord = z.infer<typeof reportRecordSchema>;
