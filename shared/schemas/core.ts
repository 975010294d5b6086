import { z } from 'zod';
import { deviceCode, email, isoInstant, phone, recordBase, cleanString } from './common';

export const teamRoles = ['pm', 'engineer'] as const;
export const teamMemberSchema = z.strictObject({
  ...recordBase,
  name: cleanString().trim().min(1).max(40),
  role: z.enum(teamRoles),
  phone,
  email: email.optional(),
  active: z.boolean(),
});
export type TeamMember = z.infer<typeof teamMemberSchema>;

/** client: the client's people; expert: the provider's L2 senior experts; vendor: an original vendor's support line (L3). */
export const contactKinds = ['client', 'expert', 'vendor'] as const;
export const contactSchema = z.strictObject({
  ...recordBase,
  kind: z.enum(contactKinds),
  name: cleanString().trim().min(1).max(60),
  company: cleanString().trim().max(80),
  department: cleanString().trim().max(60),
  title: cleanString().trim().max(60),
  phone,
  email,
  /** Products this contact supports (vendor / expert). */
  products: z.array(cleanString().max(60)).max(50),
  /** The client's maintenance engineer signs inspection reports. */
  isMaintenanceEngineer: z.boolean(),
});
export type Contact = z.infer<typeof contactSchema>;

export const systemFamilies = ['virtualization', 'private-cloud', 'pam', 'security', 'backup-dr', 'other'] as const;
export type SystemFamily = (typeof systemFamilies)[number];
export const systemSchema = z.strictObject({
  ...recordBase,
  name: cleanString().trim().min(1).max(80),
  family: z.enum(systemFamilies),
  vendor: cleanString().trim().max(60),
  model: cleanString().trim().max(60),
  version: cleanString().trim().max(40),
  location: cleanString().trim().max(80),
  vendorContactId: z.string().max(64).optional(),
  notes: cleanString().max(2000).optional(),
  active: z.boolean(),
});
export type ClientSystem = z.infer<typeof systemSchema>;

/** The single settings row of this laptop's database (key 'site'). */
export const siteSettingsSchema = z.strictObject({
  key: z.literal('site'),
  setupComplete: z.boolean(),
  deviceCode,
  currentUserId: z.string().max(64),
  providerName: cleanString().trim().min(1).max(80),
  clientName: cleanString().trim().max(80),
  clientAddress: cleanString().trim().max(160),
  projectName: cleanString().trim().max(80),
  /** 合同编号 of the service contract, printed on every sign-off report. */
  contractNumber: cleanString().trim().max(60).optional(),
  projectStart: z.string().max(10).optional(),
  projectEnd: z.string().max(10).optional(),
  isDemo: z.boolean(),
  updatedAt: isoInstant,
  updatedBy: z.string().max(64),
});
export type SiteSettings = z.infer<typeof siteSettingsSchema>;

export const auditActions = [
  'create',
  'update',
  'delete',
  'settings',
  'report-issued',
  'report-voided',
  'signature',
  'restore',
  'import',
  'demo-load',
  'audit-keyed',
  'audit-baseline',
  'audit-reviewed',
  'backup-unpinned',
  /** A record written by merging another laptop's changes (renderer/db/sync-store.ts). */
  'merge',
] as const;
export const auditEntrySchema = z.strictObject({
  seq: z.number().int().nonnegative(),
  id: z.string().min(1).max(64),
  at: isoInstant,
  actor: z.string().max(64),
  entity: z.string().max(40),
  entityId: z.string().max(64),
  action: z.enum(auditActions),
  summary: z.string().max(2000),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  /**
   * SHA-256 of the record's canonical JSON after the write (null: deleted). Absent on entries that
   * change no record and on entries written before schema v3 (renderer/db/audit.ts).
   */
  contentHash: z.string().regex(/^[0-9a-f]{64}$/).nullable().optional(),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  /** HMAC-SHA-256 of `hash` with the team key; absent on entries written without the key. */
  mac: z.string().regex(/^[0-9a-f]{64}$/).optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditAction = (typeof auditActions)[number];
