/**
 * Paths of the built app, relative to this module's output file out/main/index.js. The main build
 * must stay a single chunk (no dynamic imports): `import.meta.url` is the URL of the chunk the
 * code ends up in, so a split chunk under out/main/chunks/ would break these.
 */
import { fileURLToPath } from 'node:url';

/** out/preload/index.cjs: the one CommonJS preload a sandboxed renderer accepts. */
export const PRELOAD_PATH = fileURLToPath(new URL('../preload/index.cjs', import.meta.url));

/** out/renderer: the built UI served from app://bundle/. */
export const RENDERER_ROOT = fileURLToPath(new URL('../renderer/', import.meta.url));
