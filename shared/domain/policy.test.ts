import { describe, expect, it } from 'vitest';
import { defaultPolicy, mergePolicy, parsePolicy, validatePolicy } from './policy';

describe('policy', () => {
  it('holds the contract’s numbers', () => {
    const p = defaultPolicy();
    expect(p.remote).toEqual({ responseMinutes: 30, resolutionMinutes: 240, reportMinutes: 480 });
    expect(p.onsite).toEqual({ responseMinutes: 5, arrivalMinutes: 120, fixMinutes: 120, reportMinutes: 480 });
    expect(p.email).toEqual({ generalReplyMinutes: 30, complexReplyMinutes: 120 });
    expect(p.serviceRequest.responseMinutes).toBe(30);
    expect(p.atRiskRatio).toBe(0.8);
    expect(validatePolicy(p)).toEqual([]);
  });

  it('merges a patch and keeps the rest', () => {
    const r = mergePolicy({ onsite: { arrivalMinutes: 90 }, atRiskRatio: 0.75 });
    expect(r.ok && r.value.onsite).toEqual({
      responseMinutes: 5,
      arrivalMinutes: 90,
      fixMinutes: 120,
      reportMinutes: 480,
    });
    expect(r.ok && r.value.atRiskRatio).toBe(0.75);
  });

  it.each([
    ['a negative target', { remote: { resolutionMinutes: -5 } }, /remote\.resolutionMinutes: must be more than 0/],
    ['a zero target', { onsite: { fixMinutes: 0 } }, /onsite\.fixMinutes/],
    [
      'a target that is not a number',
      { email: { generalReplyMinutes: 'thirty' as never } },
      /email\.generalReplyMinutes/,
    ],
    ['an infinite target', { serviceRequest: { responseMinutes: Infinity } }, /serviceRequest\.responseMinutes/],
    ['an at-risk ratio above 1', { atRiskRatio: 1.5 }, /atRiskRatio: must be at most 1/],
    ['an unknown track', { defaultTrack: { 1: 'moon' as never } }, /defaultTrack\.1/],
  ])('refuses %s with a clear message', (_label, patch, re) => {
    const r = mergePolicy(patch);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.join('\n')).toMatch(re);
  });

  it('lists every problem', () => {
    const r = parsePolicy({
      ...defaultPolicy(),
      remote: { responseMinutes: -1, resolutionMinutes: -1, reportMinutes: 480 },
    });
    expect(r.ok ? [] : r.errors).toHaveLength(2);
    expect(parsePolicy(null).ok).toBe(false);
  });
});
