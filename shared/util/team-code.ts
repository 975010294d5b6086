/**
 * The typeable form of the team key, for a laptop joining a team: 20 random bytes (160 bits) in
 * Crockford base32 (32 characters), then a check group of 4 characters taken from the SHA-256 of
 * the key, in groups of four: `K7QM-2D9X-…-CHK1` (9 groups). Letters are case-insensitive, I and L
 * read as 1, O as 0, spaces and dashes are ignored; a mistyped character fails the check group
 * (one chance in a million of slipping through) and the form says so.
 *
 * The team id is derived from the key (one-way), so two laptops holding the same key agree on it
 * without typing it; it is not secret and is printed on backups.
 */
import { sha256Hex } from './hash';

export const teamKeyBytes = 20;
const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const keyChars = 32; // 160 bits / 5
const checkChars = 4;

function toBase32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of text) {
    value = (value << 5) | alphabet.indexOf(ch);
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
    value &= 0xff;
  }
  return new Uint8Array(out);
}

function checkGroup(key: Uint8Array): string {
  return toBase32(hexBytes(sha256Hex(concat(new TextEncoder().encode('onsite-desk team code\n'), key)))).slice(
    0,
    checkChars,
  );
}

function hexBytes(hex: string): Uint8Array {
  return new Uint8Array(hex.match(/../g)!.map((h) => parseInt(h, 16)));
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** The team id of a key: 10 base32 characters of a one-way hash, safe to print anywhere. */
export function teamIdOf(key: Uint8Array): string {
  return toBase32(hexBytes(sha256Hex(concat(new TextEncoder().encode('onsite-desk team id\n'), key)))).slice(0, 10);
}

/** The typeable code of a 20-byte key, in groups of four. */
export function formatTeamCode(key: Uint8Array): string {
  if (key.length !== teamKeyBytes) throw new Error('a team key has 20 bytes');
  const all = toBase32(key) + checkGroup(key);
  return all.match(/.{4}/g)!.join('-');
}

export type ParsedTeamCode =
  { ok: true; key: Uint8Array } | { ok: false; reason: 'length' | 'character' | 'checksum'; detail?: string };

/** Reads a typed (or scanned) code; the reason names an i18n message (`settings:teamKey.code.*`). */
export function parseTeamCode(input: string): ParsedTeamCode {
  const cleaned = input.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  const bad = [...cleaned].find((c) => !alphabet.includes(c));
  if (bad !== undefined) return { ok: false, reason: 'character', detail: bad };
  if (cleaned.length !== keyChars + checkChars) return { ok: false, reason: 'length' };
  const key = fromBase32(cleaned.slice(0, keyChars));
  if (key.length !== teamKeyBytes || toBase32(key) !== cleaned.slice(0, keyChars))
    return { ok: false, reason: 'character' };
  if (checkGroup(key) !== cleaned.slice(keyChars)) return { ok: false, reason: 'checksum' };
  return { ok: true, key };
}

/** What the QR code carries: the code and the team's name, so a scan fills both fields. */
export function teamQrText(key: Uint8Array, teamName: string): string {
  return `onsite-desk-team:${formatTeamCode(key)}:${encodeURIComponent(teamName)}`;
}

/** Reads a QR text back (or null when it is not one). */
export function parseTeamQr(text: string): { code: string; teamName: string } | null {
  const m = /^onsite-desk-team:([0-9A-Z-]+):(.*)$/.exec(text.trim());
  if (!m) return null;
  try {
    return { code: m[1], teamName: decodeURIComponent(m[2]) };
  } catch {
    return null;
  }
}
