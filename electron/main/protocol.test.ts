import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import fc from 'fast-check';
import { fcRuns } from '@shared/util/fc-runs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./test-utils/electron-mock'));

const { CONTENT_SECURITY_POLICY, registerAppScheme, resolveBundlePath, serveBundleRequest, handleAppProtocol } =
  await import('./protocol');
const { mockState } = await import('./test-utils/electron-mock');

// A real bundle folder with a sibling "secret" that a traversal would reach.
const base = mkdtempSync(join(tmpdir(), 'onsite-protocol-'));
const root = join(base, 'renderer');
beforeAll(() => {
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Onsite Desk</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(root, 'assets', '字体.otf'), 'font');
  writeFileSync(join(base, 'secret.txt'), 'secret');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('resolveBundlePath', () => {
  it('maps app://bundle/ URLs to files inside the bundle', () => {
    expect(resolveBundlePath(root, 'app://bundle/')).toBe(join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle')).toBe(join(root, 'index.html'));
    expect(resolveBundlePath(root, 'app://bundle/assets/app.js?v=1#x')).toBe(join(root, 'assets', 'app.js'));
    expect(resolveBundlePath(root, 'app://bundle/assets/%E5%AD%97%E4%BD%93.otf')).toBe(
      join(root, 'assets', '字体.otf'),
    );
  });

  it.each([
    'app://bundle/../x',
    'app://bundle/../../secret.txt',
    'app://bundle/a/../../secret.txt',
    'app://bundle/%2e%2e/secret.txt',
    'app://bundle/%2E%2E/secret.txt',
    'app://bundle/.%2e/secret.txt',
    'app://bundle/..%2fsecret.txt',
    'app://bundle/%2f..%2f..%2fetc%2fpasswd',
    'app://bundle/..%2Fsecret.txt',
    'app://bundle/..\\secret.txt',
    'app://bundle/..%5csecret.txt',
    'app://bundle/assets\\..\\..\\secret.txt',
    'app://bundle/index.html%00.png',
    'app://bundle/index.html\u0000',
    'app://bundle/%252e%252e/secret.txt',
    'app://bundle/C:%5cWindows%5cwin.ini',
    'app://bundle/%zz',
    'app://evil/index.html',
    'app://bundle.evil/index.html',
    'app://bundle@evil/index.html',
    'file:///etc/passwd',
    'https://bundle/index.html',
  ])('refuses %s', (url) => {
    expect(resolveBundlePath(root, url)).toBeNull();
  });

  it('never resolves outside the bundle, whatever the path (property)', () => {
    const pieces = fc.constantFrom(
      '..',
      '.',
      '/',
      '%2e',
      '%2E',
      '%2f',
      '%5c',
      '\\',
      '%00',
      '%25',
      'a',
      'index.html',
      '%',
      'C:',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const resolved = resolveBundlePath(root, `app://bundle/${parts.join('')}`);
        return resolved === null || resolved.startsWith(root + sep);
      }),
      { numRuns: fcRuns(2000) },
    );
  });
});

describe('Content-Security-Policy', () => {
  const directives = Object.fromEntries(
    CONTENT_SECURITY_POLICY.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it('allows no eval and no inline or foreign scripts', () => {
    expect(CONTENT_SECURITY_POLICY).not.toContain('unsafe-eval');
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
  });

  it('locks down objects, base URIs and framing, and allows what the UI needs', () => {
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['worker-src']).toEqual(["'self'", 'blob:']);
    expect(directives['style-src']).toEqual(["'self'", "'unsafe-inline'"]); // Ant Design injects styles
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:']);
  });
});

describe('serveBundleRequest', () => {
  it('serves files with a content type and the CSP header', async () => {
    const res = await serveBundleRequest(root, new Request('app://bundle/assets/app.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('falls back to index.html for client routes, 404 for missing assets', async () => {
    const route = await serveBundleRequest(root, new Request('app://bundle/faults/GZ-1'));
    expect(route.status).toBe(200);
    expect(await route.text()).toContain('<title>Onsite Desk</title>');
    const missing = await serveBundleRequest(root, new Request('app://bundle/assets/missing.js'));
    expect(missing.status).toBe(404);
  });

  it('answers a traversal with 403 and the CSP header, never the file', async () => {
    const res = await serveBundleRequest(root, new Request('app://bundle/..%2fsecret.txt'));
    expect(res.status).toBe(403);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(await res.text()).not.toContain('secret');
  });

  it('refuses methods other than GET and HEAD', async () => {
    const res = await serveBundleRequest(root, new Request('app://bundle/index.html', { method: 'POST', body: 'x' }));
    expect(res.status).toBe(405);
  });
});

describe('scheme registration', () => {
  it('registers app:// as a privileged standard scheme and handles it', () => {
    registerAppScheme();
    expect(mockState.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, stream: true },
      },
    ]);
    handleAppProtocol(root);
    expect(mockState.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
