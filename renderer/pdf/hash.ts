/**
 * Hashes that anchor a printed report to its data: the same canonical JSON (RFC 8785) and SHA-256
 * as the audit chain and the report registry, from one place (`shared/util/hash.ts`).
 */
import { dataHash } from '@shared/util/hash';
import type { ReportMeta } from './types';

export { canonicalJson, sha256Hex } from '@shared/util/hash';

/** SHA-256 (hex) of the canonical JSON of any value. */
export function reportDataHash(data: unknown): string {
  return dataHash(data);
}

/**
 * The report fingerprint printed on the sign-off page: SHA-256 over the canonical JSON of the data
 * AND every particular the paper prints besides it (number, version, language, period, provider,
 * client, contract block, confidentiality, issue date, issuer, title, and each signer's role, name,
 * date and signature image). Changing any printed field changes the fingerprint.
 */
export function reportFingerprint(data: unknown, meta: ReportMeta): string {
  return dataHash({ data, meta: printedMeta(meta) });
}

/** The meta as it is hashed: JSON form (undefined fields dropped), signers in print order. */
function printedMeta(meta: ReportMeta): unknown {
  return JSON.parse(JSON.stringify(meta));
}

/** Prefix of the verify string carried by the sign-off QR code. */
export const verifyPrefix = 'ODR1';

/**
 * The short verify string of a printed report (what the QR code holds, what a reader types in):
 * `ODR1|<number>|v<version>|<fingerprint>`.
 */
export function verifyString(number: string, version: number, fingerprint: string): string {
  return `${verifyPrefix}|${number}|v${version}|${fingerprint}`;
}

/** Reads a verify string back (typed or scanned; spaces and case forgiven); null if it is not one. */
export function parseVerifyString(text: string): { number: string; version: number; fingerprint: string } | null {
  const m = /^ODR1\|([^|]{1,40})\|v(\d{1,4})\|([0-9a-f]{64})$/i.exec(text.trim().replace(/\s+/g, ''));
  if (!m) return null;
  return { number: m[1].toUpperCase(), version: Number(m[2]), fingerprint: m[3].toLowerCase() };
}

/** The first 16 hex digits of a fingerprint in groups of four, for reading aloud: `3f2a 91c0 …`. */
export function groupedPrefix(fingerprint: string): string {
  return (fingerprint.slice(0, 16).match(/.{4}/g) ?? []).join(' ');
}
