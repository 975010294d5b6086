/**
 * Instants and civil dates in Asia/Shanghai.
 *
 * Asia/Shanghai has been UTC+08:00 all year, with no daylight saving time, since 1991, so every
 * conversion here uses a fixed +08:00 offset instead of a time-zone database: that keeps the
 * domain pure, fast and identical in Node, Chromium and Electron.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
/** The fixed Asia/Shanghai offset (UTC+8, no DST). */
export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|z|[+-]\d{2}(?::?\d{2})?)$/;
const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  if (month !== 2) return MONTH_DAYS[month - 1];
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
}

/** Two ASCII digits at `i`, or -1. */
function digits2(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/** Day number of a civil date (Howard Hinnant's days-from-civil; no Date allocation, no 2-digit-year quirk). */
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  return era * 146097 + yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy - 719468;
}

function instantOf(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  offsetMs: number,
) {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return daysFromCivil(year, month, day) * DAY_MS + ((hour * 60 + minute) * 60 + second) * 1000 + ms - offsetMs;
}

/** Fast path (no regex, no allocation) for the usual `YYYY-MM-DDTHH:mm:ss` + `Z` or `±HH:mm`. */
function parseCommonInstant(s: string): number | undefined | null {
  const n = s.length;
  if (n !== 20 && n !== 25) return null;
  // 45 '-', 84 'T', 58 ':'
  if (
    s.charCodeAt(4) !== 45 ||
    s.charCodeAt(7) !== 45 ||
    s.charCodeAt(10) !== 84 ||
    s.charCodeAt(13) !== 58 ||
    s.charCodeAt(16) !== 58
  )
    return null;
  const y1 = digits2(s, 0);
  const y2 = digits2(s, 2);
  const month = digits2(s, 5);
  const day = digits2(s, 8);
  const hour = digits2(s, 11);
  const minute = digits2(s, 14);
  const second = digits2(s, 17);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return null;
  let offsetMs = 0;
  if (n === 20) {
    if (s[19] !== 'Z') return null;
  } else {
    const sign = s[19] === '+' ? 1 : s[19] === '-' ? -1 : 0;
    const oh = digits2(s, 20);
    const om = digits2(s, 23);
    if (sign === 0 || s[22] !== ':' || oh < 0 || om < 0) return null;
    if (oh > 14 || om > 59) return undefined;
    offsetMs = sign * (oh * 60 + om) * MINUTE_MS;
  }
  return instantOf(y1 * 100 + y2, month, day, hour, minute, second, 0, offsetMs);
}

/**
 * Parses an ISO 8601 instant that carries an offset (`2026-11-25T09:30:00+08:00`, `…Z`).
 * Returns epoch milliseconds, or `undefined` when the text is not such an instant (missing offset,
 * a date that does not exist, 25 o'clock…). A missing offset is refused on purpose: it would be
 * read in the machine's own zone.
 */
export function parseInstant(text: string): number | undefined {
  if (typeof text !== 'string') return undefined;
  const fast = parseCommonInstant(text);
  if (fast !== null) return fast;
  const m = ISO_RE.exec(text);
  if (!m) return undefined;
  let offsetMs = 0;
  const off = m[8];
  if (off !== 'Z' && off !== 'z') {
    const sign = off[0] === '-' ? -1 : 1;
    const digits = off.slice(1).replace(':', '');
    const oh = +digits.slice(0, 2);
    const om = digits.length > 2 ? +digits.slice(2, 4) : 0;
    if (oh > 14 || om > 59) return undefined;
    offsetMs = sign * (oh * 60 + om) * MINUTE_MS;
  }
  const second = m[6] === undefined ? 0 : +m[6];
  const frac = m[7] === undefined ? 0 : Math.floor(+`0.${m[7]}` * 1000);
  return instantOf(+m[1], +m[2], +m[3], +m[4], +m[5], second, frac, offsetMs);
}

const TWO_DIGITS = Array.from({ length: 100 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));
const pad2 = (n: number): string => TWO_DIGITS[n];

// Output of civil(): module scratch instead of a tuple, so formatting allocates nothing but its string.
let civilY = 0;
let civilM = 0;
let civilD = 0;

/** Civil date of a day number (Howard Hinnant's days-to-civil) into civilY/M/D, without allocating. */
function civil(day: number): void {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  civilD = doy - Math.floor((153 * mp + 2) / 5) + 1;
  civilM = mp < 10 ? mp + 3 : mp - 9;
  civilY = yoe + era * 400 + (civilM <= 2 ? 1 : 0);
}

