import { describe, expect, it } from 'vitest';
import { demoArticles } from './demo-articles';
import { highlightParts, snippet } from './marks';
import { KbSearchIndex, queryTerms, tokenize, type KbSearchDoc } from './search';

const docs: KbSearchDoc[] = demoArticles.map((a, i) => ({
  id: `kb-${i}`,
  title: a.title,
  symptoms: a.symptoms,
  cause: a.cause,
  solution: a.steps.join('\n'),
  commands: a.commands,
  tags: a.tags,
  family: a.family,
  systemName: a.system,
  number: `KB-A-${String(i + 1).padStart(4, '0')}`,
  revision: '2026-11-01T00:00:00.000Z',
}));
const titleOf = (id: string) => docs.find((d) => d.id === id)!.title;

function index(list = docs): KbSearchIndex {
  const ix = new KbSearchIndex();
  ix.sync(list);
  return ix;
}

describe('tokenize', () => {
  it('segments Chinese into words', () => {
    expect(tokenize('数据存储剩余空间告警处理')).toEqual(['数据', '存储', '剩余', '空间', '告警', '处理']);
    expect(tokenize('存储空间不足')).toEqual(['存储', '空间', '不足']);
  });

  it('lower-cases English and keeps it whole beside Chinese', () => {
    const terms = tokenize('VMware快照清理 snapshot consolidation');
    expect(terms).toEqual(expect.arrayContaining(['vmware', '快照', '清理', 'snapshot', 'consolidation']));
    expect(terms).not.toContain('VMware');
  });

  it('rejoins words the segmenter cut into single characters, as bigrams', () => {
    // Without a dictionary 堡垒机账号 may come out as 堡垒|机|账|号; 账号 must still be a term.
    expect(tokenize('堡垒机账号同步失败')).toEqual(expect.arrayContaining(['堡垒', '账号', '同步', '失败']));
  });

  it('drops punctuation and function words, keeps meaningful single characters', () => {
    const terms = tokenize('的、了，（HA）墙');
    expect(terms).toEqual(['ha', '墙']);
  });

  it('pairs a character left alone with its neighbouring word (监|控告|警 still gives 监控 and 告警)', () => {
    expect(tokenize('监控告警')).toEqual(expect.arrayContaining(['监控', '告警']));
  });

  it('gives the bigrams of long words so a shorter query word still meets them', () => {
    const terms = tokenize('防火墙');
    expect(terms).toEqual(expect.arrayContaining(['防火']));
  });
});

describe('query terms', () => {
  it('searches a lone character through the pairs it makes with its neighbours, when the index has them', () => {
    // 虚拟机 comes out of the segmenter as 虚拟|机.
    expect(queryTerms('虚拟机', (t) => ['虚拟', '拟机'].includes(t))).toEqual(['虚拟', '拟机']);
    expect(queryTerms('虚拟机', (t) => t === '虚拟')).toEqual(['虚拟']);
    expect(queryTerms('监控告警', (t) => ['监控', '告警'].includes(t))).toEqual(
      expect.arrayContaining(['监控', '告警']),
    );
  });

  it('drops lone characters unless nothing else is left, and function words always', () => {
    expect(queryTerms('打印机', () => true)).not.toContain('机');
    expect(queryTerms('墙', () => true)).toEqual(['墙']);
    expect(queryTerms('的', () => true)).toEqual([]);
  });
});

describe('search ranking', () => {
  const ix = index();

  it('"存储空间不足" finds 数据存储剩余空间告警处理 first', () => {
    const hits = ix.search({ text: '存储空间不足' });
    expect(titleOf(hits[0].id)).toBe('数据存储剩余空间告警处理');
    // Another article mentions 空间不足 only in its symptoms: it may match, but ranks below.
    expect(hits.length).toBeGreaterThan(1);
  });

  it('ranks a title match above a match in the solution steps', () => {
    const hits = ix.search({ text: '脑裂' });
    expect(titleOf(hits[0].id)).toBe('防火墙 HA 双机脑裂处理');
    const [h] = index([
      { ...docs[0], id: 'in-solution', title: '其他问题', symptoms: '无', tags: [], solution: '检查证书是否到期' },
      { ...docs[0], id: 'in-title', title: '证书到期处理', symptoms: '无', tags: [], solution: '无' },
    ]).search({ text: '证书' });
    expect(h.id).toBe('in-title');
  });

  it('ranks symptoms above tags above solution', () => {
    const base = {
      ...docs[0],
      title: '一篇文章',
      symptoms: '无',
      cause: '',
      commands: '',
      tags: [] as string[],
      solution: '无',
    };
    const hits = index([
      { ...base, id: 'solution', solution: '检查复制延迟' },
      { ...base, id: 'tags', tags: ['复制'] },
      { ...base, id: 'symptoms', symptoms: '复制延迟告警' },
    ]).search({ text: '复制' });
    expect(hits.map((h) => h.id)).toEqual(['symptoms', 'tags', 'solution']);
  });

  it('matches English terms by prefix and with a typo, and mixed queries', () => {
    expect(titleOf(ix.search({ text: 'snap' })[0].id)).toContain('快照');
    expect(titleOf(ix.search({ text: 'consolidaton' })[0].id)).toContain('快照');
    expect(titleOf(ix.search({ text: 'LDAP 同步失败' })[0].id)).toBe('堡垒机账号同步失败（AD 域同步）');
    expect(titleOf(ix.search({ text: 'NTP时间不同步' })[0].id)).toBe('ESXi 主机 NTP 时间漂移');
  });

  it('filters by family and tag', () => {
    const all = ix.search({ text: '空间不足' });
    const backup = ix.search({ text: '空间不足', family: 'backup-dr' });
    expect(all.length).toBeGreaterThan(backup.length);
    expect(backup.map((h) => titleOf(h.id))).toEqual(['备份作业失败：客户端离线或备份介质空间不足']);
    expect(ix.search({ text: '空间不足', tags: ['堡垒机', '审计'] }).map((h) => titleOf(h.id))).toEqual([
      '堡垒机 RDP 会话录像无法回放',
    ]);
    expect(ix.search({ text: '空间不足', tags: ['不存在的标签'] })).toEqual([]);
    // A tag matches whole, not as part of another tag or of the system's name.
    expect(ix.search({ text: '空间不足', tags: ['堡垒'] })).toEqual([]);
  });

  it('finds nothing for an empty query or unrelated words', () => {
    expect(ix.search({ text: '  ' })).toEqual([]);
    expect(ix.search({ text: '打印机卡纸' })).toEqual([]);
  });
});

