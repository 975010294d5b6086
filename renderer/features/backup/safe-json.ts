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
    const value: unknown = JSON.parse(text, function (key, v: unknown) {
      if (forbiddenKeys.has(key) && !Array.isArray(this)) {
        if (forbidden.length < 20) forbidden.push(key);
        return undefined; // the reviver deletes the property
      }
      return v;
    });
    return { ok: true, value, forbidden };
  } catch (err) {
    return { ok: false, message: err instanceof Error ? err.message : String(err) };
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
