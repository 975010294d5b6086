/**
 * The app's origin, fixed from the first release on: IndexedDB data belongs to it, so changing the
 * scheme or host would make every record invisible.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'bundle';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * The origin (`scheme://host[:port]`) of a URL, or null when it has none.
 * Node's `new URL('app://bundle/x').origin` is the string "null" for every non-special scheme, so
 * comparing `.origin` would treat `app://bundle` and `evil://x` as equal; we build it from the parts.
 */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (!parsed.host) return null; // file:, data:, blob:, about: — never trusted.
  return `${parsed.protocol}//${parsed.host}`.toLowerCase();
}

/**
 * The origins allowed to drive the app: `app://bundle`, plus the electron-vite dev server when
 * running unpackaged with ELECTRON_RENDERER_URL set (never in a packaged build).
 */
export function trustedOrigins(isPackaged: boolean, env: Record<string, string | undefined> = process.env): string[] {
  const origins = [APP_ORIGIN];
  const devUrl = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && devUrl) {
    const dev = originOf(devUrl);
    if (dev && /^https?:\/\/(localhost|127\.0\.0\.1)(:\d+)?$/.test(dev)) origins.push(dev);
  }
  return origins;
}

/** True when `url` belongs to one of the trusted origins. */
export function isTrustedUrl(url: string, origins: readonly string[]): boolean {
  const origin = originOf(url);
  return origin !== null && origins.includes(origin);
}

/** The URL the main window loads: the dev server in development, the app:// bundle otherwise. */
export function rendererEntryUrl(isPackaged: boolean, env: Record<string, string | undefined> = process.env): string {
  const devUrl = env.ELECTRON_RENDERER_URL;
  return !isPackaged && devUrl && trustedOrigins(false, env).length > 1 ? devUrl : APP_ENTRY_URL;
}