/** Formats an instant as ISO 8601 in Asia/Shanghai: `2026-11-25T17:00:00+08:00` (milliseconds only when non-zero). */
export function formatInstant(ms: number): string {
  const local = ms + SHANGHAI_OFFSET_MS;
  const day = Math.floor(local / DAY_MS);
  civil(day);
  const y = civilY;
  const mo = civilM;
  const d = civilD;
  if (y < 1000 || y > 9999) return new Date(local).toISOString().replace('Z', '+08:00');
  let rest = local - day * DAY_MS;
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mm = Math.floor(rest / MINUTE_MS);
  rest -= mm * MINUTE_MS;
  const ss = Math.floor(rest / 1000);
  const millis = rest - ss * 1000;
  const frac = millis === 0 ? '' : `.${millis < 10 ? '00' : millis < 100 ? '0' : ''}${millis}`;
  return `${y}-${pad2(mo)}-${pad2(d)}T${pad2(hh)}:${pad2(mm)}:${pad2(ss)}${frac}+08:00`;
}

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` civil date, or `undefined` if it does not exist. */
export function dayNumberOf(date: string): number | undefined {
  if (typeof date !== 'string') return undefined;
  const m = DATE_RE.exec(date);
  if (!m) return undefined;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return daysFromCivil(year, month, day);
}

/** `YYYY-MM-DD` of a day number. */
export function dateOfDayNumber(day: number): string {
  civil(day);
  const y = civilY;
  return y < 1000 || y > 9999
    ? new Date(day * DAY_MS).toISOString().slice(0, 10)
    : `${y}-${pad2(civilM)}-${pad2(civilD)}`;
}

/** True when `date` is a real `YYYY-MM-DD` calendar date. */
export function isValidDate(date: string): boolean {
  return dayNumberOf(date) !== undefined;
}

/** Day of week of a day number: 0 Sunday … 6 Saturday (1970-01-01 was a Thursday). */
export function dayOfWeek(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The Asia/Shanghai day number that contains an instant. */
export function shanghaiDayNumber(ms: number): number {
  return Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
}

/** The Asia/Shanghai civil date (`YYYY-MM-DD`) that contains an instant. */
export function shanghaiDate(instant: Date | number): string {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  return dateOfDayNumber(shanghaiDayNumber(ms));
}

/** The Asia/Shanghai calendar year that contains an instant. */
export function shanghaiYear(instant: Date | number): number {
  const ms = typeof instant === 'number' ? instant : instant.getTime();
  // Estimate from the mean year length, then correct against the exact start of that year.
  const day = Math.floor((ms + SHANGHAI_OFFSET_MS) / DAY_MS);
  let year = Math.floor(day / 365.2425) + 1970;
  while (daysFromCivil(year, 1, 1) > day) year--;
  while (daysFromCivil(year + 1, 1, 1) <= day) year++;
  return year;
}

/** The instant at which a Shanghai civil date begins (00:00 +08:00). */
export function startOfShanghaiDay(day: number): number {
  return day * DAY_MS - SHANGHAI_OFFSET_MS;
}

/**
 * The instant of a Shanghai wall time: civil date `YYYY-MM-DD` plus `minutes` after its midnight.
 * Undefined for a date that does not exist.
 */
export function shanghaiWallToInstant(date: string, minutes = 0): number | undefined {
  const day = dayNumberOf(date);
  return day === undefined ? undefined : startOfShanghaiDay(day) + minutes * MINUTE_MS;
}

/**
 * The half-open range of instants `[start, end)` covering the Shanghai days `from` … `to`, both
 * included. A missing or invalid bound leaves that side open (±Infinity).
 */
export function shanghaiDaysRange(from?: string, to?: string): { start: number; end: number } {
  const f = from ? dayNumberOf(from) : undefined;
  const t = to ? dayNumberOf(to) : undefined;
  return {
    start: f === undefined ? -Infinity : startOfShanghaiDay(f),
    end: t === undefined ? Infinity : startOfShanghaiDay(t + 1),
  };
}

/** Adds `n` calendar days to a `YYYY-MM-DD` date. Throws RangeError on an invalid date. */
export function addCalendarDays(date: string, n: number): string {
  const d = dayNumberOf(date);
  if (d === undefined) throw new RangeError(`Not a valid date (YYYY-MM-DD): ${String(date)}`);
  return dateOfDayNumber(d + n);
}

/** A `YYYY-MM-DD` date, or an instant converted to its Asia/Shanghai date. */
export function toShanghaiDate(value: string | Date): string | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : shanghaiDate(value);
  if (dayNumberOf(value) !== undefined) return value;
  const ms = parseInstant(value);
  return ms === undefined ? undefined : shanghaiDate(ms);
}

/** Parses `HH:mm` (00:00–24:00) to minutes after midnight, or undefined. */
export function parseTimeOfDay(text: string): number | undefined {
  const m = /^(\d{2}):(\d{2})$/.exec(text);
  if (!m) return undefined;
  const h = +m[1];
  const min = +m[2];
  if (min > 59 || h > 24 || (h === 24 && min !== 0)) return undefined;
  return h * 60 + min;
}

/**
 * The one way a date and time is written on every screen and in every report, in both languages:
 * `2026-11-25 17:00` (Asia/Shanghai, 24-hour). ISO order reads the same to a Chinese and an English
 * reader; `11/25` or `25/11` would not. `undefined` for what is not an instant.
 */
export function formatWallDateTime(instant: string | Date | number): string | undefined {
  const ms = typeof instant === 'number' ? instant : typeof instant === 'string' ? Date.parse(instant) : instant.getTime();
  if (!Number.isFinite(ms)) return undefined;
  const text = formatInstant(Math.floor(ms / MINUTE_MS) * MINUTE_MS);
  return /^\d{4}-/.test(text) ? `${text.slice(0, 10)} ${text.slice(11, 16)}` : undefined;
}

/** `2026-11-25` for a bare date (as it is) or for the Shanghai day of an instant; `undefined` otherwise. */
export function formatWallDate(value: string | Date | number): string | undefined {
  if (typeof value === 'string' && DATE_RE.test(value)) return isValidDate(value) ? value : undefined;
  return formatWallDateTime(value)?.slice(0, 10);
}
