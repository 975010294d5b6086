/**
 * PIN and passphrase hashing: PBKDF2-SHA-256 through WebCrypto, a random 16-byte salt per person and
 * at least 600,000 iterations (shared/schemas/credential.ts). The PIN itself is never stored.
 */
import { PIN_HASH_ALGORITHM, PIN_HASH_ITERATIONS, PIN_SALT_BYTES, type Credential } from '@shared/schemas/credential';

export type PinProblem = 'pinTooShort' | 'passphraseTooShort' | 'tooLong';

/** A PIN is at least 6 digits; anything else is a passphrase of at least 8 characters. */
export function pinProblem(pin: string): PinProblem | null {
  if (pin.length > 128) return 'tooLong';
  if (/^\d*$/.test(pin)) return pin.length >= 6 ? null : 'pinTooShort';
  return pin.length >= 8 ? null : 'passphraseTooShort';
}

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (s: string) => Uint8Array.from(atob(s), (c) => c.charCodeAt(0));

async function derive(pin: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin.normalize('NFC')), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

export type PinHash = Pick<Credential, 'algorithm' | 'iterations' | 'salt' | 'hash'>;

/** Hashes a new PIN with a fresh random salt. */
export async function hashPin(pin: string, iterations = PIN_HASH_ITERATIONS): Promise<PinHash> {
  const salt = crypto.getRandomValues(new Uint8Array(PIN_SALT_BYTES));
  const hash = await derive(pin, salt, iterations);
  return { algorithm: PIN_HASH_ALGORITHM, iterations, salt: toB64(salt), hash: toB64(hash) };
}

/** True when `pin` hashes to the stored hash with the stored salt and iteration count (compared in full). */
export async function verifyPin(pin: string, stored: PinHash): Promise<boolean> {
  if (stored.algorithm !== PIN_HASH_ALGORITHM) return false;
  const got = await derive(pin, fromB64(stored.salt), stored.iterations);
  const want = fromB64(stored.hash);
  if (got.length !== want.length) return false;
  let diff = 0;
  for (let i = 0; i < got.length; i++) diff |= got[i] ^ want[i];
  return diff === 0;
}
