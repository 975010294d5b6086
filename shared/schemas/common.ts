import { z } from 'zod';

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

export const phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^[0-9+()\-\s#转ext.]*$/i, { message: 'validation.phone' });

export const email = z.union([z.literal(''), z.email({ message: 'validation.email' })]);

export const deviceCode = z.string().regex(/^[A-Z0-9]{1,3}$/, { message: 'validation.deviceCode' });
