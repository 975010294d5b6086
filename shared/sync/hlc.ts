/**
 * Hybrid logical clocks (Kulkarni et al.): a timestamp close to the wall clock that still orders
 * causally related writes correctly when laptop clocks disagree. Encoded as a fixed-width string
 * so that comparing two stamps is comparing two strings:
 * `<wall ms, 13 digits>-<counter, 4 hex>-<device code>`.
 */
export interface Hlc {
  wall: number;
  counter: number;
  device: string;
}

const MAX_COUNTER = 0xffff;
/** A remote clock more than this far ahead of ours is refused: a laptop whose clock is badly wrong. */
export const MAX_DRIFT_MS = 24 * 3600 * 1000;

export class ClockDriftError extends Error {
  constructor(public remote: Hlc) {
    super(`Clock of device ${remote.device} is more than a day ahead of this laptop`);
    this.name = 'ClockDriftError';
  }
}

export function encodeHlc(h: Hlc): string {
  return `${String(h.wall).padStart(13, '0')}-${h.counter.toString(16).padStart(4, '0')}-${h.device}`;
}

export function decodeHlc(s: string): Hlc {
  const m = /^(\d{13})-([0-9a-f]{4})-([A-Za-z0-9]{1,16})$/.exec(s);
  if (!m) throw new RangeError(`Not a hybrid logical clock stamp: ${s.slice(0, 40)}`);
  return { wall: Number(m[1]), counter: parseInt(m[2], 16), device: m[3] };
}

/** Total order: wall, then counter, then device code (ties between laptops broken the same way everywhere). */
export function compareHlc(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The next stamp for a local write at wall time `now`. */
export function tick(last: Hlc, now: number): Hlc {
  if (now > last.wall) return { wall: now, counter: 0, device: last.device };
  if (last.counter >= MAX_COUNTER) return { wall: last.wall + 1, counter: 0, device: last.device };
  return { wall: last.wall, counter: last.counter + 1, device: last.device };
}

/** Our clock after seeing a remote stamp: never behind anything we have seen. */
export function receive(last: Hlc, remote: Hlc, now: number): Hlc {
  if (remote.wall - now > MAX_DRIFT_MS) throw new ClockDriftError(remote);
  const wall = Math.max(last.wall, remote.wall, now);
  let counter: number;
  if (wall === last.wall && wall === remote.wall) counter = Math.max(last.counter, remote.counter) + 1;
  else if (wall === last.wall) counter = last.counter + 1;
  else if (wall === remote.wall) counter = remote.counter + 1;
  else counter = 0;
  if (counter > MAX_COUNTER) return { wall: wall + 1, counter: 0, device: last.device };
  return { wall, counter, device: last.device };
}
