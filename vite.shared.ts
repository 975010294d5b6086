import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import type { UserConfig } from 'vite';

/** The renderer build shared by electron-vite (desktop) and plain Vite (browser, e2e). */
export function rendererConfig(): UserConfig {
  const root = resolve(import.meta.dirname, 'renderer');
  return {
    root,
    base: './',
    publicDir: resolve(import.meta.dirname, 'resources/public'),
    plugins: [react()],
    resolve: {
      alias: {
        '@shared': resolve(import.meta.dirname, 'shared'),
        '@renderer': root,
        '@resources': resolve(import.meta.dirname, 'resources'),
      },
    },
    worker: { format: 'es' },
    build: {
      // RENDERER_OUT lets several engineers build and serve side by side (e2e on separate ports).
      outDir: resolve(import.meta.dirname, process.env.RENDERER_OUT ?? 'out/renderer'),
      emptyOutDir: true,
      target: 'chrome130',
      chunkSizeWarningLimit: 4000,
      rollupOptions: { input: resolve(root, 'index.html') },
    },
  };
}
