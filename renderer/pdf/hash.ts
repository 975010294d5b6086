/**
 * Hashes that anchor a printed report to its data: the same canonical JSON (RFC 8785) and SHA-256
 * as the audit chain and the report registry, from one place (`shared/util/hash.ts`).
 */
import { dataHash } from '@shared/util/hash';

export { canonicalJson, sha256Hex } from '@shared/util/hash';

/** SHA-256 (hex) of the canonical JSON of the report data: the hash printed on the sign-off page. */
export function reportDataHash(data: unknown): string {
  return dataHash(data);
}
