import { bytesToHex } from '@shared/util/hash';
/** WebCrypto pieces of the backup format: SHA-256, and PBKDF2-SHA-256 → AES-GCM-256. */

type Bytes = Uint8Array<ArrayBuffer>;
const asBuffer = (b: Uint8Array) => b as Bytes;

/** SHA-256 (hex) through WebCrypto: native speed for hundreds of megabytes, outside transactions only. */
export async function sha256HexAsync(data: Uint8Array): Promise<string> {
  return bytesToHex(new Uint8Array(await crypto.subtle.digest('SHA-256', asBuffer(data))));
}

export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function fromBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function deriveKey(password: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', asBuffer(new TextEncoder().encode(password)), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: asBuffer(salt), iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export interface Sealed {
  salt: Uint8Array;
  iv: Uint8Array;
  iterations: number;
}

/** Fresh random salt and IV for one file. */
export function newSeal(iterations: number): Sealed {
  return {
    salt: crypto.getRandomValues(new Uint8Array(16)),
    iv: crypto.getRandomValues(new Uint8Array(12)),
    iterations,
  };
}

export async function encrypt(plain: Uint8Array, password: string, seal: Sealed, aad: Uint8Array): Promise<Uint8Array> {
  const key = await deriveKey(password, seal.salt, seal.iterations);
  return new Uint8Array(
    await crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: asBuffer(seal.iv), additionalData: asBuffer(aad) },
      key,
      asBuffer(plain),
    ),
  );
}

/** Null when the password is wrong or the ciphertext (or its header) was altered: GCM cannot tell which. */
export async function decrypt(
  cipher: Uint8Array,
  password: string,
  seal: Sealed,
  aad: Uint8Array,
): Promise<Uint8Array | null> {
  const key = await deriveKey(password, seal.salt, seal.iterations);
  try {
    return new Uint8Array(
      await crypto.subtle.decrypt(
        { name: 'AES-GCM', iv: asBuffer(seal.iv), additionalData: asBuffer(aad) },
        key,
        asBuffer(cipher),
      ),
    );
  } catch {
    return null;
  }
}
