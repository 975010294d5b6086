/**
 * Nothing leaves the laptop: every request of the default session passes through here, and only
 * the app's own pages (app://bundle), a PDF file main itself wrote for printing, in-memory URLs and
 * Chromium's internal pages are let through. Everything else — http(s), ws(s), any other file — is
 * cancelled and recorded, so "no network at run time" is enforced rather than merely intended.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { OnBeforeRequestListenerDetails, Session } from 'electron';
import { isTrustedUrl } from './origin';

/** Chromium's built-in PDF viewer (an internal extension) renders the PDF in the hidden print window. */
const PDF_VIEWER_ORIGIN = 'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai';
/** Schemes that never reach the network: in-memory data and Chromium's own pages. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'devtools:', 'chrome:']);
/** How many blocked URLs are kept for support (the count keeps going). */
const RECENT_LIMIT = 20;

export interface BlockedRequest {
  url: string;
  /** ISO 8601 */
  at: string;
}

export interface NetworkGuardOptions {
  /** Trusted origins (origin.ts): app://bundle, plus the dev server when unpackaged. */
  origins: readonly string[];
  log?: (line: string) => void;
  now?: () => Date;
}

export interface NetworkGuard {
  /** The decision for one URL; pure apart from the allowed-file set. */
  isAllowed(url: string): boolean;
  /** Lets the page load exactly this local file (a temp PDF main wrote), until `forgetFile`. */
  allowFile(path: string): void;
  forgetFile(path: string): void;
  /** Number of requests refused since start. */
  blockedCount(): number;
  /** The most recent refused URLs, newest last. */
  recent(): BlockedRequest[];
  /** The listener for `session.webRequest.onBeforeRequest`. */
  listener(
    details: Pick<OnBeforeRequestListenerDetails, 'url'>,
    callback: (response: { cancel: boolean }) => void,
  ): void;
}

/** A file: URL as a normalised absolute path, or null when it is not a local file URL. */
function filePathOf(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== 'file:' || (parsed.host !== '' && parsed.host !== 'localhost')) return null;
    return resolve(fileURLToPath(parsed));
  } catch {
    return null;
  }
}

/** The dev server's WebSocket (Vite HMR) has the same host as its http origin. */
function devSocketOrigin(origin: string): string | null {
  return origin.startsWith('http://') ? `ws://${origin.slice('http://'.length)}` : null;
}

export function createNetworkGuard(options: NetworkGuardOptions): NetworkGuard {
  const log = options.log ?? ((line: string) => console.warn(line));
  const now = options.now ?? (() => new Date());
  const files = new Set<string>();
  const recent: BlockedRequest[] = [];
  const socketOrigins = options.origins.map(devSocketOrigin).filter((o): o is string => o !== null);
  let blocked = 0;

  const isAllowed = (url: string): boolean => {
    let protocol: string;
    try {
      protocol = new URL(url).protocol;
    } catch {
      return false;
    }
    if (LOCAL_SCHEMES.has(protocol)) return true;
    if (isTrustedUrl(url, options.origins)) return true;
    if (isTrustedUrl(url, socketOrigins)) return true;
    if (protocol === 'chrome-extension:') return url.toLowerCase().startsWith(PDF_VIEWER_ORIGIN + '/');
    if (protocol === 'file:') {
      const path = filePathOf(url);
      return path !== null && files.has(path);
    }
    return false;
  };

  return {
    isAllowed,
    allowFile: (path) => void files.add(resolve(path)),
    forgetFile: (path) => void files.delete(resolve(path)),
    blockedCount: () => blocked,
    recent: () => [...recent],
    listener(details, callback) {
      if (isAllowed(details.url)) {
        callback({ cancel: false });
        return;
      }
      blocked += 1;
      recent.push({ url: details.url, at: now().toISOString() });
      if (recent.length > RECENT_LIMIT) recent.shift();
      // Never the query string: it could carry record data; the origin and path are enough for support.
      log(`[network] blocked request #${blocked}: ${details.url.split(/[?#]/)[0]}`);
      callback({ cancel: true });
    },
  };
}

/** Routes every request of `session` through the guard. Call after `ready`, before any window loads. */
export function installNetworkGuard(session: Session, guard: NetworkGuard): void {
  session.webRequest.onBeforeRequest((details, callback) => guard.listener(details, callback));
}
