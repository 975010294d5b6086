/**
 * A sandboxed renderer loads only ONE CommonJS preload that may require nothing but `electron`
 * (Electron's sandbox: `require` offers only a few modules). Electron cannot run here, so this builds the preload with the project's real
 * electron-vite preload config and runs it the way the sandbox would: one script, a `require`
 * that offers only a mocked `electron`. It then checks `window.api` against the contract.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { PreloadConfigFactory, type UserConfig } from 'electron-vite';
import { build, type InlineConfig } from 'vite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { channelOf, MAIN_EVENT_CHANNEL, platformApiKeys } from '@shared/ipc/contract';
import electronViteConfig from '../../electron.vite.config';

const repo = resolve(import.meta.dirname, '../..');
const outDir = mkdtempSync(join(tmpdir(), 'onsite-preload-'));
const preloadConfig = (electronViteConfig as UserConfig).preload!;

let built: string;
beforeAll(async () => {
  const inline = {
    configFile: false,
    root: repo,
    mode: 'production',
    logLevel: 'error',
    build: { outDir, emptyOutDir: true },
  } as const;
  const config = await new PreloadConfigFactory(preloadConfig, inline as never, { root: repo }).build();
  await build({ ...(config as InlineConfig), configFile: false });
  const files = readdirSync(outDir);
  expect(files).toEqual(['index.cjs']); // ONE file: a split preload cannot load in the sandbox
  built = readFileSync(join(outDir, 'index.cjs'), 'utf8');
}, 120_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** Runs preload code as the sandbox does and returns what it exposed and the IPC it made. */
function runInSandbox(
  code: string,
  invokeResult: (channel: string, req: unknown) => unknown = (channel, req) => ({ ok: true, value: { channel, req } }),
) {
  const exposed: Record<string, unknown> = {};
  const exposeInMainWorld = vi.fn((key: string, value: unknown) => {
    exposed[key] = value;
  });
  const invoke = vi.fn(async (channel: string, req: unknown) => invokeResult(channel, req));
  const ipcRenderer = { invoke, on: vi.fn(), removeListener: vi.fn(), send: vi.fn() };
  const electron = { contextBridge: { exposeInMainWorld }, ipcRenderer };
  const sandboxRequire = (id: string) => {
    if (id === 'electron') return electron;
    throw new Error(`Cannot require '${id}' in a sandboxed preload`);
  };
  const module = { exports: {} };
  new Function('require', 'module', 'exports', code)(sandboxRequire, module, module.exports);
  return { exposed, exposeInMainWorld, invoke, ipcRenderer };
}

/** The checks that hold for any preload build, ours or electron-vite's own output. */
function checkPreload(code: string) {
  // No ESM: the sandbox runs the preload as a classic script.
  expect(code).not.toMatch(/^\s*(import|export)\b/m);
  expect(code).not.toMatch(/\bimport\s*\(/);
  expect(code).not.toMatch(/\bimport\.meta\b/);
  const required = [...code.matchAll(/\brequire\s*\(\s*([^)]*)\)/g)].map((m) => m[1].trim());
  expect(required.length).toBeGreaterThan(0);
  for (const id of required) expect(id).toMatch(/^["']electron["']$/);

  const { exposed, exposeInMainWorld } = runInSandbox(code);
  expect(exposeInMainWorld).toHaveBeenCalledTimes(1);
  expect(Object.keys(exposed)).toEqual(['api']);
  const api = exposed.api as Record<string, unknown>;
  expect(Object.keys(api).sort()).toEqual([...platformApiKeys].sort());
  for (const value of Object.values(api)) expect(typeof value).toBe('function'); // never ipcRenderer or other objects
}

describe('the preload as a sandboxed renderer loads it', () => {
  it('the config builds ONE CommonJS file named like the path main loads', async () => {
    const output = (preloadConfig.build?.rollupOptions?.output ?? {}) as { format?: string; entryFileNames?: string };
    expect(output.format).toBe('cjs');
    expect(output.entryFileNames).toBe('[name].cjs');
    vi.doMock('electron', () => ({}));
    const { PRELOAD_PATH } = await import('../../electron/main/paths');
    expect(basename(PRELOAD_PATH)).toBe('index.cjs');
    expect(basename(resolve(PRELOAD_PATH, '..'))).toBe('preload');
  });

  it('has no import/export, requires only electron, and exposes exactly one function per channel', () => {
    checkPreload(built);
  });

  it('each function invokes its own channel with the request and unwraps the value', async () => {
    const { exposed, invoke } = runInSandbox(built);
    const api = exposed.api as Record<string, (req?: unknown) => Promise<unknown>>;
    for (const [method, channel] of Object.entries(channelOf)) {
      invoke.mockClear();
      const req = { probe: method };
      await expect(api[method](req)).resolves.toEqual({ channel, req });
      expect(invoke).toHaveBeenCalledExactlyOnceWith(channel, req);
    }
  });

  it('onMainEvent listens on the one event channel, forwards only the payload, and unsubscribes', () => {
    const { exposed, ipcRenderer } = runInSandbox(built);
    const api = exposed.api as { onMainEvent(listener: (e: unknown) => void): () => void };
    const listener = vi.fn();
    const off = api.onMainEvent(listener);
    expect(ipcRenderer.on).toHaveBeenCalledExactlyOnceWith(MAIN_EVENT_CHANNEL, expect.any(Function));
    const forward = ipcRenderer.on.mock.calls[0][1] as (event: unknown, payload: unknown) => void;
    forward({ sender: 'the IpcRendererEvent must not reach the page' }, { type: 'show-about' });
    expect(listener).toHaveBeenCalledExactlyOnceWith({ type: 'show-about' });
    off();
    expect(ipcRenderer.removeListener).toHaveBeenCalledExactlyOnceWith(MAIN_EVENT_CHANNEL, forward);
  });

  it('a failed IpcResult rejects with an Error whose code survives contextBridge in the message', async () => {
    const { exposed } = runInSandbox(built, () => ({
      ok: false,
      error: { code: 'disk-full', message: 'No space left' },
    }));
    const api = exposed.api as Record<string, (req?: unknown) => Promise<unknown>>;
    const error = (await api.backupWrite({}).catch((e: unknown) => e)) as Error & { code?: string };
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('disk-full');
    expect(error.message).toBe('[disk-full] No space left');
  });

  it.runIf(existsSync(join(repo, 'out/preload/index.cjs')))(
    'the preload in out/ (from electron-vite build) passes the same checks',
    () => {
      checkPreload(readFileSync(join(repo, 'out/preload/index.cjs'), 'utf8'));
    },
  );
});
