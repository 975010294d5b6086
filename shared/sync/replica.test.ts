import { describe, expect, it } from 'vitest';
import { DELETED } from './merge';
import { Replica } from './replica';

const T0 = Date.parse('2026-12-01T09:00:00+08:00');
const sync = (from: Replica, to: Replica, now: number) => to.receive(from.bundleFor(to.device, now), now);

describe('replica: bundles between laptops', () => {
  it('a record made on one laptop arrives on the other with a receipt', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0);
    a.write('systems', 's1', { name: '核心交易', family: 'server' }, T0 + 1);
    const receipt = sync(a, b, T0 + 2);
    expect(receipt.created).toEqual({ systems: 1 });
    expect(b.record('systems', 's1')).toEqual({ name: '核心交易', family: 'server' });
  });

  it('reading the same bundle twice changes nothing the second time', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0);
    a.write('systems', 's1', { name: 'x' }, T0 + 1);
    const bundle = a.bundleFor('B', T0 + 2);
    b.receive(bundle, T0 + 3);
    const again = b.receive(bundle, T0 + 4);
    expect(again).toMatchObject({ created: {}, updated: {}, duplicates: 1 });
  });

  it('edits of different fields merge; the same field edited on both is a conflict on both, shown as the later', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0);
    a.write('kbArticles', 'k1', { title: '初稿', body: '…' }, T0 + 1);
    sync(a, b, T0 + 2);
    a.write('kbArticles', 'k1', { title: 'A 的标题' }, T0 + 10);
    b.write('kbArticles', 'k1', { title: 'B 的标题', body: 'B 的正文' }, T0 + 20);
    sync(a, b, T0 + 30);
    sync(b, a, T0 + 31);
    for (const r of [a, b]) {
      expect(r.record('kbArticles', 'k1')).toEqual({ title: 'B 的标题', body: 'B 的正文' });
      expect(r.conflicts()).toEqual([
        expect.objectContaining({
          field: 'title',
          shown: expect.objectContaining({ value: 'B 的标题', device: 'B' }),
          others: [expect.objectContaining({ value: 'A 的标题', device: 'A' })],
        }),
      ]);
    }
    // The project manager picks A's title on B; after the next exchange neither laptop lists it.
    b.resolve(b.conflicts()[0], 'A 的标题', T0 + 40);
    sync(b, a, T0 + 41);
    for (const r of [a, b]) {
      expect(r.conflicts()).toEqual([]);
      expect(r.record('kbArticles', 'k1')).toMatchObject({ title: 'A 的标题' });
    }
  });

  it('deleted on one laptop, edited on the other: listed, never silently dropped', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0);
    a.write('systems', 's1', { name: 'x', ip: '10.0.0.1' }, T0 + 1);
    sync(a, b, T0 + 2);
    a.remove('systems', 's1', T0 + 10);
    b.write('systems', 's1', { ip: '10.0.0.2' }, T0 + 5); // earlier than the delete, but not seen by it
    sync(a, b, T0 + 20);
    sync(b, a, T0 + 21);
    for (const r of [a, b]) {
      expect(r.record('systems', 's1')).toBeNull();
      expect(r.conflicts()).toEqual([
        expect.objectContaining({ field: DELETED, others: [expect.objectContaining({ value: '10.0.0.2' })] }),
      ]);
    }
    a.resolve(a.conflicts()[0], false, T0 + 30); // keep the record
    sync(a, b, T0 + 31);
    for (const r of [a, b]) {
      expect(r.conflicts()).toEqual([]);
      expect(r.record('systems', 's1')).toEqual({ name: 'x', ip: '10.0.0.2' });
    }
  });

  it('the same value written on both laptops is no conflict; a different one is', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0);
    // The same roster entry typed on two laptops before they ever synced (same id, same values).
    a.write('team', 'pm', { name: '周海峰', role: 'pm', phone: { n: '138', ext: '' } }, T0 + 1);
    b.write('team', 'pm', { name: '周海峰', role: 'pm', phone: { ext: '', n: '138' } }, T0 + 2);
    b.write('team', 'e1', { name: '李喆' }, T0 + 3);
    a.write('team', 'e1', { name: '李哲' }, T0 + 4);
    sync(a, b, T0 + 10);
    sync(b, a, T0 + 11);
    for (const r of [a, b]) {
      expect(r.record('team', 'pm')).toEqual({ name: '周海峰', role: 'pm', phone: { n: '138', ext: '' } });
      expect(r.conflicts().map((c) => [c.recordId, c.field])).toEqual([['e1', 'name']]);
    }
  });

  it('a delete that saw every edit is no conflict', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0);
    a.write('systems', 's1', { name: 'x' }, T0 + 1);
    sync(a, b, T0 + 2);
    b.write('systems', 's1', { name: 'y' }, T0 + 3);
    sync(b, a, T0 + 4);
    a.remove('systems', 's1', T0 + 5);
    const receipt = sync(a, b, T0 + 6);
    expect(receipt.deleted).toEqual({ systems: 1 });
    expect(b.conflicts()).toEqual([]);
    expect(b.snapshot()).toEqual({});
  });

  it('a change whose predecessor is missing waits, and arrives with the next bundle', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0);
    a.write('systems', 's1', { name: 'one' }, T0 + 1);
    const first = a.bundleFor('B', T0 + 2); // lost on the way
    a.write('systems', 's2', { name: 'two' }, T0 + 3);
    const second = a.bundleFor('B', T0 + 4);
    expect(first.changes).toHaveLength(1);
    // B never acknowledged anything: the second bundle carries both changes again.
    expect(second.changes).toHaveLength(2);
    const partial = { ...second, changes: second.changes.slice(1) };
    expect(b.receive(partial, T0 + 5)).toMatchObject({ deferred: 1, created: {} });
    expect(b.receive(second, T0 + 6).created).toEqual({ systems: 2 });
    // B's next bundle acknowledges them: A then sends B nothing it already holds.
    sync(b, a, T0 + 7);
    expect(a.bundleFor('B', T0 + 8).changes).toEqual([]);
  });

  it('a laptop whose clock is behind still orders its edit after what it has seen', () => {
    const a = new Replica('A', T0);
    const b = new Replica('B', T0 - 3_600_000); // one hour behind
    a.write('systems', 's1', { name: 'from A' }, T0);
    sync(a, b, T0 - 3_600_000 + 10);
    b.write('systems', 's1', { name: 'from B, later' }, T0 - 3_600_000 + 20);
    sync(b, a, T0 + 30);
    expect(a.record('systems', 's1')).toEqual({ name: 'from B, later' });
    expect(a.conflicts()).toEqual([]);
  });
});
