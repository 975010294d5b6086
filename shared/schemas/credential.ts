import { z } from 'zod';
import { isoInstant } from './common';

/** PBKDF2 parameters every new PIN is hashed with (renderer/features/access/pin.ts). */
export const PIN_HASH_ALGORITHM = 'PBKDF2-SHA-256' as const;
export const PIN_HASH_ITERATIONS = 600_000;
export const PIN_SALT_BYTES = 16;

/**
 * A team member's PIN or passphrase on this laptop: never the PIN itself, only its PBKDF2 hash, the
 * salt and the iteration count. `failures` counts wrong PINs in a row (shared/domain/pin-throttle.ts).
 */
export const credentialSchema = z.strictObject({
  memberId: z.string().min(1).max(64),
  algorithm: z.literal(PIN_HASH_ALGORITHM),
  iterations: z.number().int().min(PIN_HASH_ITERATIONS),
  /** base64 */
  salt: z.string().min(16).max(64),
  /** base64 of the 32-byte derived key */
  hash: z.string().min(40).max(64),
  failures: z.number().int().nonnegative(),
  lastFailureAt: isoInstant.optional(),
  createdAt: isoInstant,
  updatedAt: isoInstant,
  updatedBy: z.string().max(64),
});
export type Credential = z.infer<typeof credentialSchema>;
