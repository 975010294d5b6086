import { describe, expect, it } from 'vitest';
import { formatDate, isoToLocalInput, localInputToIso } from './format';

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
