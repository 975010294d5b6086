/**
 * JSON parsing for files from outside: keys that could reach an object's prototype
 * (`__proto__`, `constructor`, `prototype`) are dropped as they are read and reported, so no
 * later spread, merge or Dexie write can pollute a prototype. Never throws.
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeParse = { ok: true; value: unknown; forbidden: string[] } | { ok: false; message: string };

export function safeJsonParse(text: string): SafeParse {
  const forbidden: string[] = [];
  try {
    const value: unknown = JSON.parse(text);
    // JSON.parse makes `"__proto__"` an own data property (it never sets the prototype); it is
    // removed here, before anything could copy it with a setter. A walk is several times faster
    // than a reviver on large tables. Too deep a document overflows the stack: caught below.
    strip(value, forbidden);
    return { ok: true, value, forbidden };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
  }
}

function strip(value: unknown, found: string[]): void {
  if (value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) strip(value[i], found);
    return;
  }
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) {
      if (found.length < 20) found.push(key);
      delete (value as Record<string, unknown>)[key];
    } else strip((value as Record<string, unknown>)[key], found);
  }
}

/** True when some object in `value` (at any depth) has an own forbidden key. */
export function hasForbiddenKey(value: unknown, depth = 0): boolean {
  if (depth > 200 || value === null || typeof value !== 'object') return false;
  if (ArrayBuffer.isView(value) || value instanceof ArrayBuffer) return false;
  for (const key of Object.keys(value)) {
    if (forbiddenKeys.has(key)) return true;
    if (hasForbiddenKey((value as Record<string, unknown>)[key], depth + 1)) return true;
  }
  return false;
}
