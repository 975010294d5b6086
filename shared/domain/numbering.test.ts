import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NUMBER_PREFIXES, formatNumber, nextNumber, nextStandingNumber, numberStem, parseNumber } from './numbering';

describe('formatNumber / parseNumber', () => {
  it('formats and parses GZ-202611-A-003', () => {
    expect(formatNumber({ prefix: 'GZ', year: 2026, month: 11, device: 'A', seq: 3 })).toBe('GZ-202611-A-003');
    expect(parseNumber('GZ-202611-A-003')).toEqual({ prefix: 'GZ', year: 2026, month: 11, device: 'A', seq: 3 });
    expect(formatNumber({ prefix: 'XQ', year: 2026, month: 1, device: 'B2', seq: 1234 })).toBe('XQ-202601-B2-1234');
  });

  it.each([
    'GZ-202613-A-003',
    'GZ-202611-a-003',
    'ZZ-202611-A-003',
    'GZ-202611-A-3',
    'PXY-202611-A-003',
    'GZ-202611-A-000',
    'GZ-2026-11-A-003',
    '',
    'GZ-202611-ABCDE-001',
  ])('rejects %j', (text) => expect(parseNumber(text)).toBeNull());

  it.each([
    { prefix: 'GZ', year: 2026, month: 13, device: 'A', seq: 1 },
    { prefix: 'GZ', year: 2026, month: 11, device: 'a', seq: 1 },
    { prefix: 'GZ', year: 2026, month: 11, device: 'A', seq: 0 },
    { prefix: 'QQ', year: 2026, month: 11, device: 'A', seq: 1 },
  ])('refuses to format invalid parts %j', (parts) => {
    expect(() => formatNumber(parts as never)).toThrow(RangeError);
  });

  it('round-trips every valid number', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...NUMBER_PREFIXES),
        fc.integer({ min: 2000, max: 2999 }),
        fc.integer({ min: 1, max: 12 }),
        fc.stringMatching(/^[A-Z0-9]{1,4}$/),
        fc.integer({ min: 1, max: 99_999 }),
        (prefix, year, month, device, seq) => {
          const parts = { prefix, year, month, device, seq };
          expect(parseNumber(formatNumber(parts))).toEqual(parts);
        },
      ),
    );
  });
});

describe('nextNumber', () => {
  const existing = [
    'GZ-202611-A-001',
    'GZ-202611-A-007',
    'GZ-202611-B-009',
    'GZ-202610-A-012',
    'XQ-202611-A-020',
    'garbage',
  ];

  it.each([
    [
      'continues the sequence of its prefix, month and device',
      'GZ',
      'A',
      '2026-11-25T10:00:00+08:00',
      'GZ-202611-A-008',
    ],
    ['another device has its own sequence', 'GZ', 'B', '2026-11-25T10:00:00+08:00', 'GZ-202611-B-010'],
    ['a new device starts at 001', 'GZ', 'C', '2026-11-25T10:00:00+08:00', 'GZ-202611-C-001'],
    ['a new month starts at 001', 'GZ', 'A', '2026-12-01T09:00:00+08:00', 'GZ-202612-A-001'],
    ['another prefix has its own sequence', 'XQ', 'A', '2026-11-02T09:00:00+08:00', 'XQ-202611-A-021'],
    ['the month is taken in Asia/Shanghai', 'GZ', 'A', '2026-11-30T16:30:00Z', 'GZ-202612-A-001'],
    ['inspection reports', 'XJ', 'A', '2026-11-25T10:00:00+08:00', 'XJ-202611-A-001'],
  ] as const)('%s', (_label, prefix, device, date, expected) => {
    expect(nextNumber(existing, prefix, device, new Date(date))).toBe(expected);
  });

  it('continues after the two-digit report numbers issued before', () => {
    expect(parseNumber('XJ-202611-A-02')).toEqual({ prefix: 'XJ', year: 2026, month: 11, device: 'A', seq: 2 });
    expect(nextNumber(['XJ-202611-A-01', 'XJ-202611-A-02'], 'XJ', 'A', new Date('2026-11-25T10:00:00+08:00'))).toBe(
      'XJ-202611-A-003',
    );
  });

  it('keeps PX and PXZ apart', () => {
    const at = new Date('2026-11-25T10:00:00+08:00');
    expect(nextNumber(['PXZ-202611-A-004'], 'PX', 'A', at)).toBe('PX-202611-A-001');
    expect(nextNumber(['PXZ-202611-A-004', 'PX-202611-A-009'], 'PXZ', 'A', at)).toBe('PXZ-202611-A-005');
  });

  it('gives the stem of a month in Asia/Shanghai', () => {
    expect(numberStem('GZ', 'A', new Date('2026-11-30T16:30:00Z'))).toBe('GZ-202612-A-');
    expect(numberStem('XQ', 'B2', new Date('2026-11-30T15:59:59Z'))).toBe('XQ-202611-B2-');
    expect(() => numberStem('GZ', 'A', new Date('nope'))).toThrow(RangeError);
  });

  it('never collides with an existing number', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 300 }), { maxLength: 30 }), (seqs) => {
        const numbers = seqs.map((s) => formatNumber({ prefix: 'GZ', year: 2026, month: 11, device: 'A', seq: s }));
        const next = nextNumber(numbers, 'GZ', 'A', new Date('2026-11-15T12:00:00+08:00'));
        expect(numbers).not.toContain(next);
        expect(parseNumber(next)?.seq).toBe(Math.max(0, ...seqs) + 1);
      }),
    );
  });
});

describe('nextStandingNumber', () => {
  it('continues the sequence of its device, never restarting', () => {
    expect(nextStandingNumber(['KB-A-0001', 'KB-A-0012', 'KB-B-0040', 'KB-A-x'], 'KB', 'A')).toBe('KB-A-0013');
    expect(nextStandingNumber(['KB-A-0012'], 'KB', 'B')).toBe('KB-B-0001');
    expect(nextStandingNumber([], 'KB', 'C1')).toBe('KB-C1-0001');
  });

  it('refuses an invalid device code', () => {
    expect(() => nextStandingNumber([], 'KB', 'a')).toThrow(RangeError);
  });
});
