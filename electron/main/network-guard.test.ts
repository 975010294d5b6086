import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Session } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { APP_ORIGIN } from './origin';
import { createNetworkGuard, installNetworkGuard } from './network-guard';

const fixedNow = () => new Date('2026-11-25T08:00:00Z');

function guardWithLog(origins: readonly string[] = [APP_ORIGIN]) {
  const lines: string[] = [];
  const guard = createNetworkGuard({ origins, log: (l) => lines.push(l), now: fixedNow });
  const decide = (url: string) => {
    const callback = vi.fn();
    guard.listener({ url }, callback);
    return callback.mock.calls[0][0] as { cancel: boolean };
  };
  return { guard, lines, decide };
}

describe('network guard', () => {
  it.each([
    'app://bundle/index.html',
    'app://bundle/assets/index-abc.js?x=1',
    'data:image/png;base64,AAAA',
    'blob:app://bundle/1b0e0f4c-1f7e-4a1e-9d0a-000000000000',
    'devtools://devtools/bundled/inspector.html',
    'chrome-extension://mhjfbmdgcfjbbpaeojofohoefgiehjai/index.html',
  ])('lets %s through', (url) => {
    const { decide, guard, lines } = guardWithLog();
    expect(decide(url)).toEqual({ cancel: false });
    expect(guard.blockedCount()).toBe(0);
    expect(lines).toEqual([]);
  });

  it.each([
    'https://example.com/',
    'http://127.0.0.1:8080/api',
    'http://localhost:5173/', // the dev server is not trusted unless it is one of the origins
    'ws://localhost:5173/',
    'wss://telemetry.example/',
    'ftp://files.example/x',
    'app://evil/index.html',
    'evil://bundle/index.html',
    'chrome-extension://aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/x.js',
    'file:///etc/passwd',
    'file://server/share/x.pdf',
    'not a url',
  ])('cancels %s and records it', (url) => {
    const { decide, guard, lines } = guardWithLog();
    expect(decide(url)).toEqual({ cancel: true });
    expect(guard.blockedCount()).toBe(1);
    expect(guard.recent()).toEqual([{ url, at: '2026-11-25T08:00:00.000Z' }]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^\[network\] blocked request #1: /);
  });

  it('logs the URL without its query string (it may carry record data)', () => {
    const { decide, lines } = guardWithLog();
    decide('https://example.com/track?fault=GZ-202611-A-003#x');
    expect(lines[0]).toBe('[network] blocked request #1: https://example.com/track');
  });

  it('lets a file through only while main has allowed that exact path', () => {
    const { decide, guard } = guardWithLog();
    const pdf = resolve('/tmp/onsite-desk-pdf/1234-report.pdf');
    const url = pathToFileURL(pdf).href;
    expect(decide(url).cancel).toBe(true);
    guard.allowFile(pdf);
    expect(decide(url).cancel).toBe(false);
    expect(decide(pathToFileURL(resolve('/tmp/onsite-desk-pdf/other.pdf')).href).cancel).toBe(true);
    guard.forgetFile(pdf);
    expect(decide(url).cancel).toBe(true);
    expect(guard.blockedCount()).toBe(3);
  });

  it('trusts the dev server and its HMR socket when they are trusted origins (unpackaged runs)', () => {
    const { decide } = guardWithLog([APP_ORIGIN, 'http://localhost:5173']);
    expect(decide('http://localhost:5173/src/main.tsx').cancel).toBe(false);
    expect(decide('ws://localhost:5173/').cancel).toBe(false);
    expect(decide('ws://localhost:5174/').cancel).toBe(true);
  });

  it('counts every refusal and keeps only the last 20 URLs', () => {
    const { decide, guard } = guardWithLog();
    for (let i = 0; i < 25; i++) decide(`https://example.com/${i}`);
    expect(guard.blockedCount()).toBe(25);
    const recent = guard.recent();
    expect(recent).toHaveLength(20);
    expect(recent[0].url).toBe('https://example.com/5');
    expect(recent[19].url).toBe('https://example.com/24');
  });

  it('installs itself as the session-wide onBeforeRequest listener', () => {
    const onBeforeRequest = vi.fn();
    const session = { webRequest: { onBeforeRequest } } as unknown as Session;
    const { guard } = guardWithLog();
    installNetworkGuard(session, guard);
    expect(onBeforeRequest).toHaveBeenCalledTimes(1);
    const listener = onBeforeRequest.mock.calls[0][0] as (d: { url: string }, cb: (r: unknown) => void) => void;
    const cb = vi.fn();
    listener({ url: 'https://example.com/' }, cb);
    expect(cb).toHaveBeenCalledWith({ cancel: true });
    expect(guard.blockedCount()).toBe(1);
  });
});
