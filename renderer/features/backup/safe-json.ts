/**
 * JSON parsing for files from outside: keys that could reach an object's prototype
 * (`__proto__`, `constructor`, `prototype`) are dropped as they are read and reported, so no
 * later spread, merge or Dexie write can pollute a prototype. Never throws.
 */
export const forbiddenKeys: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type SafeParse =
  { ok: true; value: unknown; forbidden: string[] } | { ok: false; message: string; duplicateKey?: string };

export function safeJsonParse(text: string): SafeParse {
  const forbidden: string[] = [];
  try {
    const value: unknown = JSON.parse(text);
    // JSON.parse keeps the last of two equal keys silently: a file could show one value to a
    // reader and give another to the app. Refused whole (the text is valid JSON by now).
    const dup = firstDuplicateKey(text);
    if (dup !== null) return { ok: false, message: `duplicate key "${dup.slice(0, 64)}"`, duplicateKey: dup };
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

/**
 * The first key that appears twice in one object of `text` (valid JSON), or null. One pass over
 * the text: strings are skipped with indexOf, so the cost is close to a scan for quotes; a key
 * with escapes is compared by its decoded value (`"a"` and `"\u0061"` are the same key).
 */
export function firstDuplicateKey(text: string): string | null {
  const stack: Array<Set<string> | null> = [];
  let expectKey = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      let end = text.indexOf('"', i + 1);
      let escaped = false;
      while (end > 0) {
        let bs = 0;
        for (let k = end - 1; text.charCodeAt(k) === 0x5c; k--) bs++;
        if (bs % 2 === 0) break;
        escaped = true;
        end = text.indexOf('"', end + 1);
      }
      if (end < 0) return null;
      if (expectKey) {
        const raw = text.slice(i + 1, end);
        const key = escaped || raw.includes('\\') ? (JSON.parse(text.slice(i, end + 1)) as string) : raw;
        const keys = stack[stack.length - 1]!;
        if (keys.has(key)) return key;
        keys.add(key);
        expectKey = false;
      }
      i = end + 1;
      continue;
    }
    if (c === 0x7b) {
      stack.push(new Set());
      expectKey = true;
    } else if (c === 0x5b) stack.push(null);
    else if (c === 0x7d || c === 0x5d) stack.pop();
    else if (c === 0x2c) expectKey = stack[stack.length - 1] != null;
    i++;
  }
  return null;
}
