/**
 * Reads the State Council's yearly holiday notice (国务院办公厅关于 YYYY 年部分节假日安排的通知), as
 * pasted from its published text, into one year of calendar data: the days off (放假, every day of
 * each range, weekends included, as `resources/calendar/<year>.json` lists them) and the 调休
 * working weekend days (上班). Nothing is guessed: a line that names a holiday or a working day but
 * cannot be read, whose day count (共 N 天) disagrees with its range, or whose weekday (周X) is not
 * the date's weekday, is returned as a problem and contributes no dates.
 */
import { dateOfDayNumber, dayNumberOf, dayOfWeek } from './time';

export type NoticeProblemCode = 'unreadable' | 'day-count' | 'weekday' | 'invalid-date' | 'other-year' | 'no-year';

/** A line the parser did not take, with why (a stable code for i18n). */
export interface NoticeProblem {
  code: NoticeProblemCode;
  line: string;
  /** The date or count concerned, when there is one. */
  value?: string;
}

export interface ParsedNotice {
  year: number | undefined;
  holidays: string[];
  workdays: string[];
  /** Lines read without a problem (the numbered items of the notice). */
  readLines: string[];
  problems: NoticeProblem[];
}

const WEEKDAYS: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };
const DATE = String.raw`(?:(\d{4})年)?(?:(\d{1,2})月)?(\d{1,2})日(?:[（(]([^）)]*)[）)])?`;
const RANGE_SEP = String.raw`\s*(?:至|到|-|－|—|–|~|～)\s*`;

/** Full-width digits and spaces folded, so a notice copied from any source reads the same. */
function normalise(text: string): string {
  return text
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0))
    .replace(/[ \u00a0\u3000\t]+/g, '');
}

interface DateMention {
  date: string | undefined;
  text: string;
  weekday: number | undefined;
  month: number;
  year: number;
}

