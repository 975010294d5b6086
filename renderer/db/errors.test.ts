import Dexie from 'dexie';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { isStorageError, storageErrorNames, toWriteError } from './errors';

class FooError extends Error {
  constructor() {
    super('foo');
    this.name = 'FooError';
  }
}
const zodError = (() => {
  try {
    z.string().parse(1);
  } catch (e) {
    return e;
  }
})();

describe('isStorageError', () => {
  const domNames = [
    'QuotaExceededError',
    'ConstraintError',
    'AbortError',
    'InvalidStateError',
    'DataError',
    'NotFoundError',
    'TransactionInactiveError',
    'ReadOnlyError',
    'VersionError',
    'UnknownError',
  ];
  it.each(domNames)('a DOMException named %s is a storage error', (name) => {
    expect(isStorageError(new DOMException('x', name))).toBe(true);
  });

  it.each(Object.values(Dexie.errnames))("Dexie's %s is a storage error", (name) => {
    // Dexie re-raises IndexedDB's DOMException names (SyntaxError) under its own list, without a class.
    const Cls = (Dexie as unknown as Record<string, (new (m: string, x: unknown[]) => Error) | undefined>)[name];
    expect(isStorageError(Cls ? new Cls('x', []) : new DOMException('x', name))).toBe(true);
  });

  it('a Dexie error wrapping a quota error is a storage error, and maps to disk-full', () => {
    const err = new Dexie.AbortError('aborted', new DOMException('full', 'QuotaExceededError'));
    expect(isStorageError(err)).toBe(true);
    expect(toWriteError(err).code).toBe('disk-full');
  });

  const notStorage: Array<[string, unknown]> = [
    ['plain Error', new Error('x')],
    ['TypeError', new TypeError('x')],
    ['RangeError', new RangeError('x')],
    [
      'JSON SyntaxError',
      (() => {
        try {
          JSON.parse('{');
        } catch (e) {
          return e;
        }
      })(),
    ],
    ['ZodError', zodError],
    ['custom FooError', new FooError()],
    [
      'an object named like a storage error but with a messageKey',
      Object.assign(new Error('x'), { name: 'ConstraintError', messageKey: 'k' }),
    ],
    ['a DOMException of another kind', new DOMException('x', 'NetworkError')],
    ['a string', 'QuotaExceededError'],
    ['null', null],
  ];
  it.each(notStorage)('%s is not a storage error', (_label, err) => {
    expect(isStorageError(err)).toBe(false);
  });

  it('lists every Dexie error name', () => {
    for (const n of Object.values(Dexie.errnames)) expect(storageErrorNames.has(n)).toBe(true);
  });
});
