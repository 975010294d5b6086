import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { FuseV1Options, FuseVersion, flipFuses, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, describe, expect, it } from 'vitest';
import {
  asarHeaderHash,
  asarIntegrityFromFuses,
  compareFuses,
  evaluateFindings,
  expectedFuses,
  parseElectronegativityCsv,
  plistAsarIntegrity,
  type Finding,
  type FuseWire,
  type Suppression,
} from './artifact-checks';

const repo = resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const asar = require('@electron/asar') as {
  createPackage(src: string, dest: string): Promise<unknown>;
  getRawHeader(path: string): { headerString: string };
};
const tmp = mkdtempSync(join(tmpdir(), 'onsite-artifact-test-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const builderFuses = () => expectedFuses(yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')));

/** A fake binary with the fuse sentinel and a stock Electron wire (run-as-node on, integrity off…). */
function fakeBinary(name: string, wire = '10110001'): string {
  const file = join(tmp, name);
  writeFileSync(
    file,
    Buffer.concat([
      Buffer.alloc(300, 7),
      Buffer.from('dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX'),
      Buffer.from([1, wire.length]),
      Buffer.from(wire),
      Buffer.alloc(50, 9),
    ]),
  );
  return file;
}

const read = async (file: string) => (await getCurrentFuseWire(file)) as unknown as FuseWire;

describe('fuses', () => {
  it('reads electron-builder.yml and refuses unknown or non-boolean fuses', () => {
    expect(builderFuses()).toMatchObject({ runAsNode: false, enableEmbeddedAsarIntegrityValidation: true });
    expect(() => expectedFuses({ electronFuses: { runAsnode: false } })).toThrow(/unknown fuse "runAsnode"/);
    expect(() => expectedFuses({ electronFuses: { runAsNode: 'no' } })).toThrow(/true or false/);
    expect(() => expectedFuses({})).toThrow(/no electronFuses/);
  });

  it('a stock binary fails: every fuse the config changes is reported', async () => {
    const problems = compareFuses(builderFuses(), await read(fakeBinary('stock')));
    expect(problems).toEqual(
      expect.arrayContaining([
        'fuse runAsNode: electron-builder.yml says off, the binary has on',
        'fuse enableEmbeddedAsarIntegrityValidation: electron-builder.yml says on, the binary has off',
        'fuse onlyLoadAppFromAsar: electron-builder.yml says on, the binary has off',
        'fuse grantFileProtocolExtraPrivileges: electron-builder.yml says off, the binary has on',
      ]),
    );
    expect(asarIntegrityFromFuses(await read(fakeBinary('stock2')))).toHaveLength(2);
  });

  it('a binary flipped by @electron/fuses from the config reads back equal, with ASAR integrity on', async () => {
    const fuses = builderFuses();
    const file = fakeBinary('flipped');
    const config: Record<number, boolean> = {};
    for (const [key, value] of Object.entries(fuses))
      config[FuseV1Options[(key[0].toUpperCase() + key.slice(1)) as keyof typeof FuseV1Options]] = value;
    await flipFuses(file, { version: FuseVersion.V1, ...config });
    const wire = await read(file);
    expect(compareFuses(fuses, wire)).toEqual([]);
    expect(asarIntegrityFromFuses(wire)).toEqual([]);
  });

  it('reports a removed fuse, a short wire and an unknown wire version', () => {
    const wire = { version: '1', 0: 114 } as FuseWire;
    expect(compareFuses({ runAsNode: false, onlyLoadAppFromAsar: true }, wire)).toEqual([
      'fuse runAsNode: electron-builder.yml says off, the binary has removed',
      'fuse onlyLoadAppFromAsar: electron-builder.yml says on, the binary has missing',
    ]);
    expect(compareFuses({}, { version: '2' } as FuseWire)).toEqual(['unsupported fuse wire version 2']);
  });
});

