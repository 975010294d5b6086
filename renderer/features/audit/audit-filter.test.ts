import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '@shared/schemas/core';
import { distinct, filterAudit } from './audit-filter';
import { checkChainRows } from './chain';
import { entryHash } from '../../db/audit';

function chain(specs: Array<Partial<AuditEntry>>): AuditEntry[] {
  let prev = '0'.repeat(64);
  return specs.map((s, seq) => {
    const base = {
      seq,
      id: `e${seq}`,
      at: '2026-11-25T02:00:00.000Z',
      actor: 'u1',
      entity: 'faults',
      entityId: `f${seq}`,
      action: 'create' as const,
      summary: '',
      prevHash: prev,
      ...s,
    };
    const e = { ...base, hash: entryHash(base) };
    prev = e.hash;
    return e;
  });
}

const log = chain([
  { entity: 'demo', action: 'demo-load', summary: '3 team, 11 contacts', at: '2026-11-24T15:59:00.000Z' }, // 23:59 Shanghai, 24th
  { entity: 'faults', summary: 'GZ-202611-A-001 level 2', at: '2026-11-24T16:00:00.000Z' }, // 00:00 Shanghai, 25th
  { entity: 'systems', action: 'update', actor: 'u2', summary: '集中备份系统', at: '2026-11-25T15:59:59.000Z' }, // 23:59:59, 25th
  { entity: 'backup', action: 'restore', summary: 'restored x.odbk', at: '2026-11-25T16:00:00.000Z' }, // 26th
]);

describe('filterAudit', () => {
  it('filters by entity, action and actor', () => {
    expect(filterAudit(log, { entity: 'faults' }).map((e) => e.seq)).toEqual([1]);
    expect(filterAudit(log, { action: 'restore' }).map((e) => e.seq)).toEqual([3]);
    expect(filterAudit(log, { actor: 'u2' }).map((e) => e.seq)).toEqual([2]);
  });

  it('takes dates as Shanghai days, both ends included', () => {
    expect(filterAudit(log, { from: '2026-11-25', to: '2026-11-25' }).map((e) => e.seq)).toEqual([1, 2]);
    expect(filterAudit(log, { from: '2026-11-26' }).map((e) => e.seq)).toEqual([3]);
    expect(filterAudit(log, { to: '2026-11-24' }).map((e) => e.seq)).toEqual([0]);
  });

  it('searches summary, ids, hash and actor names, case-insensitively', () => {
    expect(filterAudit(log, { text: 'gz-202611' }).map((e) => e.seq)).toEqual([1]);
    expect(filterAudit(log, { text: '备份' }).map((e) => e.seq)).toEqual([2]);
    expect(filterAudit(log, { text: log[3].hash.slice(0, 10) }).map((e) => e.seq)).toEqual([3]);
    expect(filterAudit(log, { text: '王堃' }, (a) => (a === 'u2' ? '王堃' : a)).map((e) => e.seq)).toEqual([2]);
  });

  it('lists distinct values for the menus', () => {
    expect(distinct(log, 'entity')).toEqual(['backup', 'demo', 'faults', 'systems']);
  });
});

describe('checkChainRows', () => {
  it('holds for an intact chain and names the first bad entry otherwise', () => {
    expect(checkChainRows(log)).toEqual({ ok: true, count: 4, head: log[3].hash });
    expect(checkChainRows(log.map((e, i) => (i === 2 ? { ...e, summary: 'x' } : e)))).toMatchObject({
      ok: false,
      firstBadSeq: 2,
      reason: 'hash',
    });
    expect(checkChainRows([log[0], log[2], log[3]])).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'gap' });
    const relinked = chain([{}, {}]);
    expect(checkChainRows([log[0], { ...relinked[1] }])).toMatchObject({ ok: false, firstBadSeq: 1, reason: 'link' });
  });
});
