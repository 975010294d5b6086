/** The licence list: built from a small node_modules tree written here, and from the real one. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { collectLicenses, licenseOf } from './licenses.mjs';

const root = mkdtempSync(join(tmpdir(), 'onsite-licenses-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function pkg(dir: string, json: Record<string, unknown>, licenseFile?: [string, string]) {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify(json));
  if (licenseFile) writeFileSync(join(dir, licenseFile[0]), licenseFile[1]);
}

// app → a (MIT) → shared@1 ; app → @scope/b (object licence) → shared@2 (nested, its own copy)
// app → c (licenses array, optional dep "gone" not installed) ; devDependency d is never listed.
pkg(root, { name: 'app', dependencies: { a: '1', '@scope/b': '1', c: '1' }, devDependencies: { d: '1' } });
const nm = join(root, 'node_modules');
pkg(join(nm, 'a'), { name: 'a', version: '1.0.0', license: 'MIT', dependencies: { shared: '^1' } }, [
  'LICENSE',
  'MIT License\nCopyright (c) A',
]);
pkg(join(nm, 'shared'), {
  name: 'shared',
  version: '1.2.0',
  license: 'ISC',
  repository: 'git+https://example.org/shared.git',
});
pkg(
  join(nm, '@scope/b'),
  { name: '@scope/b', version: '2.0.0', license: { type: 'Apache-2.0' }, dependencies: { shared: '^2' } },
  ['LICENSE.md', 'Apache text'],
);
pkg(join(nm, '@scope/b/node_modules/shared'), { name: 'shared', version: '2.0.1', license: 'BSD-3-Clause' });
pkg(join(nm, 'c'), {
  name: 'c',
  version: '0.1.0',
  licenses: [{ type: 'MIT' }, { type: 'GPL-2.0' }],
  optionalDependencies: { gone: '1' },
  peerDependencies: { react: '*' },
});
pkg(join(nm, 'd'), { name: 'd', version: '9.9.9', license: 'WTFPL' });
pkg(join(nm, 'runtime'), {
  name: 'runtime',
  version: '3.0.0',
  license: 'MIT',
  dependencies: { 'download-helper': '1' },
});
pkg(join(nm, 'download-helper'), { name: 'download-helper', version: '1.0.0', license: 'MIT' });

describe('collectLicenses', () => {
  const { packages, missing } = collectLicenses(root, { extra: ['runtime'] });
  const ids = packages.map((p) => `${p.name}@${p.version}`);

  it('lists the production closure once per name@version, sorted, and no devDependency', () => {
    expect(ids).toEqual(['@scope/b@2.0.0', 'a@1.0.0', 'c@0.1.0', 'runtime@3.0.0', 'shared@1.2.0', 'shared@2.0.1']);
    expect(missing).toEqual([]);
  });

  it('resolves a nested copy the way Node does (each parent gets its own version)', () => {
    expect(packages.find((p) => p.version === '2.0.1')?.license).toBe('BSD-3-Clause');
    expect(packages.find((p) => p.version === '1.2.0')?.license).toBe('ISC');
  });

  it('reads licence fields in every shape, the licence text and the repository', () => {
    const by = (n: string) => packages.find((p) => p.name === n)!;
    expect(by('a')).toMatchObject({ license: 'MIT', text: 'MIT License\nCopyright (c) A' });
    expect(by('@scope/b')).toMatchObject({ license: 'Apache-2.0', text: 'Apache text' });
    expect(by('c').license).toBe('MIT OR GPL-2.0');
    expect(by('c').text).toBeUndefined();
    expect(by('shared').repository).toBe('https://example.org/shared');
  });

  it('an extra package is listed on its own: its dependencies (installers, downloaders) are not in the app', () => {
    expect(ids).not.toContain('download-helper@1.0.0');
  });

  it('reports a required package that is not installed, but not a missing optional one', () => {
    const other = mkdtempSync(join(tmpdir(), 'onsite-licenses-missing-'));
    pkg(other, { name: 'app', dependencies: { nothere: '1' } });
    expect(collectLicenses(other).missing).toEqual(['nothere']);
    rmSync(other, { recursive: true, force: true });
  });

  it('licenseOf: UNKNOWN when a package declares nothing', () => {
    expect(licenseOf({})).toBe('UNKNOWN');
    expect(licenseOf({ license: '  ' })).toBe('UNKNOWN');
  });
});

describe('the real list', () => {
  it('covers every production dependency and Electron, each with a licence', () => {
    const repo = resolve(import.meta.dirname, '..');
    const { packages, missing } = collectLicenses(repo, { extra: ['electron'] });
    expect(missing).toEqual([]);
    const names = new Set(packages.map((p) => p.name));
    for (const dep of ['react', 'antd', 'dexie', 'pdfmake', 'zod', 'electron', '@embedpdf/fonts-sc'])
      expect(names).toContain(dep);
    expect(names).not.toContain('vitest');
    const declared = packages.filter((p) => p.license !== 'UNKNOWN');
    expect(declared.length).toBeGreaterThan(packages.length - 3);
  });
});
