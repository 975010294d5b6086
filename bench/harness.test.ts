import { describe, expect, it } from 'vitest';
import { formatLine, jsonRecord, measureId, measureRuns, median, verdict } from './harness';

describe('bench line format', () => {
  it('prints area.measure, value, budget and the verdict', () => {
    expect(formatLine('pdf', { label: 'next report', value: 1234.56, budget: 1500 })).toBe(
      'pdf.next-report  1234.6 ms  budget 1500  ok',
    );
    expect(formatLine('pdf', { label: 'next report', value: 1600, budget: 1500, cpu: 900 })).toBe(
      'pdf.next-report  1600.0 ms  cpu 900.0 ms  budget 1500  SLOW',
    );
  });

  it('is SLOW when a ratio is over its goal even within budget', () => {
    const r = {
      label: 'x',
      measure: 'kb-p95',
      value: 10,
      budget: 15,
      ratio: { value: 0.08, vs: 'substring scan', goal: 0.05 },
    };
    expect(verdict(r)).toBe('SLOW');
    expect(formatLine('kb', r)).toBe('kb.kb-p95  10.0 ms  budget 15  ratio 0.08 vs substring scan  goal 0.05  SLOW');
  });

  it('prints no verdict for a figure without budget or ratio', () => {
    expect(verdict({ label: 'PDF size', value: 2, unit: 'MiB' })).toBeNull();
    expect(formatLine('pdf', { label: 'PDF size', value: 2, unit: 'MiB' })).toBe('pdf.pdf-size  2.00 MiB');
  });

  it('derives ASCII ids from labels and keeps explicit ones', () => {
    expect(measureId({ label: 'Node in-process, first report (Noto)', value: 1 })).toBe(
      'node-in-process-first-report-noto',
    );
    expect(measureId({ label: '中文', value: 1 })).toBe('figure');
    expect(jsonRecord('kb', { label: 'q', measure: 'query-p95', value: 3, budget: 15 })).toMatchObject({
      id: 'kb.query-p95',
      verdict: 'ok',
    });
  });
});

describe('median and repeated runs', () => {
  it('takes the middle value, or the mean of the two middle values', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow();
  });

  it('is not moved by one outlier run', () => {
    expect(median([10, 11, 9, 500, 10])).toBe(10);
  });

  it('runs the function n times in order and reports every wall time', async () => {
    const calls: number[] = [];
    const r = await measureRuns(5, () => {
      calls.push(calls.length);
    });
    expect(calls).toEqual([0, 1, 2, 3, 4]);
    expect(r.walls).toHaveLength(5);
    expect(r.wall).toBe(median(r.walls));
    expect(r.cpu).toBeGreaterThanOrEqual(0);
  });
});