describe('index upkeep', () => {
  it('builds in steps, so a large first build does not freeze the window', () => {
    const ix = new KbSearchIndex();
    expect(ix.syncSome(docs, 5)).toBe(false);
    expect(ix.size).toBe(5);
    expect(ix.syncSome(docs, 5)).toBe(false);
    expect(ix.syncSome(docs, 5)).toBe(true);
    expect(ix.size).toBe(docs.length);
    expect(titleOf(ix.search({ text: '存储空间不足' })[0].id)).toBe('数据存储剩余空间告警处理');
  });

  it('adds, replaces changed and drops removed articles on sync', () => {
    const ix = index(docs.slice(0, 3));
    expect(ix.size).toBe(3);
    expect(ix.search({ text: '脑裂' })).toEqual([]);
    const changed = { ...docs[0], title: '数据存储脑裂演练', revision: '2026-11-02T00:00:00.000Z' };
    ix.sync([changed, docs[1]]);
    expect(ix.size).toBe(2);
    expect(ix.search({ text: '脑裂' }).map((h) => h.id)).toEqual([docs[0].id]);
    expect(ix.search({ text: 'LDAP' })).toEqual([]);
  });
});

describe('large knowledge bases', () => {
  const many = Array.from({ length: 400 }, (_, i) => ({
    ...docs[i % docs.length],
    id: `m${i}`,
    title: `${docs[i % docs.length].title} 监控告警 ${i}`,
  }));
  const ix = index(many);

  it('leaves out of a query the words found in over a third of the articles, when it has others', () => {
    expect(ix.termsOf('监控告警 脑裂')).not.toContain('告警');
    expect(ix.termsOf('监控告警 脑裂')).toContain('脑裂');
    expect(ix.search({ text: '监控告警 脑裂' }).every((h) => h.queryTerms.includes('脑裂'))).toBe(true);
    // Alone, a common word is still searched.
    expect(ix.termsOf('监控告警')).toEqual(expect.arrayContaining(['监控', '告警']));
    expect(ix.search({ text: '监控告警', limit: 500 })).toHaveLength(400);
  });

  it('keeps the counts right when articles change or go', () => {
    ix.sync(many.slice(0, 100).map((d) => ({ ...d, revision: 'edited' })));
    expect(ix.size).toBe(100);
    expect(ix.size).toBe(100);
    expect(ix.termsOf('监控告警 脑裂')).toEqual(expect.arrayContaining(['监控', '告警', '脑裂']));
  });
});

describe('suggestions for a fault being logged', () => {
  const ix = index();
  it('suggests the matching article from symptoms', () => {
    const hits = ix.suggest('生产集群数据存储空间不足，虚拟机无法创建快照');
    expect(titleOf(hits[0].id)).toBe('数据存储剩余空间告警处理');
    expect(hits.length).toBeLessThanOrEqual(3);
  });
  it('needs two shared words, and suggests at most three', () => {
    // 告警 alone is in several articles; with nothing else in common nothing is suggested.
    expect(ix.search({ text: '打印机卡纸告警' }).length).toBeGreaterThan(0);
    expect(ix.suggest('打印机卡纸告警')).toEqual([]);
    expect(ix.suggest('处理').length).toBeLessThanOrEqual(3);
    expect(ix.suggest('')).toEqual([]);
  });
});

describe('highlighting', () => {
  it('marks matched words, case-insensitively, not single characters', () => {
    const parts = highlightParts('VMware 数据存储空间不足', ['vmware', '存储', '空间', '据']);
    expect(parts.filter((p) => p.hit).map((p) => p.text)).toEqual(['VMware', '存储', '空间']);
    expect(parts.map((p) => p.text).join('')).toBe('VMware 数据存储空间不足');
  });
  it('cuts a snippet around the first match', () => {
    const text = `${'甲'.repeat(200)}存储空间${'乙'.repeat(200)}`;
    const s = snippet(text, ['存储'], 60);
    expect(s).toContain('存储空间');
    expect(s.startsWith('…') && s.endsWith('…')).toBe(true);
  });
});
