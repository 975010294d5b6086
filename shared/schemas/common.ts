import { z } from 'zod';
import { cleanText } from '../util/clean-text';

/**
 * A string a person typed, pasted or imported: every write of a record parses it through here, so
 * invisible control and bidi characters are removed and emoji replaced before anything is stored
 * (shared/util/clean-text.ts says why). Chain checks after it as on `z.string()`.
 */
export const cleanString = () => z.string().overwrite(cleanText);
/** Free text up to `max` characters, trimmed. */
export const freeText = (max: number) => cleanString().trim().max(max);
/** Required free text: trimmed, at least one character, up to `max`. */
export const requiredText = (max: number) => cleanString().trim().min(1).max(max);

/** ISO 8601 instant with offset or Z. */
export const isoInstant = z.iso.datetime({ offset: true });
/** `YYYY-MM-DD` */
export const isoDate = z.iso.date();

/** Fields every stored record carries (docs/architecture.md, Data). */
export const recordBase = {
  id: z.string().min(1).max(64),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  updatedBy: z.string().max(64),
};

export const phone = cleanString()
  .trim()
  .max(40)
  .regex(/^[0-9+()\-\s#转ext.]*$/i, { message: 'validation.phone' });

export const email = z.union([z.literal(''), z.email({ message: 'validation.email' })]);

export const deviceCode = z.string().regex(/^[A-Z0-9]{1,3}$/, { message: 'validation.deviceCode' });

/**
 * A project manager's approval as recorded on the record it allowed (docs/domain.md, People): who
 * approved, and when they typed their PIN.
 */
export const approvalRecordSchema = z.strictObject({
  approverId: z.string().min(1).max(64),
  approverName: requiredText(60),
  approvedAt: isoInstant,
});
export type ApprovalRecord = z.infer<typeof approvalRecordSchema>;
