/**
 * Guards applied to every web contents and to the default session. The renderer shows text that
 * came from outside (imported files, pasted logs); if any of it ever executes, these keep it from
 * navigating away, opening windows or asking for devices.
 */
import type { App, Event, Session, WebContents } from 'electron';
import { isTrustedUrl } from './origin';

/**
 * Permissions granted to the app's own pages; everything else is denied. Copying a ticket number
 * to the clipboard is the only web permission the UI needs.
 */
const ALLOWED_PERMISSIONS = new Set(['clipboard-sanitized-write']);

/** Decides whether a page may navigate to `url`: only within the trusted origins. */
export function isNavigationAllowed(url: string, origins: readonly string[]): boolean {
  return isTrustedUrl(url, origins);
}

/** Decides a permission request or check: only allow-listed permissions, only for trusted origins. */
export function isPermissionAllowed(
  permission: string,
  requestingUrl: string | undefined,
  origins: readonly string[],
): boolean {
  return ALLOWED_PERMISSIONS.has(permission) && requestingUrl !== undefined && isTrustedUrl(requestingUrl, origins);
}

/**
 * Hardens one web contents: navigation outside the app origin is blocked, window.open is denied,
 * and <webview> is never attached.
 */
export function hardenWebContents(contents: WebContents, origins: readonly string[]): void {
  const blockForeign = (event: Event, url: string) => {
    if (!isNavigationAllowed(url, origins)) event.preventDefault();
  };
  contents.on('will-navigate', (event, url) => blockForeign(event, event.url ?? url));
  contents.on('will-redirect', (event, url) => blockForeign(event, event.url ?? url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Denies permissions by default on a session (request and check handlers both). */
export function hardenSession(session: Session, origins: readonly string[]): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionAllowed(permission, details.requestingUrl, origins));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionAllowed(permission, requestingOrigin, origins),
  );
}

/** Applies `hardenWebContents` to every web contents the app ever creates. Call before any window exists. */
export function installSecurityGuards(app: App, origins: readonly string[]): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, origins));
}
