import canonicalize from 'canonicalize';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** RFC 8785 (JCS) canonical JSON: the same data always gives the same string, whatever the key order. */
export function canonicalJson(data: unknown): string {
  const s = canonicalize(data);
  if (s === undefined) throw new TypeError('Value cannot be canonicalised');
  return s;
}

/**
 * SHA-256 as lowercase hex. Synchronous on purpose: it runs inside Dexie transactions, where
 * awaiting WebCrypto would let the transaction commit early.
 */
export function sha256Hex(input: string | Uint8Array | ArrayBuffer): string {
  const bytes =
    typeof input === 'string' ? utf8ToBytes(input) : input instanceof Uint8Array ? input : new Uint8Array(input);
  return bytesToHex(sha256(bytes));
}

/** SHA-256 of the canonical JSON of `data`. */
export function dataHash(data: unknown): string {
  return sha256Hex(canonicalJson(data));
}

export const zeroHash = '0'.repeat(64);

/** Bytes as lowercase hex. */
export { bytesToHex };
