import { describe, expect, it } from 'vitest';
import { searchPalette, type PaletteItem } from './palette-search';

const items: PaletteItem[] = [
  { kind: 'page', path: '/faults', label: '故障' },
  { kind: 'page', path: '/kb', label: '知识库' },
  { kind: 'fault', path: '/faults/1', label: 'GZ-202612-A-001 核心交易登录缓慢', keywords: '交易 登录' },
  { kind: 'fault', path: '/faults/2', label: 'GZ-202612-A-002 防火墙 HA 切换', keywords: '防火墙' },
  { kind: 'article', path: '/kb/9', label: 'KB-A-0012 防火墙主备切换后会话丢失', keywords: '防火墙 HA' },
  { kind: 'system', path: '/settings/inventory', label: '核心交易系统', keywords: 'server 10.1.2.3' },
];

describe('command palette search', () => {
  it('finds a fault by the start of its number first', () => {
    const hits = searchPalette(items, 'gz-202612-a-002');
    expect(hits.map((h) => h.path)).toEqual(['/faults/2']);
  });

  it('needs every word; ranks word starts above substrings', () => {
    const hits = searchPalette(items, '防火墙 切换');
    expect(hits.map((h) => h.path)).toEqual(['/faults/2', '/kb/9']);
    expect(searchPalette(items, '防火墙 登录')).toEqual([]);
  });

  it('searches keywords (an IP of a system) and pages by name', () => {
    expect(searchPalette(items, '10.1.2').map((h) => h.path)).toEqual(['/settings/inventory']);
    expect(searchPalette(items, '知识').map((h) => h.path)).toEqual(['/kb']);
  });

  it('shows the pages for an empty query and caps each kind', () => {
    expect(searchPalette(items, '  ').map((h) => h.kind)).toEqual(['page', 'page']);
    const many = Array.from({ length: 20 }, (_, i) => ({ kind: 'fault' as const, path: `/f/${i}`, label: `GZ-${i}` }));
    expect(searchPalette(many, 'gz', 6)).toHaveLength(6);
  });
});
