import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDeadline, isoToLocalInput, localInputToIso } from './format';

describe('Shanghai wall time in forms', () => {
  it('reads a datetime-local value as Shanghai time and writes it back unchanged', () => {
    expect(localInputToIso('2026-11-25T09:30')).toBe('2026-11-25T01:30:00.000Z');
    expect(isoToLocalInput('2026-11-25T01:30:00.000Z')).toBe('2026-11-25T09:30');
    // Just after midnight in Shanghai is still the previous day in UTC.
    expect(isoToLocalInput('2026-11-24T16:05:00Z')).toBe('2026-11-25T00:05');
    for (const v of ['2026-01-01T00:00', '2026-06-30T23:59', '2024-02-29T12:00']) {
      expect(isoToLocalInput(localInputToIso(v))).toBe(v);
    }
  });

  it('gives an empty value for what is not a time', () => {
    expect(localInputToIso('')).toBe('');
    expect(localInputToIso('2026-02-30T10:00')).toBe('');
    expect(isoToLocalInput('yesterday')).toBe('');
    expect(isoToLocalInput(undefined)).toBe('');
  });

  it('shows a bare date as that day in either language', () => {
    expect(formatDate('2026-11-25', 'zh-CN')).toBe('2026-11-25');
    expect(formatDate('2026-11-25', 'en')).toBe('2026-11-25');
    expect(formatDate('2026-11-24T16:30:00Z', 'zh-CN')).toBe('2026-11-25');
    expect(formatDate('2026-02-30', 'en')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows the first hour after Shanghai midnight as 00, in either language', () => {
    // 16:30 UTC on the 25th is 00:30 on the 26th in Shanghai; `hour12: false` gave '24:30' in English.
    expect(formatDateTime('2026-11-25T16:30:00Z', 'en')).toBe('2026-11-26 00:30');
    expect(formatDateTime('2026-11-25T16:30:00Z', 'zh-CN')).toBe('2026-11-26 00:30');
    expect(formatDateTime('2026-11-26T05:05:59.999Z', 'en')).toBe('2026-11-26 13:05');
  });

  it('gives an empty value for what is not a time', () => {
    expect(formatDateTime(undefined, 'en')).toBe('');
    expect(formatDateTime('yesterday', 'zh-CN')).toBe('');
  });
});

describe('formatDeadline', () => {
  // Friday 2026-12-04, 10:00 in Shanghai.
  const now = new Date('2026-12-04T02:00:00Z');

  it('shows only the time for a deadline today (Shanghai day, not UTC day)', () => {
    expect(formatDeadline('2026-12-04T15:59:00Z', now, 'zh-CN')).toBe('23:59');
    expect(formatDeadline('2026-12-03T16:00:00Z', now, 'en')).toBe('00:00');
  });

  it('adds the date and weekday on another day of this year, in each language', () => {
    // 2026-12-07 is a Monday.
    expect(formatDeadline('2026-12-07T01:30:00Z', now, 'zh-CN')).toBe('12-07 周一 09:30');
    expect(formatDeadline('2026-12-07T01:30:00Z', now, 'en')).toBe('Mon 12-07 09:30');
    // 16:00 UTC on the 4th is already Saturday the 5th in Shanghai.
    expect(formatDeadline('2026-12-04T16:00:00Z', now, 'zh-CN')).toBe('12-05 周六 00:00');
  });

  it('adds the year when the deadline is in another year', () => {
    // 2027-01-04 is a Monday; 2025-12-31 a Wednesday.
    expect(formatDeadline('2027-01-04T01:30:00Z', now, 'zh-CN')).toBe('2027-01-04 周一 09:30');
    expect(formatDeadline('2025-12-31T01:30:00Z', now, 'en')).toBe('Wed 2025-12-31 09:30');
  });

  it('gives an empty value for what is not a time', () => {
    expect(formatDeadline(undefined, now, 'zh-CN')).toBe('');
    expect(formatDeadline('soon', now, 'en')).toBe('');
  });
});
