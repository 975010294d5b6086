import { describe, expect, it } from 'vitest';
import { peersBehind, relativeTime } from './sync.service';

const now = Date.parse('2026-11-25T10:00:00+08:00');
const ago = (hours: number) => new Date(now - hours * 3600_000).toISOString();

describe('peer status on the dashboard', () => {
  it('warns about a peer last heard from more than three days ago, not one at three days', () => {
    const peers = [
      { device: 'B', receivedAt: ago(72) },
      { device: 'C', receivedAt: ago(73) },
      { device: 'D', receivedAt: ago(1) },
    ];
    expect(peersBehind(peers, now).map((p) => p.device)).toEqual(['C']);
  });

  it('says when in days, hours or minutes, in both languages', () => {
    expect(relativeTime(ago(48), 'zh-CN', now)).toBe('2天前');
    expect(relativeTime(ago(72), 'zh-CN', now)).toBe('3天前');
    expect(relativeTime(ago(72), 'en', now)).toBe('3 days ago');
    expect(relativeTime(ago(5), 'en', now)).toBe('5 hours ago');
    expect(relativeTime(new Date(now - 10 * 60_000).toISOString(), 'en', now)).toBe('10 minutes ago');
  });
});
