/** electron-builder cannot run here (it downloads Electron), so this reads its config and checks it. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BACKUP_EXTENSION } from '@shared/ipc/schemas';

// js-yaml comes with the toolchain (no types of its own): a tiny typed view of the one function used.
const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown };
const repo = resolve(import.meta.dirname, '../..');
type Target = string | { target: string };
interface BuilderConfig {
  appId: string;
  productName: string;
  directories: { output: string };
  files: string[];
  asar?: boolean;
  extraResources: { from: string; to: string }[];
  win: { target: Target[] };
  mac: { target: Target[] };
  linux: { target: Target[] };
  nsis: { artifactName: string };
  portable: { artifactName: string };
  electronFuses: Record<string, boolean>;
  fileAssociations: { ext: string; name: string; mimeType: string }[];
}
const config = yaml.load(readFileSync(resolve(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const targets = (platform: 'win' | 'mac' | 'linux') =>
  config[platform].target.map((t) => (typeof t === 'string' ? t : t.target));

describe('electron-builder.yml', () => {
  it('identifies the app', () => {
    expect(config.appId).toBe('cn.chenghu.onsitedesk');
    expect(config.productName).toBe('Onsite Desk');
    expect(config.directories.output).toBe('release');
    // Windows notifications need the same AppUserModelID in main as in the installer's shortcut.
    expect(readFileSync(resolve(repo, 'electron/main/index.ts'), 'utf8')).toContain(`'${config.appId}'`);
  });

  it('packages the built app and package.json, and the resources outside the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asar).not.toBe(false);
    const resources = config.extraResources.find((r) => r.from.replace(/\/$/, '') === 'resources');
    expect(resources?.to).toBe('resources');
  });

  it('builds the installers the team uses', () => {
    expect(targets('win').sort()).toEqual(['nsis', 'portable']);
    expect(targets('mac')).toEqual(['dmg']);
    expect(targets('linux').sort()).toEqual(['AppImage', 'deb']);
    expect(config.nsis.artifactName).not.toBe(config.portable.artifactName); // both are .exe in one folder
  });

  it('flips the release fuses', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
      enableCookieEncryption: true,
    });
  });

  it('matches package.json: main points into out/, productName agrees', () => {
    const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as {
      main: string;
      productName: string;
    };
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.productName).toBe(config.productName);
  });

  it('has a real maintainer and homepage, not a placeholder', () => {
    const pkg = JSON.parse(readFileSync(resolve(repo, 'package.json'), 'utf8')) as {
      homepage: string;
      author: { email: string };
    };
    const maintainer = (config as unknown as { linux: { maintainer: string } }).linux.maintainer;
    expect(maintainer).toMatch(/^[^<]+ <[^@\s]+@[^@\s]+\.[a-z]+>$/);
    for (const text of [maintainer, pkg.homepage, pkg.author.email]) expect(text).not.toMatch(/example\.(com|org)/);
    expect(pkg.homepage).toMatch(/^https:\/\//);
  });

  it('has icons for every platform, in every size Linux asks for', () => {
    const c = config as unknown as { win: { icon: string }; mac: { icon: string }; linux: { icon: string } };
    expect(existsSync(resolve(repo, c.win.icon))).toBe(true);
    expect(existsSync(resolve(repo, c.mac.icon))).toBe(true);
    for (const size of [16, 32, 48, 64, 128, 256, 512, 1024])
      expect(existsSync(resolve(repo, c.linux.icon, `${size}x${size}.png`))).toBe(true);
  });

  it('registers the backup file type, which main opens (open-file.ts) as a backup', () => {
    expect(config.fileAssociations).toEqual([expect.objectContaining({ ext: 'odbk', mimeType: expect.any(String) })]);
    expect(BACKUP_EXTENSION).toBe(`.${config.fileAssociations[0].ext}`);
  });
});
