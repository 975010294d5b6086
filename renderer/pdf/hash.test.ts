import { describe, expect, it } from 'vitest';
import { canonicalJson, reportDataHash, sha256Hex } from './hash';

describe('canonicalJson (RFC 8785)', () => {
  it('sorts keys at every depth and drops whitespace', () => {
    expect(canonicalJson({ b: 1, a: [1, { d: true, c: null }] })).toBe('{"a":[1,{"c":null,"d":true}],"b":1}');
  });

  it('writes numbers in ECMAScript form', () => {
    expect(canonicalJson([1.0, 1e21, 0.000001, -0])).toBe('[1,1e+21,0.000001,0]');
  });

  it('sorts keys by UTF-16 code units, Chinese included', () => {
    expect(canonicalJson({ 故障: 1, a: 2, Z: 3 })).toBe('{"Z":3,"a":2,"故障":1}');
  });

  it('refuses values without a JSON form', () => {
    expect(() => canonicalJson(undefined)).toThrow(TypeError);
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });
});

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('hashes strings as UTF-8, and bytes as given', () => {
    expect(sha256Hex('镕')).toBe(sha256Hex(new TextEncoder().encode('镕')));
    expect(sha256Hex(new TextEncoder().encode('abc').buffer)).toBe(sha256Hex('abc'));
  });
});

describe('reportDataHash', () => {
  it('does not depend on key order', () => {
    const a = { number: 'GZ-202611-A-003', signers: [{ name: '李堃', role: 'engineer' }], version: 1 };
    const b = { version: 1, signers: [{ role: 'engineer', name: '李堃' }], number: 'GZ-202611-A-003' };
    expect(reportDataHash(a)).toBe(reportDataHash(b));
    expect(reportDataHash(a)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('changes when any value changes (array order included)', () => {
    expect(reportDataHash({ rows: [1, 2] })).not.toBe(reportDataHash({ rows: [2, 1] }));
    expect(reportDataHash({ name: '陈喆' })).not.toBe(reportDataHash({ name: '陈哲' }));
  });
});
