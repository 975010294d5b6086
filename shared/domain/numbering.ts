/**
 * Human record numbers people quote on the phone and in reports: `GZ-202611-A-003` =
 * prefix, year and month in Asia/Shanghai, the laptop's device code, and a sequence per
 * prefix + month + device. The device code keeps numbers from colliding between the team's laptops.
 */
import { shanghaiDate } from './time';

/**
 * GZ 故障 fault (and its diagnosis report), XQ 需求 service request, XJ 巡检 inspection report,
 * ZD 诊断 system diagnosis report, JC 检查 health check, PX 培训 training record, PXZ 培训总结 training
 * summary, SJ 升级 escalation package, YB 月报 monthly service report, SC 手册 FAQ manual,
 * RY 人员 personnel notice, BG 报告 generic report.
 */
export const NUMBER_PREFIXES = ['GZ', 'XQ', 'XJ', 'ZD', 'JC', 'PX', 'PXZ', 'SJ', 'YB', 'SC', 'RY', 'BG'] as const;
export type NumberPrefix = (typeof NUMBER_PREFIXES)[number];

/** What a record number is made of. */
export type RecordNumber = { prefix: NumberPrefix; year: number; month: number; device: string; seq: number };

const DEVICE_RE = /^[A-Z0-9]{1,4}$/;
// Report numbers issued before every number came from here had a two-digit sequence (`XJ-202611-A-01`);
// they still parse, so a month's sequence continues after them.
const NUMBER_RE = new RegExp(`^(${NUMBER_PREFIXES.join('|')})-(\\d{4})(\\d{2})-([A-Z0-9]{1,4})-(\\d{2,})$`);

/** True for a device code of 1–4 upper-case letters or digits (e.g. `A`, `B2`). */
export function isDeviceCode(device: string): boolean {
  return DEVICE_RE.test(device);
}

/** Formats the parts as `GZ-202611-A-003` (the sequence has at least 3 digits). Throws RangeError on invalid parts. */
export function formatNumber(parts: RecordNumber): string {
  const { prefix, year, month, device, seq } = parts;
  if (!NUMBER_PREFIXES.includes(prefix)) throw new RangeError(`Unknown number prefix: ${String(prefix)}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`Invalid year: ${year}`);
  if (!Number.isInteger(month) || month < 1 || month > 12) throw new RangeError(`Invalid month: ${month}`);
  if (!isDeviceCode(device)) throw new RangeError(`Invalid device code (1–4 of A–Z, 0–9): ${device}`);
  if (!Number.isInteger(seq) || seq < 1) throw new RangeError(`Invalid sequence: ${seq}`);
  return `${prefix}-${year}${String(month).padStart(2, '0')}-${device}-${String(seq).padStart(3, '0')}`;
}

/** Parses `GZ-202611-A-003` into its parts, or null when the text is not a record number. */
export function parseNumber(text: string): RecordNumber | null {
  const m = NUMBER_RE.exec(typeof text === 'string' ? text.trim() : '');
  if (!m) return null;
  const month = +m[3];
  const seq = +m[5];
  if (month < 1 || month > 12 || seq < 1) return null;
  return { prefix: m[1] as NumberPrefix, year: +m[2], month, device: m[4], seq };
}

/** `GZ-202611-A-`: what every number of this prefix, device and Asia/Shanghai month starts with (for index look-ups). */
export function numberStem(prefix: NumberPrefix, device: string, date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  const [y, mo] = shanghaiDate(date).split('-');
  return `${prefix}-${y}${mo}-${device}-`;
}

/**
 * The next number for a prefix, device and the Asia/Shanghai month of `date`: one more than the
 * highest sequence among `existingNumbers` with the same prefix, month and device (001 if none).
 * Numbers of other prefixes, months or devices, and text that is not a number, are ignored.
 */
export function nextNumber(
  existingNumbers: Iterable<string>,
  prefix: NumberPrefix,
  device: string,
  date: Date,
): string {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid date');
  const [y, mo] = shanghaiDate(date).split('-');
  const year = +y;
  const month = +mo;
  let max = 0;
  for (const n of existingNumbers) {
    const p = parseNumber(n);
    if (p && p.prefix === prefix && p.year === year && p.month === month && p.device === device && p.seq > max)
      max = p.seq;
  }
  return formatNumber({ prefix, year, month, device, seq: max + 1 });
}

/** Standing numbers that never restart (knowledge articles): `KB-A-0012`, prefix, device, 4-digit sequence. */
export const STANDING_PREFIXES = ['KB'] as const;
export type StandingPrefix = (typeof STANDING_PREFIXES)[number];

/** The next standing number: one more than the highest of this prefix and device among `existingNumbers`. */
export function nextStandingNumber(existingNumbers: Iterable<string>, prefix: StandingPrefix, device: string): string {
  if (!STANDING_PREFIXES.includes(prefix)) throw new RangeError(`Unknown standing prefix: ${String(prefix)}`);
  if (!isDeviceCode(device)) throw new RangeError(`Invalid device code (1–4 of A–Z, 0–9): ${device}`);
  const stem = `${prefix}-${device}-`;
  let max = 0;
  for (const n of existingNumbers) {
    if (typeof n !== 'string' || !n.startsWith(stem)) continue;
    const rest = n.slice(stem.length);
    if (/^\d+$/.test(rest) && +rest > max) max = +rest;
  }
  return `${stem}${String(max + 1).padStart(4, '0')}`;
}
