import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstDuplicateKey, safeJsonParse } from './safe-json';

describe('duplicate keys', () => {
  it('a key twice in any object, at any depth, is refused and named', () => {
    expect(safeJsonParse('{"level":4,"level":1}')).toMatchObject({ ok: false, duplicateKey: 'level' });
    expect(safeJsonParse('[{"a":1},{"b":{"c":[{"x":1,"y":2,"x":3}]}}]')).toMatchObject({
      ok: false,
      duplicateKey: 'x',
    });
    // The same key after decoding escapes is the same key.
    expect(safeJsonParse('{"a":1,"\\u0061":2}')).toMatchObject({ ok: false, duplicateKey: 'a' });
    expect(safeJsonParse('{"q\\"":1,"q\\"":2}')).toMatchObject({ ok: false, duplicateKey: 'q"' });
  });

  it('equal keys in different objects, keys inside strings, and strings with escaped quotes are fine', () => {
    expect(safeJsonParse('[{"a":1},{"a":2}]').ok).toBe(true);
    expect(safeJsonParse('{"a":"{\\"a\\":1,\\"a\\":2}","b":{"a":1}}').ok).toBe(true);
    expect(safeJsonParse('{"p":"c:\\\\","a":1}').ok).toBe(true);
  });

  it('property: JSON.stringify output never has a duplicate; one duplicated key is always found', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.string({ maxLength: 6 }), (value, key) => {
        const text = JSON.stringify(value);
        expect(firstDuplicateKey(text)).toBeNull();
        const withDup = `{${JSON.stringify(key)}:${text},"pad":0,${JSON.stringify(key)}:1}`;
        expect(firstDuplicateKey(withDup)).toBe(key === 'pad' ? 'pad' : key);
      }),
      { seed: 4187, verbose: true },
    );
  });
});
