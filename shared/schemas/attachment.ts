import { z } from 'zod';
import { recordBase, cleanString } from './common';

/** A file kept with a record (screenshot, photo, signed scan, PDF). Bytes live in the row. */
export const attachmentSchema = z.strictObject({
  ...recordBase,
  ownerType: z.string().min(1).max(40),
  ownerId: z.string().min(1).max(64),
  name: cleanString().min(1).max(255),
  mime: z.string().max(100),
  size: z.number().int().nonnegative(),
  /** SHA-256 (hex) of `data`, taken at capture. */
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  data: z.instanceof(Uint8Array),
  caption: cleanString().max(500).optional(),
});
export type Attachment = z.infer<typeof attachmentSchema>;

/** Default size limit for one attachment (images, scans). */
export const maxAttachmentBytes = 10 * 1024 * 1024;
