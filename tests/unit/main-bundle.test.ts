/**
 * The main bundle as electron-vite builds it from the project's config. It must stay ONE file:
 * paths.ts resolves the preload and the renderer from `import.meta.url`, which would point into
 * out/main/chunks/ if the bundle were split. And it may import only Node built-ins, electron and
 * production dependencies (anything else is missing from the packaged app).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { MainConfigFactory, type UserConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import electronViteConfig from '../../electron.vite.config';

const repo = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'onsite-main-'));
let files: string[];
let code: string;

beforeAll(async () => {
  const inline = {
    configFile: false,
    root: repo,
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  } as const;
  const config = await new MainConfigFactory((electronViteConfig as UserConfig).main!, inline as never, {
    root: repo,
  }).build();
  await build({ ...(config as InlineConfig), configFile: false });
  files = readdirSync(outDir, { recursive: true }).map(String);
  code = readFileSync(join(outDir, 'index.js'), 'utf8');
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('main bundle', () => {
  it('is one ES module file, index.js', () => {
    expect(files).toEqual(['index.js']);
    expect(code).not.toMatch(/\bimport\s*\(/); // a dynamic import could resolve after `ready`
  });

  it('imports only Node built-ins, electron and production dependencies', () => {
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
    };
    const imported = [...code.matchAll(/^import\s[^'"]*["']([^"']+)["']/gm)].map((m) => m[1]);
    for (const id of imported) {
      const name = id
        .split('/')
        .slice(0, id.startsWith('@') ? 2 : 1)
        .join('/');
      const allowed = id.startsWith('node:') || id === 'electron' || Object.hasOwn(pkg.dependencies, name);
      expect(allowed, id).toBe(true);
    }
  });

  it('registers the privileged scheme at top level, before waiting for ready', () => {
    const call = code.search(/^registerAppScheme\(\);$/m);
    expect(call).toBeGreaterThan(-1);
    expect(call).toBeLessThan(code.indexOf('whenReady()'));
  });
});
