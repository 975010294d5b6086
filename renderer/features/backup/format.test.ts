import fc from 'fast-check';
import { fcRuns } from '@shared/util/fc-runs';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '@shared/util/hash';
import { decodeBackup, inspectBackup } from './format-decode';
import { encodeBackup, UnsupportedValueError } from './format-encode';
import { minIterations, type BackupInfo, type SnapshotTable } from './format-types';
import { hasForbiddenKey } from './safe-json';
import { bytes, plain } from './test-kit/db';

const info: BackupInfo = {
  appVersion: '0.1.0',
  schemaVersion: 2,
  createdAt: '2026-11-25T15:10:00.000Z',
  deviceCode: 'A',
  reason: 'manual',
};
const at = '2026-11-25T08:00:00.000Z';

function sample(): SnapshotTable[] {
  return [
    { name: 'attachments', primKey: 'id', rows: [{ id: 'a1', createdAt: at, name: '截图.png', data: bytes(2048, 5) }] },
    {
      name: 'misc',
      primKey: 'id',
      rows: [
        {
          id: 'm1',
          when: new Date(at),
          buf: bytes(3).buffer,
          nested: { list: [1, { b: bytes(2, 9) }] },
          blob: new Blob([bytes(10) as Uint8Array<ArrayBuffer>], { type: 'image/png' }),
          text: '驻场 "quoted" \n 🚀',
        },
      ],
    },
    {
      name: 'systems',
      primKey: 'id',
      rows: [
        { id: 's1', name: '生产虚拟化集群', optional: undefined },
        { id: 's2', name: 'vSAN' },
      ],
    },
  ];
}

async function roundTrip(tables: SnapshotTable[], password?: string) {
  const file = await encodeBackup(tables, info, { password, iterations: password ? minIterations : undefined });
  return { file, result: await decodeBackup(file, password) };
}

describe('backup format: encode → decode', () => {
  it('carries every value faithfully: bytes, ArrayBuffer, Blob, Date, nesting, Chinese text', async () => {
    const { result } = await roundTrip(sample());
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const misc = result.backup.tables.get('misc')![0] as Record<string, unknown>;
    expect(misc.when).toBeInstanceOf(Date);
    expect(Object.prototype.toString.call(misc.buf)).toBe('[object ArrayBuffer]');
    expect(misc.blob).toBeInstanceOf(Blob);
    expect((misc.blob as Blob).type).toBe('image/png');
    expect(new Uint8Array(await (misc.blob as Blob).arrayBuffer())).toEqual(bytes(10));
    const { blob: _blob, ...rest } = misc;
    const { blob: _orig, ...origRest } = sample()[1].rows[0] as Record<string, unknown>;
    expect(plain(rest)).toEqual(plain(origRest));
    expect(plain(result.backup.tables.get('attachments'))).toEqual(plain(sample()[0].rows));
    expect(result.backup.tables.get('systems')).toEqual([
      { id: 's1', name: '生产虚拟化集群' },
      { id: 's2', name: 'vSAN' },
    ]);
  });

  it('writes a manifest with versions, counts and a SHA-256 per table (canonical JSON) and per blob', async () => {
    const { result } = await roundTrip(sample());
    if (!result.ok) throw new Error('decode failed');
    const m = result.backup.manifest;
    expect(m).toMatchObject({
      kind: 'onsite-desk-backup',
      format: 2,
      appVersion: '0.1.0',
      schemaVersion: 2,
      deviceCode: 'A',
      createdAt: info.createdAt,
    });
    expect(m.tables.map((t) => [t.name, t.count])).toEqual([
      ['attachments', 1],
      ['misc', 1],
      ['systems', 2],
    ]);
    expect(m.tables[2].sha256).toBe(
      sha256Hex(
        canonicalJson([
          { id: 's1', name: '生产虚拟化集群' },
          { id: 's2', name: 'vSAN' },
        ]),
      ),
    );
    expect(m.tables[0].sha256).toBe(
      sha256Hex(canonicalJson([{ id: 'a1', createdAt: at, name: '截图.png', data: null }])),
    );
    expect(m.blobs[0]).toEqual({ length: 2048, sha256: sha256Hex(bytes(2048, 5)) });
  });

  it('hashes exactly the RFC 8785 canonical JSON of the rows, index-like keys and odd strings included', async () => {
    const rowArb = fc.dictionary(
      fc.oneof(fc.string(), fc.constantFrom('0', '1', '10', '9', '$bytes', 'é', '\u{1F680}')),
      fc.jsonValue({ maxDepth: 3 }),
      { maxKeys: 6 },
    );
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { maxLength: 5 }), async (raw) => {
        const rows = raw.map((r, i) => ({ ...r, id: `r${i}` }));
        // Decoding drops the keys in `forbiddenKeys` (`__proto__`, `constructor`, `prototype`) at any
        // depth by design (safe-json.ts), so rows holding one are not part of what the hash has to carry.
        fc.pre(!hasForbiddenKey(rows));
        // JSON has no -0 and canonicalize writes it as 0: compare against the JSON form.
        const expected = sha256Hex(canonicalJson(JSON.parse(JSON.stringify(rows))));
        const r = await decodeBackup(await encodeBackup([{ name: 't', primKey: 'id', rows }], info));
        expect(r.ok && r.backup.manifest.tables[0].sha256).toBe(expected);
      }),
      { numRuns: fcRuns(150) },
    );
  });

  it('refuses values it cannot carry instead of losing them', async () => {
    await expect(
      encodeBackup([{ name: 'x', primKey: 'id', rows: [{ id: '1', m: new Map() }] }], info),
    ).rejects.toBeInstanceOf(UnsupportedValueError);
    await expect(
      encodeBackup([{ name: 'x', primKey: 'id', rows: [{ id: '1', n: Number.NaN }] }], info),
    ).rejects.toBeInstanceOf(UnsupportedValueError);
  });
});

