/**
 * Pure rules of a run: reading a typed number, judging it against the item's threshold, what counts
 * as answered, what stops an inspection from finishing, and progress. No Dexie, no React. In
 * shared/domain beside inspection-trend.ts, which judges against the same thresholds for the system
 * diagnosis report (renderer/pdf/system-diagnosis-report.ts imports no feature).
 */
import type {
  AnswerResult,
  ChecklistItem,
  Comparator,
  InspectionAnswer,
  InspectionMode,
  LocalizedText,
  NumberSpec,
  TemplateSnapshot,
} from '../schemas/inspection';

export type NumberParse = { ok: true; value: number } | { ok: false; reason: 'empty' | 'notNumber' };

const fullWidth = /[０-９．－＋，]/g;

/**
 * Reads what an engineer typed in a numeric field. Full-width digits (Chinese IME) and thousands
 * separators are accepted; anything else (units, words, two decimal points) is refused, never guessed.
 */
export function parseNumberInput(raw: string): NumberParse {
  const text = raw.replace(fullWidth, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
  if (text === '') return { ok: false, reason: 'empty' };
  const plain = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(text) ? text.replace(/,/g, '') : text;
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain)) return { ok: false, reason: 'notNumber' };
  const value = Number(plain);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: 'notNumber' };
}

/** Units of a checklist that measure a count or a duration: never below zero. */
const nonNegativeUnits = new Set(['count', 'ms', 'min', 'h']);

/** Why a measured value cannot be: a percentage outside 0–100, a negative count or duration, an age in the future. */
export type ImpossibleValue = 'percentRange' | 'negative' | 'future';

/**
 * Whether `value` is impossible for the item: a `%` outside 0–100, a negative count or duration, or a
 * negative age (days / months since something was done: a date in the future). Days or months left
 * before an expiry (a `≥` floor) may be negative: an expired licence is a real finding.
 */
export function impossibleValue(
  spec: Pick<NumberSpec, 'unit' | 'comparator'>,
  value: number,
): ImpossibleValue | undefined {
  if (!Number.isFinite(value)) return 'negative';
  if (spec.unit === '%') return value < 0 || value > 100 ? 'percentRange' : undefined;
  if (value >= 0) return undefined;
  if (nonNegativeUnits.has(spec.unit)) return 'negative';
  if ((spec.unit === 'days' || spec.unit === 'months') && (spec.comparator === '<' || spec.comparator === '<='))
    return 'future';
  return undefined;
}

/**
 * Normal when the value satisfies the comparator against the threshold (between: inclusive range).
 * An impossible value (impossibleValue) is never normal, whatever the threshold says.
 */
export function judgeNumber(
  spec: Pick<NumberSpec, 'comparator' | 'threshold' | 'max'> & Partial<Pick<NumberSpec, 'unit'>>,
  value: number,
): 'normal' | 'abnormal' {
  if (impossibleValue({ unit: spec.unit ?? '', comparator: spec.comparator }, value)) return 'abnormal';
  const { threshold: t, max } = spec;
  const ok: Record<Comparator, boolean> = {
    '<': value < t,
    '<=': value <= t,
    '>': value > t,
    '>=': value >= t,
    between: value >= t && value <= (max ?? t),
  };
  return ok[spec.comparator] ? 'normal' : 'abnormal';
}

const symbols: Record<Exclude<Comparator, 'between'>, string> = { '<': '<', '<=': '≤', '>': '>', '>=': '≥' };

/** `≤ 80 %`, `10 – 20 ms`: the threshold in the form printed on screen and in reports. */
export function thresholdText(spec: NumberSpec, unit: string): string {
  const u = unit ? (unit === '%' ? ' %' : ` ${unit}`) : '';
  if (spec.comparator === 'between') return `${spec.threshold} – ${spec.max ?? spec.threshold}${u}`;
  return `${symbols[spec.comparator]} ${spec.threshold}${u}`;
}

/** The text of a bilingual field in `lng` (English for `en`, Chinese otherwise). */
export function pick(text: LocalizedText, lng: string): string {
  return lng === 'en' ? text.en : text.zh;
}

