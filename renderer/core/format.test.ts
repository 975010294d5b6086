import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, isoToLocalInput, localInputToIso } from './format';

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
    expect(formatDate('2026-11-25', 'zh-CN')).toBe('2026/11/25');
    expect(formatDate('2026-11-25', 'en')).toContain('25');
    expect(formatDate('2026-11-24T16:30:00Z', 'zh-CN')).toBe('2026/11/25');
  });
});

describe('formatDateTime', () => {
  it('shows the first hour after Shanghai midnight as 00, in either language', () => {
    // 16:30 UTC on the 25th is 00:30 on the 26th in Shanghai; `hour12: false` gave '24:30' in English.
    expect(formatDateTime('2026-11-25T16:30:00Z', 'en')).toBe('11/26/2026, 00:30');
    expect(formatDateTime('2026-11-25T16:30:00Z', 'zh-CN')).toBe('2026/11/26 00:30');
    expect(formatDateTime('2026-11-26T05:05:00Z', 'en')).toBe('11/26/2026, 13:05');
  });

  it('gives an empty value for what is not a time', () => {
    expect(formatDateTime(undefined, 'en')).toBe('');
    expect(formatDateTime('yesterday', 'zh-CN')).toBe('');
  });
});
