/**
 * Hashes that anchor a printed report to its data. Synchronous on purpose: builders are pure and
 * synchronous, and WebCrypto's digest is async only.
 */
import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** RFC 8785 (JCS) canonical JSON of `data`: sorted keys, no whitespace, ECMAScript number form. */
export function canonicalJson(data: unknown): string {
  const json = canonicalize(data);
  // canonicalize returns undefined for undefined/functions/symbols at the top level: nothing to anchor.
  if (json === undefined) throw new TypeError('canonicalJson: value has no JSON form');
  return json;
}

/** Lower-case hex SHA-256 of bytes, or of a string taken as UTF-8. */
export function sha256Hex(input: Uint8Array | ArrayBuffer | string): string {
  const bytes = typeof input === 'string' ? utf8ToBytes(input) : input instanceof Uint8Array ? input : new Uint8Array(input);
  return bytesToHex(sha256(bytes));
}

/** SHA-256 (hex) of the canonical JSON of the report data: the hash printed on the sign-off page. */
export function reportDataHash(data: unknown): string {
  return sha256Hex(canonicalJson(data));
}
