import fc from 'fast-check';
import { fcRuns } from '@shared/util/fc-runs';
import { describe, expect, it } from 'vitest';
import en from '../../i18n/locales/en/backup.json';
import zh from '../../i18n/locales/zh-CN/backup.json';
import { headerBytes } from './format-encode';
import { sha256HexAsync } from './format-crypto';
import { forbiddenKeys, safeJsonParse } from './safe-json';
import { validateBackup, type ValidationResult } from './validate';

/** Every issue the validator returns has a message in both languages. */
function hasMessage(key: string): boolean {
  const get = (o: unknown) =>
    key
      .split('.')
      .reduce<unknown>((n, k) => (n && typeof n === 'object' ? (n as Record<string, unknown>)[k] : undefined), o);
  return typeof get(zh) === 'string' && typeof get(en) === 'string';
}

function expectRefusedWithMessages(r: ValidationResult) {
  expect(r.ok).toBe(false);
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) expect(hasMessage(e.key), e.key).toBe(true);
}

/** A well-formed container around any payload: gets past the header into the manifest checks. */
async function container(payload: Uint8Array): Promise<Uint8Array> {
  const length =
    payload.length >= 4 ? new DataView(payload.buffer, payload.byteOffset, payload.byteLength).getUint32(0, true) : 0;
  const head = headerBytes({
    encrypted: false,
    payloadLength: payload.length,
    manifestSha256: await sha256HexAsync(payload.subarray(4, 4 + length)),
  });
  const out = new Uint8Array(head.length + payload.length);
  out.set(head);
  out.set(payload, head.length);
  return out;
}

function withManifest(manifest: unknown, rest: Uint8Array = new Uint8Array()): Uint8Array {
  const json = new TextEncoder().encode(JSON.stringify(manifest) ?? 'null');
  const out = new Uint8Array(4 + json.length + rest.length);
  new DataView(out.buffer).setUint32(0, json.length, true);
  out.set(json, 4);
  out.set(rest, 4 + json.length);
  return out;
}

const manifestLike = fc.record(
  {
    kind: fc.constantFrom('onsite-desk-backup', 'other'),
    format: fc.oneof(fc.constant(1), fc.integer()),
    appVersion: fc.string(),
    schemaVersion: fc.oneof(fc.constant(2), fc.integer({ min: -2, max: 5 })),
    createdAt: fc.constantFrom('2026-11-25T15:10:00.000Z', 'yesterday'),
    deviceCode: fc.string({ maxLength: 4 }),
    reason: fc.constantFrom('manual', 'weird'),
    tables: fc.array(
      fc.record({
        name: fc.constantFrom('systems', 'faults', 'x'),
        primKey: fc.constantFrom('id', null),
        count: fc.nat(5),
        sha256: fc.constant('0'.repeat(64)),
        bytes: fc.nat(40),
        typed: fc.constant([]),
      }),
      { maxLength: 3 },
    ),
    blobs: fc.constant([]),
  },
  { requiredKeys: [] },
);

describe('property: the import validator returns errors and never throws', () => {
  it('on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 600 }), async (b) =>
        expectRefusedWithMessages(await validateBackup(b)),
      ),
      { numRuns: fcRuns(300) },
    );
  });

  it('on arbitrary JSON documents (a foreign JSON file)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) =>
        expectRefusedWithMessages(await validateBackup(new TextEncoder().encode(JSON.stringify(v) ?? 'null'))),
      ),
      { numRuns: fcRuns(300) },
    );
  });

  it('on arbitrary JSON as the manifest of a well-formed container, and on manifest-like objects', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (v) =>
        expectRefusedWithMessages(await validateBackup(await container(withManifest(v)))),
      ),
      { numRuns: fcRuns(200) },
    );
    await fc.assert(
      fc.asyncProperty(manifestLike, fc.uint8Array({ maxLength: 60 }), async (m, rest) =>
        expectRefusedWithMessages(await validateBackup(await container(withManifest(m, rest)))),
      ),
      { numRuns: fcRuns(300) },
    );
  });

  it('on arbitrary header JSON', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), async (h) => {
        const json = new TextEncoder().encode(JSON.stringify(h) ?? 'null');
        const file = new Uint8Array(10 + json.length);
        file.set(new TextEncoder().encode('ODBK'));
        new DataView(file.buffer).setUint16(4, 1, true);
        new DataView(file.buffer).setUint32(6, json.length, true);
        file.set(json, 10);
        expectRefusedWithMessages(await validateBackup(file));
      }),
      { numRuns: fcRuns(200) },
    );
  });
});

describe('property: __proto__ and constructor never pollute', () => {
  it('whatever JSON they hide in', async () => {
    const evilKey = fc.constantFrom(...forbiddenKeys);
    const evil = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        fc.jsonValue({ maxDepth: 1 }),
        fc.array(tie('node'), { maxLength: 3 }),
        fc
          .tuple(evilKey, tie('node'), fc.dictionary(fc.string({ maxLength: 3 }), tie('node'), { maxKeys: 2 }))
          .map(([k, v, rest]) => ({ ...rest, [k]: v })),
      ),
    })).node;
    await fc.assert(
      fc.asyncProperty(evil, async (v) => {
        const text = JSON.stringify({ polluted: 1, v });
        const parsed = safeJsonParse(text);
        expect(parsed.ok).toBe(true);
        const r = await validateBackup(await container(withManifest(JSON.parse(text))));
        expect(r.ok).toBe(false);
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        expect((Object.prototype as Record<string, unknown>).v).toBeUndefined();
        expect(Object.getPrototypeOf({})).toBe(Object.prototype);
      }),
      { numRuns: fcRuns(200) },
    );
  });

  it('a parsed `__proto__` key is dropped, reported, and leaves the object an ordinary one', () => {
    const r = safeJsonParse('{"a":{"__proto__":{"isAdmin":true}},"constructor":{"prototype":{"x":1}}}');
    expect(r).toMatchObject({ ok: true, forbidden: expect.arrayContaining(['__proto__', 'constructor']) });
    if (!r.ok) return;
    const a = (r.value as { a: Record<string, unknown> }).a;
    expect(Object.keys(a)).toEqual([]);
    expect(a.isAdmin).toBeUndefined();
    expect(Object.getPrototypeOf(a)).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });
});
