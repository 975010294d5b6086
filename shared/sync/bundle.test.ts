import fc from 'fast-check';
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { fcRuns } from '../util/fc-runs';
import { sha256Hex } from '../util/hash';
import { decodeBundle, encodeBundle, type BundleMac } from './bundle';
import { Replica } from './replica';

const macWith = (key: string): BundleMac => ({
  sign: async (m) => bytesToHex(hmac(sha256, utf8ToBytes(key), utf8ToBytes(m))),
});
const teamMac = macWith('team-key-of-申江证券-project');
const header = { team: 'team-1', teamName: '申江证券驻场', schemaVersion: 3 };
const expectHeader = { team: 'team-1', schemaVersion: 3 };
const T0 = Date.parse('2026-12-01T09:00:00+08:00');

async function sampleBundle(): Promise<Uint8Array> {
  const a = new Replica('A', T0);
  a.write('faultEvents', 'e1', { faultId: 'f1', type: 'reported', note: '交易系统登录缓慢' }, T0 + 1);
  a.write('systems', 's1', { name: '核心交易', ip: '10.1.2.3' }, T0 + 2);
  const photo = new TextEncoder().encode('jpeg bytes');
  const blob = { sha256: sha256Hex(photo), data: btoa(String.fromCharCode(...photo)) };
  return encodeBundle(header, a.bundleFor('B', T0 + 3), [blob], teamMac);
}

describe('sync bundle file', () => {
  it('round-trips and merges', async () => {
    const read = await decodeBundle(await sampleBundle(), expectHeader, teamMac);
    if (!read.ok) throw new Error(JSON.stringify(read.refusal));
    const b = new Replica('B', T0);
    expect(b.receive(read.file.body, T0 + 10).created).toEqual({ faultEvents: 1, systems: 1 });
  });

  it('refuses another team by name, a newer schema, a newer format and a wrong key', async () => {
    const bytes = await sampleBundle();
    expect(await decodeBundle(bytes, { team: 'team-2', schemaVersion: 3 }, teamMac)).toEqual({
      ok: false,
      refusal: { code: 'other-team', team: 'team-1', teamName: '申江证券驻场' },
    });
    expect(await decodeBundle(bytes, { team: 'team-1', schemaVersion: 2 }, teamMac)).toEqual({
      ok: false,
      refusal: { code: 'newer-schema', schemaVersion: 3 },
    });
    const newer = JSON.parse(new TextDecoder().decode(bytes));
    newer.version = 9;
    expect(
      (await decodeBundle(new TextEncoder().encode(JSON.stringify(newer)), expectHeader, teamMac)).ok === false &&
        newer.version,
    ).toBe(9);
    expect(await decodeBundle(bytes, expectHeader, macWith('another key'))).toEqual({
      ok: false,
      refusal: { code: 'auth-failed' },
    });
  });

  it('refuses a bundle edited and re-encoded without the key', async () => {
    const file = JSON.parse(new TextDecoder().decode(await sampleBundle()));
    file.body.changes[1].fields.ip.value = '10.9.9.9';
    const read = await decodeBundle(new TextEncoder().encode(JSON.stringify(file)), expectHeader, teamMac);
    expect(read).toEqual({ ok: false, refusal: { code: 'auth-failed' } });
  });

  it('refuses prototype keys even when signed, and never writes them', async () => {
    const a = new Replica('A', T0);
    expect(() => a.write('systems', 's1', { ['__proto__']: { polluted: true } }, T0 + 1)).toThrow(RangeError);
    a.write('systems', 's1', { name: 'x' }, T0 + 1);
    const body = a.bundleFor('B', T0 + 2);
    // A bundle made by hand (or by a damaged app) that carries the key, signed with the team key.
    const json = JSON.stringify(body).replace('"name":', '"__proto__":');
    const bytes = await encodeBundle(header, JSON.parse(json), [], teamMac);
    const read = await decodeBundle(bytes, expectHeader, teamMac);
    expect(read).toMatchObject({ ok: false, refusal: { code: 'invalid' } });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('fuzz: every truncation and every single flipped bit is refused', async () => {
    const bytes = await sampleBundle();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ cut: fc.integer({ min: 0, max: bytes.length - 1 }) }),
          fc.record({ at: fc.integer({ min: 0, max: bytes.length - 1 }), bit: fc.integer({ min: 0, max: 7 }) }),
        ),
        async (damage) => {
          const broken =
            'cut' in damage
              ? bytes.slice(0, damage.cut)
              : bytes.map((b, i) => (i === damage.at ? b ^ (1 << damage.bit) : b));
          const read = await decodeBundle(broken, expectHeader, teamMac);
          expect(read.ok).toBe(false);
        },
      ),
      { numRuns: fcRuns(500) },
    );
  });
});
