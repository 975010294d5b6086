/**
 * How long a person waits after wrong PINs, and when only the project manager can unlock them.
 * Pure: the caller keeps the count of wrong PINs in a row and the time of the last one.
 */

/** After this many wrong PINs in a row only the project manager can unlock the person. */
export const PM_ONLY_AFTER = 10;

/**
 * Seconds to wait after `failures` wrong PINs in a row: none after the first two, then doubling from
 * 5 s (5, 10, 20, 40, 80, 160, 300 capped) until the tenth, after which waiting no longer helps.
 */
export function throttleDelaySeconds(failures: number): number {
  if (!Number.isFinite(failures) || failures < 3) return 0;
  if (failures >= PM_ONLY_AFTER) return Infinity;
  return Math.min(300, 5 * 2 ** (failures - 3));
}

export type ThrottleState =
  | { kind: 'open' }
  | { kind: 'wait'; until: number; seconds: number }
  | { kind: 'pm-only' };

/** May this person try a PIN at `now` (ms), given the wrong PINs in a row and the last one's time (ms)? */
export function throttleState(failures: number, lastFailureAt: number | undefined, now: number): ThrottleState {
  if (failures >= PM_ONLY_AFTER) return { kind: 'pm-only' };
  const delay = throttleDelaySeconds(failures);
  if (delay === 0 || lastFailureAt === undefined) return { kind: 'open' };
  const until = lastFailureAt + delay * 1000;
  if (now >= until) return { kind: 'open' };
  return { kind: 'wait', until, seconds: Math.ceil((until - now) / 1000) };
}