describe('ASAR integrity', () => {
  it('hashes the archive header exactly as @electron/asar reads it', async () => {
    const src = join(tmp, 'app');
    mkdirSync(join(src, 'out/main'), { recursive: true });
    writeFileSync(join(src, 'package.json'), '{"name":"onsite-desk","main":"out/main/index.js"}');
    writeFileSync(join(src, 'out/main/index.js'), 'console.log("報告")');
    const archive = join(tmp, 'app.asar');
    await asar.createPackage(src, archive);
    const expected = createHash('sha256').update(asar.getRawHeader(archive).headerString).digest('hex');
    expect(asarHeaderHash(archive)).toBe(expected);
  });

  it('finds the ElectronAsarIntegrity entry of an Info.plist, and nothing when it is absent', () => {
    const plist = `<?xml version="1.0"?><plist><dict>
      <key>CFBundleName</key><string>Onsite Desk</string>
      <key>ElectronAsarIntegrity</key>
      <dict>
        <key>Resources/app.asar</key>
        <dict><key>algorithm</key><string>SHA256</string><key>hash</key><string>abc123</string></dict>
      </dict></dict></plist>`;
    expect(plistAsarIntegrity(plist)).toEqual({ algorithm: 'SHA256', hash: 'abc123' });
    expect(plistAsarIntegrity('<plist><dict><key>CFBundleName</key><string>x</string></dict></plist>')).toBeNull();
  });
});

describe('Electronegativity', () => {
  const csv = [
    'issue, severity, confidence, filename, location, sample, description, url',
    'SANDBOX_JS_CHECK,"MEDIUM","FIRM","out\\main\\index.js","10:2","new BrowserWindow({ a, b })","Use sandbox, please",https://x',
    'NODE_INTEGRATION_JS_CHECK,"INFORMATIONAL","TENTATIVE","out/preload/index.cjs","1:1",N/A,"Review",https://x',
    'OPEN_EXTERNAL_JS_CHECK,"HIGH","FIRM","out/main/index.js","99:4","shell.openExternal(u)","Review ""openExternal""",https://x',
  ].join('\n');

  it('parses the CSV: quoted commas, doubled quotes, Windows paths', () => {
    const findings = parseElectronegativityCsv(csv);
    expect(findings).toHaveLength(3);
    expect(findings[0]).toEqual({
      rule: 'SANDBOX_JS_CHECK',
      severity: 'MEDIUM',
      confidence: 'FIRM',
      file: 'out/main/index.js',
      location: '10:2',
      sample: 'new BrowserWindow({ a, b })',
    });
    expect(() => parseElectronegativityCsv('a,b\n1,2')).toThrow(/not an Electronegativity CSV/);
  });

  const sandbox: Suppression = { rule: 'SANDBOX_JS_CHECK', file: 'out/main/index.js', count: 1, reason: 'r' };

  it('fails HIGH and MEDIUM findings that are not suppressed by rule and file; LOW/INFORMATIONAL pass', () => {
    const result = evaluateFindings(parseElectronegativityCsv(csv), [sandbox]);
    expect(result.suppressed.map((s) => s.finding.rule)).toEqual(['SANDBOX_JS_CHECK']);
    expect(result.failures).toEqual([
      'HIGH OPEN_EXTERNAL_JS_CHECK in out/main/index.js at 99:4: shell.openExternal(u)',
    ]);
    expect(result.stale).toEqual([]);
  });

  it('a suppression covers only its file and only as many findings as were reviewed', () => {
    const f = (file: string): Finding => ({
      rule: 'SANDBOX_JS_CHECK',
      severity: 'MEDIUM',
      confidence: 'FIRM',
      file,
      location: '1:1',
      sample: 's',
    });
    const result = evaluateFindings(
      [f('out/main/index.js'), f('out/main/index.js'), f('out/main/other.js')],
      [sandbox],
    );
    expect(result.failures).toHaveLength(2);
    expect(result.failures[0]).toContain('more than the 1 reviewed');
    expect(result.failures[1]).toContain('out/main/other.js');
  });

  it('reports stale suppressions and refuses one without a reason or count', () => {
    expect(evaluateFindings([], [sandbox]).stale).toEqual([sandbox]);
    expect(() => evaluateFindings([], [{ ...sandbox, reason: ' ' }])).toThrow(/no reason/);
    expect(() => evaluateFindings([], [{ ...sandbox, count: 0 }])).toThrow(/count/);
  });

  it('the committed suppressions cover exactly the recorded scan of the built main and preload', () => {
    const suppressions = JSON.parse(
      readFileSync(join(repo, 'scripts/electronegativity-suppressions.json'), 'utf8'),
    ) as Suppression[];
    const findings = parseElectronegativityCsv(
      readFileSync(join(repo, 'tests/fixtures/artifact/electronegativity.csv'), 'utf8'),
    );
    const result = evaluateFindings(findings, suppressions);
    expect(result.failures).toEqual([]);
    expect(result.stale).toEqual([]);
    expect(result.suppressed).toHaveLength(7);
    for (const s of suppressions) expect(s.reason.split('\n')).toHaveLength(1);
  });
});