/** Items a run asks for: the deep health check adds the deep-only items. */
export function itemsForMode(template: Pick<TemplateSnapshot, 'items'>, mode: InspectionMode): ChecklistItem[] {
  return mode === 'deep' ? template.items : template.items.filter((i) => !i.deepOnly);
}

/** The fields of an answer the rules look at. */
export type AnswerFields = Pick<InspectionAnswer, 'result' | 'value' | 'text' | 'choice' | 'note' | 'countermeasure'>;

/** The result an answer implies for its item: numbers and choices are judged, status and text are chosen. */
export function resultFor(item: ChecklistItem, a: Partial<AnswerFields>): AnswerResult | undefined {
  if (a.result === 'na') return 'na';
  const spec = item.answer;
  if (spec.type === 'number') return a.value === undefined ? undefined : judgeNumber(spec, a.value);
  if (spec.type === 'choice') {
    const option = spec.options.find((o) => o.value === a.choice);
    return option ? (option.abnormal ? 'abnormal' : 'normal') : undefined;
  }
  if (spec.type === 'text') return a.text?.trim() ? (a.result ?? 'normal') : a.result;
  return a.result;
}

/** Whether the item has an answer a report can print. */
export function isAnswered(item: ChecklistItem, a: Partial<AnswerFields> | undefined): boolean {
  if (!a) return false;
  if (a.result === 'na') return true;
  const spec = item.answer;
  if (spec.type === 'number') return a.value !== undefined;
  if (spec.type === 'choice') return !!a.choice;
  if (spec.type === 'text') return !!a.text?.trim();
  return a.result !== undefined;
}

export type Problem = {
  systemId: string;
  itemId: string;
  kind: 'unanswered' | 'noteMissing' | 'countermeasureMissing' | 'evidenceMissing';
};

export interface RunSystem {
  systemId: string;
  items: ChecklistItem[];
}

/** Key of an answer in maps: `systemId|itemId`. */
export const answerKey = (systemId: string, itemId: string) => `${systemId}|${itemId}`;

/**
 * What stands between a run and "finished": unanswered required items, abnormal items without a note
 * or a countermeasure, and items that need evidence but have none. Listed in checklist order.
 */
export function finishProblems(
  systems: RunSystem[],
  answers: Map<string, Partial<AnswerFields>>,
  evidenceCount: (systemId: string, itemId: string) => number,
): Problem[] {
  const out: Problem[] = [];
  for (const s of systems) {
    for (const item of s.items) {
      const a = answers.get(answerKey(s.systemId, item.id));
      const push = (kind: Problem['kind']) => out.push({ systemId: s.systemId, itemId: item.id, kind });
      if (!isAnswered(item, a)) {
        if (item.required) push('unanswered');
        continue;
      }
      const result = resultFor(item, a!);
      if (result === 'abnormal') {
        if (!a!.note?.trim()) push('noteMissing');
        if (!a!.countermeasure?.trim()) push('countermeasureMissing');
      }
      if (item.evidenceRequired && result !== 'na' && evidenceCount(s.systemId, item.id) === 0) push('evidenceMissing');
    }
  }
  return out;
}

export interface Progress {
  answered: number;
  total: number;
  abnormal: number;
  percent: number;
}

/** Answered / total (and abnormal count) for one system's items. */
export function progressOf(
  items: ChecklistItem[],
  answerOf: (itemId: string) => Partial<AnswerFields> | undefined,
): Progress {
  let answered = 0;
  let abnormal = 0;
  for (const item of items) {
    const a = answerOf(item.id);
    if (!isAnswered(item, a)) continue;
    answered++;
    if (resultFor(item, a!) === 'abnormal') abnormal++;
  }
  const total = items.length;
  return { answered, total, abnormal, percent: total === 0 ? 100 : Math.round((answered / total) * 100) };
}

/** Adds up progress figures (overall progress of a run). */
export function sumProgress(parts: Progress[]): Progress {
  const answered = parts.reduce((n, p) => n + p.answered, 0);
  const total = parts.reduce((n, p) => n + p.total, 0);
  const abnormal = parts.reduce((n, p) => n + p.abnormal, 0);
  return { answered, total, abnormal, percent: total === 0 ? 100 : Math.round((answered / total) * 100) };
}