function mention(m: RegExpExecArray, offset: number, year: number, month: number | undefined): DateMention | null {
  const y = m[offset] ? Number(m[offset]) : year;
  const mo = m[offset + 1] ? Number(m[offset + 1]) : month;
  if (mo === undefined) return null;
  const d = Number(m[offset + 2]);
  const iso = `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const wd = /周([一二三四五六日天])/.exec(m[offset + 3] ?? '');
  return {
    date: dayNumberOf(iso) === undefined ? undefined : iso,
    text: iso,
    weekday: wd ? WEEKDAYS[wd[1]] : undefined,
    month: mo,
    year: y,
  };
}

function weekdayWrong(m: DateMention): boolean {
  return m.date !== undefined && m.weekday !== undefined && dayOfWeek(dayNumberOf(m.date)!) !== m.weekday;
}

/** The year the notice is for: its title, else its "现将 YYYY 年…" sentence. */
export function noticeYear(text: string): number | undefined {
  const t = normalise(text);
  const m = /关于(\d{4})年.{0,6}节假日/.exec(t) ?? /现将(\d{4})年/.exec(t) ?? /(\d{4})年(?:部分)?节假日安排/.exec(t);
  return m ? Number(m[1]) : undefined;
}

type LineResult = { holidays: string[]; workdays: string[]; problem?: NoticeProblem };

function readHolidaySentence(s: string, line: string, year: number): LineResult {
  const range = new RegExp(DATE + RANGE_SEP + DATE).exec(s);
  const single = range ? null : new RegExp(DATE).exec(s);
  const from = range ? mention(range, 1, year, undefined) : single ? mention(single, 1, year, undefined) : null;
  if (!from) return { holidays: [], workdays: [], problem: { code: 'unreadable', line } };
  let to = from;
  if (range) {
    const end = mention(range, 5, from.year, from.month);
    if (!end) return { holidays: [], workdays: [], problem: { code: 'unreadable', line } };
    // A range that runs over New Year ("12月31日至1月2日") ends in the next year.
    if (!range[5] && end.month < from.month) {
      const next = mention(range, 5, from.year + 1, end.month);
      to = next ?? end;
    } else to = end;
  }
  for (const m of [from, to]) {
    if (!m.date) return { holidays: [], workdays: [], problem: { code: 'invalid-date', line, value: m.text } };
    if (weekdayWrong(m)) return { holidays: [], workdays: [], problem: { code: 'weekday', line, value: m.date } };
  }
  const a = dayNumberOf(from.date!)!;
  const b = dayNumberOf(to.date!)!;
  if (b < a || b - a > 14) return { holidays: [], workdays: [], problem: { code: 'unreadable', line } };
  const days = Array.from({ length: b - a + 1 }, (_, i) => dateOfDayNumber(a + i));
  const count = /共(\d+)天/.exec(s) ?? /放假(\d+)天/.exec(s);
  if (count && Number(count[1]) !== days.length) {
    return { holidays: [], workdays: [], problem: { code: 'day-count', line, value: count[1] } };
  }
  return { holidays: days, workdays: [] };
}

function readWorkdaySentence(s: string, line: string, year: number): LineResult {
  const re = new RegExp(DATE, 'g');
  const out: string[] = [];
  let month: number | undefined;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    const d = mention(m, 1, year, month);
    if (!d) return { holidays: [], workdays: [], problem: { code: 'unreadable', line } };
    if (!d.date) return { holidays: [], workdays: [], problem: { code: 'invalid-date', line, value: d.text } };
    if (weekdayWrong(d)) return { holidays: [], workdays: [], problem: { code: 'weekday', line, value: d.date } };
    month = d.month;
    out.push(d.date);
  }
  if (out.length === 0) return { holidays: [], workdays: [], problem: { code: 'unreadable', line } };
  return { holidays: [], workdays: out };
}

/** A numbered item of the notice, or any line that names a date beside 放假 / 上班. */
function isRuleLine(line: string): boolean {
  return /放假|上班/.test(line) && (/^[一二三四五六七八九十]+、/.test(line) || /\d{1,2}日/.test(line));
}

/**
 * Parses a pasted notice. `fallbackYear` is used when the text has no title line. Dates of another
 * year than the notice's are reported (`other-year`) and left out.
 */
export function parseHolidayNotice(text: string, fallbackYear?: number): ParsedNotice {
  const year = noticeYear(text) ?? fallbackYear;
  const result: ParsedNotice = { year, holidays: [], workdays: [], readLines: [], problems: [] };
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l && isRuleLine(normalise(l)));
  if (year === undefined) {
    if (lines.length) result.problems.push({ code: 'no-year', line: lines[0] });
    return result;
  }
  for (const line of lines) {
    const found: LineResult = { holidays: [], workdays: [] };
    for (const sentence of normalise(line).split(/[。；;]/)) {
      if (!/\d{1,2}日/.test(sentence) && !/放假|上班/.test(sentence)) continue;
      const part = /上班/.test(sentence)
        ? readWorkdaySentence(sentence, line, year)
        : /放假/.test(sentence)
          ? readHolidaySentence(sentence, line, year)
          : { holidays: [], workdays: [] };
      if (part.problem) {
        found.problem = part.problem;
        break;
      }
      found.holidays.push(...part.holidays);
      found.workdays.push(...part.workdays);
    }
    if (found.problem) {
      result.problems.push(found.problem);
      continue;
    }
    for (const d of [...found.holidays, ...found.workdays]) {
      if (!d.startsWith(`${year}-`)) result.problems.push({ code: 'other-year', line, value: d });
    }
    result.holidays.push(...found.holidays.filter((d) => d.startsWith(`${year}-`)));
    result.workdays.push(...found.workdays.filter((d) => d.startsWith(`${year}-`)));
    result.readLines.push(line);
  }
  result.holidays = [...new Set(result.holidays)].sort();
  result.workdays = [...new Set(result.workdays)].sort();
  return result;
}
