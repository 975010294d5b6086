import fc from 'fast-check';
import { fcRuns } from '../util/fc-runs';
import { describe, expect, it } from 'vitest';
import {
  dateOfDayNumber,
  dayNumberOf,
  formatInstant,
  formatWallDate,
  formatWallDateTime,
  parseInstant,
  shanghaiDate,
  shanghaiDaysRange,
  shanghaiWallToInstant,
  shanghaiYear,
  toShanghaiDate,
} from './time';

describe('parseInstant', () => {
  it.each([
    ['2026-03-03T10:00:00+08:00', Date.UTC(2026, 2, 3, 2)],
    ['2026-03-03T02:00:00Z', Date.UTC(2026, 2, 3, 2)],
    ['2026-03-03T02:00:00.250Z', Date.UTC(2026, 2, 3, 2, 0, 0, 250)],
    ['2026-03-03T10:00+08:00', Date.UTC(2026, 2, 3, 2)],
    ['2026-03-03T10:00:00+0800', Date.UTC(2026, 2, 3, 2)],
    ['2026-03-02T21:00:00-05:00', Date.UTC(2026, 2, 3, 2)],
    ['2024-02-29T00:00:00Z', Date.UTC(2024, 1, 29)],
  ])('%s', (text, ms) => expect(parseInstant(text)).toBe(ms));

  it.each([
    '2026-03-03T10:00:00',
    '2026-02-29T10:00:00Z',
    '2026-13-01T00:00:00Z',
    '2026-03-03T24:00:00Z',
    '2026-03-03 10:00:00+08:00',
    'yesterday',
    '',
    '2026-03-03T10:00:00+25:00',
    '2100-02-29T00:00:00Z',
  ])('refuses %j', (text) => expect(parseInstant(text)).toBeUndefined());

  it('agrees with Date.parse on every valid instant and round-trips through formatInstant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const text = formatInstant(ms);
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?\+08:00$/);
        expect(parseInstant(text)).toBe(ms);
        expect(Date.parse(text)).toBe(ms);
        const z = new Date(ms).toISOString().replace(/\.000Z$/, 'Z');
        if (z.length === 20) expect(parseInstant(z)).toBe(ms);
      }),
      { numRuns: fcRuns(2000) },
    );
  });
});

describe('dates', () => {
  it('converts day numbers both ways', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100_000, max: 100_000 }), (day) => {
        const date = dateOfDayNumber(day);
        expect(date).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
        expect(dayNumberOf(date)).toBe(day);
      }),
    );
  });

  it('reads instants as Shanghai dates', () => {
    expect(shanghaiDate(Date.parse('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(shanghaiDate(Date.parse('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(toShanghaiDate('2026-05-01')).toBe('2026-05-01');
    expect(toShanghaiDate('2026-02-30')).toBeUndefined();
    expect(toShanghaiDate(new Date('invalid'))).toBeUndefined();
  });
});

describe('shanghaiYear', () => {
  it('matches the Shanghai calendar year of any instant', () => {
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2400, 0, 1) }), (ms) => {
        expect(shanghaiYear(ms)).toBe(new Date(ms + 8 * 3_600_000).getUTCFullYear());
      }),
      { numRuns: fcRuns(2000) },
    );
    expect(shanghaiYear(Date.parse('2026-12-31T16:00:00Z'))).toBe(2027);
    expect(shanghaiYear(Date.parse('2026-12-31T15:59:59.999Z'))).toBe(2026);
  });
});

describe('Shanghai wall time', () => {
  it('turns a wall date and minutes into the instant, and a day range into [start, end)', () => {
    expect(new Date(shanghaiWallToInstant('2026-11-25', 9 * 60 + 30)!).toISOString()).toBe('2026-11-25T01:30:00.000Z');
    expect(shanghaiWallToInstant('2026-02-30', 0)).toBeUndefined();
    const r = shanghaiDaysRange('2026-11-25', '2026-11-26');
    expect(new Date(r.start).toISOString()).toBe('2026-11-24T16:00:00.000Z');
    expect(new Date(r.end).toISOString()).toBe('2026-11-26T16:00:00.000Z');
    expect(shanghaiDaysRange(undefined, 'nonsense')).toEqual({ start: -Infinity, end: Infinity });
  });
});

describe('formatWallDateTime / formatWallDate', () => {
  it('writes any instant as its Shanghai wall minute, the same as Intl in Asia/Shanghai', () => {
    const intl = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Shanghai',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    // From 1992: China kept daylight saving time until 1991, which the fixed +08:00 of the app (and of
    // the contract's deadlines) deliberately ignores.
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(1992, 0, 1), max: Date.UTC(2200, 0, 1) }), (ms) => {
        const text = formatWallDateTime(ms)!;
        expect(text).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
        expect(text).toBe(intl.format(ms).replace(', ', ' '));
        expect(formatWallDate(ms)).toBe(text.slice(0, 10));
        expect(formatWallDateTime(new Date(ms).toISOString())).toBe(text);
      }),
      { numRuns: fcRuns(1000) },
    );
  });

  it('keeps a bare date as it is and refuses what is not a date or instant', () => {
    expect(formatWallDate('2024-02-29')).toBe('2024-02-29');
    expect(formatWallDate('2026-02-29')).toBeUndefined();
    expect(formatWallDateTime('not a time')).toBeUndefined();
    expect(formatWallDateTime(Number.NaN)).toBeUndefined();
  });
});
