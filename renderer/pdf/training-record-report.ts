/**
 * 培训记录 Training record with its attendance sign-in sheet (names, department, a signature column
 * wide enough to sign by hand). Pure: `(data, t, options) → document`.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { bullets, heading, houseTable, keyValues, paragraph } from './blocks';
import { formatDate } from './format';
import { houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

export interface TrainingRecordData {
  /** Training type key (`inspection`…), printed as `training:types.<key>`. */
  type: string;
  topic: string;
  startDate: string;
  endDate: string;
  hours: number;
  trainer: string;
  location: string;
  content: string;
  feedback: string;
  rating?: number;
  attendees: Array<{ name: string; department: string }>;
  /** Empty rows at the end of the sheet for people who were not registered beforehand (blankRowsFor). */
  blankRows: number;
  /**
   * The sessions, one sign-in sheet each: a date and its start and end times (`HH:mm`). Absent: one
   * session per day from startDate to endDate, with the times left blank to be written in by hand.
   */
  sessions?: Array<{ date: string; start?: string; end?: string }>;
  /** Materials handed out or shown (slides, manuals, lab guides). */
  materials?: string[];
}

/** Every day from `from` to `to` (ISO dates), at most 31. */
function daysOf(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`) && out.length < 31; d += 86_400_000)
    out.push(new Date(d).toISOString().slice(0, 10));
  return out.length ? out : [from];
}

/** The sessions of a training: as given, or one per day with blank times. */
export function sessionsOf(data: Pick<TrainingRecordData, 'sessions' | 'startDate' | 'endDate'>) {
  return data.sessions?.length ? data.sessions : daysOf(data.startDate, data.endDate).map((date) => ({ date }));
}

/**
 * Blank lines on the sign-in sheet for walk-in attendees: a few, more when nobody was registered.
 * The sheet's own rule, here so that the training feature's report data and this builder's test share it.
 */
export function blankRowsFor(attendees: number): number {
  return attendees === 0 ? 12 : Math.max(3, Math.min(8, Math.ceil(attendees / 3)));
}

/** `2026-11-12` or `2026-11-12 至 2026-11-14`. */
export function dateRange(t: TFunction, from: string, to: string, timeZone?: string): string {
  return from === to
    ? formatDate(from, timeZone)
    : t('reports:layout.periodRange', { from: formatDate(from, timeZone), to: formatDate(to, timeZone) });
}

/** A cell tall enough to sign in. */
const signCell = (): Content => ({ text: ' ', margin: [0, 9, 0, 9] });

/** A time to print, or a blank to write it in by hand. */
const timeOrBlank = (v: string | undefined) => v ?? '____:____';

/**
 * One session's sign-in sheet, on a page of its own: the session's particulars (topic, date, start
 * and end times, place, trainer, materials) and the list. When the list runs on, the table's header
 * (caption and column titles) repeats on the next page. The feedback column is left blank for the
 * attendees' own handwriting.
 */
function signInSheet(
  data: TrainingRecordData,
  session: { date: string; start?: string; end?: string },
  n: number,
  count: number,
  t: TFunction,
  timeZone?: string,
): Content[] {
  const rows: Content[][] = data.attendees.map((a, i) => [String(i + 1), a.name, a.department || ' ', signCell(), ' ']);
  for (let i = 0; i < data.blankRows; i++)
    rows.push([String(data.attendees.length + i + 1), ' ', ' ', signCell(), ' ']);
  const none = t('training:pdf.none');
  return [
    {
      text:
        count > 1
          ? t('training:pdf.sheet.titleN', { section: t('training:pdf.record.sheet'), n, count })
          : t('training:pdf.record.sheet'),
      style: 'h1',
      pageBreak: 'before',
    },
    keyValues([
      [t('training:fields.topic'), data.topic],
      [t('training:pdf.sheet.date'), formatDate(session.date, timeZone)],
      [
        t('training:pdf.sheet.time'),
        t('training:pdf.sheet.timeValue', { start: timeOrBlank(session.start), end: timeOrBlank(session.end) }),
      ],
      [t('training:fields.location'), data.location || none],
      [t('training:fields.trainer'), data.trainer],
      [t('training:pdf.sheet.materials'), data.materials?.length ? data.materials.join('\n') : none],
    ]),
    paragraph([{ text: t('training:pdf.record.sheetNote'), style: 'small' }]),
    houseTable(t, {
      caption: t('training:pdf.sheetCaption', { topic: data.topic }),
      number: n,
      columns: [
        { header: t('training:pdf.col.no'), width: 26, align: 'right' },
        { header: t('training:pdf.col.name'), width: 60 },
        { header: t('training:pdf.col.department'), width: 100 },
        { header: t('training:pdf.col.signature'), width: 100 },
        { header: t('training:pdf.col.feedback'), width: '*' },
      ],
      rows: rows as (string | Content)[][],
    }),
  ];
}

/** Builds the training record. */
export function buildTrainingRecord(data: TrainingRecordData, t: TFunction, options: BuildOptions): ReportDocument {
  const none = t('training:pdf.none');
  const sessions = sessionsOf(data);
  return houseDocument(t, options, [
    heading(t('training:pdf.record.overview')),
    keyValues([
      [t('training:fields.type'), t(`training:types.${data.type}`)],
      [t('training:fields.topic'), data.topic],
      [t('training:fields.dates'), dateRange(t, data.startDate, data.endDate, options.timeZone)],
      [t('training:fields.hours'), t('training:pdf.hoursValue', { hours: data.hours })],
      [t('training:fields.trainer'), data.trainer],
      [t('training:fields.location'), data.location || none],
      [t('training:pdf.record.count'), t('training:pdf.people', { count: data.attendees.length })],
    ]),
    heading(t('training:pdf.record.content')),
    paragraph(data.content || none),
    ...(data.materials?.length ? [heading(t('training:pdf.sheet.materials'), 2), bullets(data.materials)] : []),
    heading(t('training:pdf.record.feedback')),
    ...(data.rating ? [paragraph(t('training:pdf.ratingValue', { rating: data.rating }))] : []),
    paragraph(data.feedback || t('training:pdf.record.noFeedback')),
    ...sessions.flatMap((s, i) => signInSheet(data, s, i + 1, sessions.length, t, options.timeZone)),
  ]);
}
