import { defineConfig } from 'vite';
import { rendererConfig } from './vite.shared';

// The same renderer in plain Chromium (dev, e2e): renderer/platform/web.ts takes over window.api.
export default defineConfig({ ...rendererConfig(), preview: { strictPort: true } });