describe('backup format: encryption', () => {
  it('encrypts with PBKDF2 (≥ 310,000 iterations, random salt) and AES-GCM (random IV)', async () => {
    const a = await encodeBackup(sample(), info, { password: '驻场2026!', iterations: minIterations });
    const b = await encodeBackup(sample(), info, { password: '驻场2026!', iterations: minIterations });
    const text = new TextDecoder().decode(a.subarray(0, 400));
    expect(text).toContain('"encrypted":true');
    expect(text).toMatch(/"iterations":(\d+)/);
    expect(Number(/"iterations":(\d+)/.exec(text)![1])).toBeGreaterThanOrEqual(310_000);
    expect(text).not.toContain('生产虚拟化集群');
    expect(new TextDecoder().decode(a)).not.toContain('vSAN');
    expect(/"salt":"([^"]+)"/.exec(text)![1]).not.toBe(
      /"salt":"([^"]+)"/.exec(new TextDecoder().decode(b.subarray(0, 400)))![1],
    );
    expect(inspectBackup(a)).toMatchObject({ ok: true, encrypted: true, team: { id: expect.any(String) as string } });
    const ok = await decodeBackup(a, '驻场2026!');
    expect(ok.ok && ok.backup.tables.get('systems')).toHaveLength(2);
  });

  it('asks for a password, and says when it is wrong', async () => {
    const file = await encodeBackup(sample(), info, { password: 'right', iterations: minIterations });
    expect(await decodeBackup(file)).toEqual({
      ok: false,
      errors: [{ key: 'errors.passwordRequired' }],
      needsPassword: true,
    });
    expect(await decodeBackup(file, 'wrong')).toMatchObject({ ok: false, errors: [{ key: 'errors.wrongPassword' }] });
    const tampered = file.slice();
    tampered[tampered.length - 40] ^= 1;
    expect(await decodeBackup(tampered, 'right')).toMatchObject({
      ok: false,
      errors: [{ key: 'errors.wrongPassword' }],
    });
  });
});

describe('backup format: damaged and foreign files', () => {
  it('names a truncated file, a flipped byte, a foreign JSON file, random bytes, an empty file', async () => {
    const { file } = await roundTrip(sample());
    expect(await decodeBackup(file.subarray(0, file.length - 100))).toMatchObject({
      ok: false,
      errors: [{ key: 'errors.truncated' }],
    });
    expect(await decodeBackup(file.subarray(0, 7))).toMatchObject({ ok: false, errors: [{ key: 'errors.truncated' }] });
    // A flipped byte anywhere (header, manifest, a table, an image) is caught by some hash.
    for (const at of [12, 60, Math.floor(file.length * 0.2), Math.floor(file.length * 0.6), file.length - 5]) {
      const flipped = file.slice();
      flipped[at] ^= 0x20;
      const r = await decodeBackup(flipped);
      expect(r.ok, `byte ${at}`).toBe(false);
      if (!r.ok)
        expect([
          'errors.corrupt',
          'errors.tableHash',
          'errors.blobHash',
          'errors.truncated',
          'errors.manifestInvalid',
        ]).toContain(r.errors[0].key);
    }
    const json = new TextEncoder().encode('  {"faults": [{"id": "x"}]}');
    expect(await decodeBackup(json)).toMatchObject({ ok: false, errors: [{ key: 'errors.foreignJson' }] });
    expect(await decodeBackup(bytes(500))).toMatchObject({ ok: false, errors: [{ key: 'errors.notBackup' }] });
    expect(await decodeBackup(new Uint8Array())).toMatchObject({ ok: false, errors: [{ key: 'errors.empty' }] });
    const extra = new Uint8Array(file.length + 1);
    extra.set(file);
    expect(await decodeBackup(extra)).toMatchObject({ ok: false, errors: [{ key: 'errors.corrupt' }] });
  });

  it('says a file from a newer format is newer, not broken', async () => {
    const { file } = await roundTrip(sample());
    const newer = file.slice();
    new DataView(newer.buffer).setUint16(4, 3, true);
    expect(await decodeBackup(newer)).toEqual({
      ok: false,
      errors: [{ key: 'errors.newerFormat', params: { version: 3, supported: 2 } }],
    });
  });

  it('drops and reports __proto__ / constructor keys without polluting any prototype', async () => {
    const evil = JSON.parse(
      '{"id":"e1","__proto__":{"polluted":"yes"},"nested":{"constructor":{"prototype":{"polluted":"yes"}}}}',
    ) as object;
    expect(Object.keys(evil)).toContain('__proto__');
    const { result } = await roundTrip([{ name: 'systems', primKey: 'id', rows: [evil] }]);
    expect(result).toMatchObject({ ok: false, errors: [{ key: 'errors.forbiddenKey', params: { table: 'systems' } }] });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });
});
