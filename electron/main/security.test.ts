import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./test-utils/electron-mock'));

const { FakeWebContents, mockState } = await import('./test-utils/electron-mock');
const { APP_ORIGIN, isTrustedUrl, originOf, rendererEntryUrl, trustedOrigins } = await import('./origin');
const { hardenSession, hardenWebContents, installSecurityGuards } = await import('./security');
import type { App, Session, WebContents } from 'electron';

const origins = [APP_ORIGIN];

/** Emits a navigation event the way Electron 41 does: details object first, then the deprecated url. */
function navigate(contents: InstanceType<typeof FakeWebContents>, eventName: string, url: string) {
  const event = { url, preventDefault: vi.fn() };
  contents.emit(eventName, event, url);
  return event.preventDefault;
}

describe('originOf', () => {
  it('builds scheme://host itself, because Node reports "null" for custom schemes', () => {
    expect(new URL('app://bundle/x').origin).toBe('null'); // the trap this function exists for
    expect(originOf('app://bundle/index.html')).toBe('app://bundle');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });

  it('does not confuse another custom scheme with the app origin', () => {
    expect(isTrustedUrl('evil://bundle/index.html', origins)).toBe(false);
    expect(isTrustedUrl('app://evil/index.html', origins)).toBe(false);
    expect(isTrustedUrl('app://bundle/faults', origins)).toBe(true);
  });

  it('trusts the dev server only when unpackaged and on localhost', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173' };
    expect(trustedOrigins(false, env)).toEqual([APP_ORIGIN, 'http://localhost:5173']);
    expect(trustedOrigins(true, env)).toEqual([APP_ORIGIN]);
    expect(trustedOrigins(false, { ELECTRON_RENDERER_URL: 'https://evil.example' })).toEqual([APP_ORIGIN]);
    expect(rendererEntryUrl(true, env)).toBe('app://bundle/index.html');
    expect(rendererEntryUrl(false, env)).toBe('http://localhost:5173');
  });
});

describe('navigation and window-open guards', () => {
  const contents = new FakeWebContents();
  hardenWebContents(contents as unknown as WebContents, origins);

  it.each([
    'https://evil.example/',
    'http://localhost:5173/',
    'file:///etc/passwd',
    'evil://bundle/',
    'app://other/index.html',
    'javascript:alert(1)',
    'data:text/html,<script>1</script>',
  ])('blocks navigation to %s', (url) => {
    expect(navigate(contents, 'will-navigate', url)).toHaveBeenCalled();
    expect(navigate(contents, 'will-redirect', url)).toHaveBeenCalled();
  });

  it('lets the app navigate within its own origin', () => {
    expect(navigate(contents, 'will-navigate', 'app://bundle/index.html#/faults')).not.toHaveBeenCalled();
  });

  it('denies every window.open and never attaches a webview', () => {
    expect(contents.windowOpenHandler?.({ url: 'app://bundle/index.html' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler?.({ url: 'https://evil.example' })).toEqual({ action: 'deny' });
    expect(navigate(contents, 'will-attach-webview', 'app://bundle/')).toHaveBeenCalled();
  });

  it('hardens every web contents the app creates', () => {
    installSecurityGuards(mockState.app as unknown as App, origins);
    const created = new FakeWebContents();
    mockState.app.emit('web-contents-created', {}, created);
    expect(created.setWindowOpenHandler).toHaveBeenCalled();
    expect(navigate(created, 'will-navigate', 'https://evil.example')).toHaveBeenCalled();
  });
});

describe('permission handlers', () => {
  const ses = { setPermissionRequestHandler: vi.fn(), setPermissionCheckHandler: vi.fn() };
  hardenSession(ses as unknown as Session, origins);
  const request = ses.setPermissionRequestHandler.mock.calls[0][0] as (...a: unknown[]) => void;
  const check = ses.setPermissionCheckHandler.mock.calls[0][0] as (...a: unknown[]) => boolean;

  const ask = (permission: string, requestingUrl: string) => {
    const callback = vi.fn();
    request(null, permission, callback, { requestingUrl });
    return callback.mock.calls[0][0] as boolean;
  };

  it.each(['media', 'geolocation', 'notifications', 'openExternal', 'clipboard-read', 'fullscreen', 'unknown'])(
    'denies %s',
    (permission) => {
      expect(ask(permission, 'app://bundle/index.html')).toBe(false);
      expect(check(null, permission, 'app://bundle', {})).toBe(false);
    },
  );

  it('allows only clipboard writes, and only to the app itself', () => {
    expect(ask('clipboard-sanitized-write', 'app://bundle/index.html')).toBe(true);
    expect(check(null, 'clipboard-sanitized-write', 'app://bundle', {})).toBe(true);
    expect(ask('clipboard-sanitized-write', 'https://evil.example/')).toBe(false);
    expect(check(null, 'clipboard-sanitized-write', 'evil://bundle', {})).toBe(false);
  });
});
