/**
 * The privileged `app://` scheme that serves the built renderer (out/renderer) from `app://bundle/…`.
 * A custom scheme instead of file:// gives the UI a stable origin (IndexedDB lives there) and lets
 * us attach a Content-Security-Policy header to every response.
 */
import { readFile, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME } from './origin';

/**
 * The CSP of every app:// response. No 'unsafe-eval' and no inline scripts: a script injected
 * through a rendered record cannot run. Inline styles stay allowed because Ant Design injects them.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self' data: blob:",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.pdf': 'application/pdf',
};

/** Registers `app` as a privileged standard scheme. Must run before `app` is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
    },
  ]);
}

/**
 * Maps a request URL to a file inside `bundleRoot`, or null when the URL must be refused.
 * Works on the raw URL text rather than on `new URL()`, which silently normalises `..` away:
 * any dot segment, encoded separator, backslash, NUL or leftover `%` (double encoding) is refused.
 */
export function resolveBundlePath(bundleRoot: string, requestUrl: string): string | null {
  const match = /^app:\/\/bundle(?=[/?#]|$)([^?#]*)/i.exec(requestUrl);
  if (!match || requestUrl.includes('\0') || requestUrl.includes('\\')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(match[1]);
  } catch {
    return null; // malformed escape such as %zz
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\\%:]/.test(decoded)) return null;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '.' || s === '..')) return null;

  const root = resolve(bundleRoot);
  const target = resolve(root, ...(segments.length ? segments : ['index.html']));
  // Belt and braces: whatever the rules above missed, the result must stay inside the bundle.
  return target.startsWith(root + sep) ? target : null;
}

/** Response headers shared by every app:// response (errors included). */
function baseHeaders(contentType: string): Headers {
  return new Headers({
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
  });
}

/**
 * Answers one app:// request from `bundleRoot`. Paths without an extension fall back to
 * index.html so client-side routes survive a reload; missing assets are a plain 404.
 */
export async function serveBundleRequest(bundleRoot: string, request: Request): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    return new Response('Method not allowed', { status: 405, headers: baseHeaders('text/plain; charset=utf-8') });
  }
  let path = resolveBundlePath(bundleRoot, request.url);
  if (!path) return new Response('Forbidden', { status: 403, headers: baseHeaders('text/plain; charset=utf-8') });
  if (!(await isFile(path))) {
    if (extname(path) !== '')
      return new Response('Not found', { status: 404, headers: baseHeaders('text/plain; charset=utf-8') });
    path = resolve(bundleRoot, 'index.html');
  }
  let body: Buffer;
  try {
    body = await readFile(path);
  } catch {
    return new Response('Unreadable', { status: 500, headers: baseHeaders('text/plain; charset=utf-8') });
  }
  const type = MIME_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
    status: 200,
    headers: baseHeaders(type),
  });
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Installs the app:// handler on the default session. Must run after `app` is ready. */
export function handleAppProtocol(bundleRoot: string): void {
  protocol.handle(APP_SCHEME, (request) => serveBundleRequest(bundleRoot, request));
}
