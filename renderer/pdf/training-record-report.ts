/**
 * 培训记录 Training record with its attendance sign-in sheet (names, department, a signature column
 * wide enough to sign by hand). Pure: `(data, t, options) → document`.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { heading, houseTable, keyValues, paragraph } from './blocks';
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

function signInSheet(data: TrainingRecordData, t: TFunction): Content {
  const rows: Content[][] = data.attendees.map((a, i) => [String(i + 1), a.name, a.department || ' ', signCell(), ' ']);
  for (let i = 0; i < data.blankRows; i++)
    rows.push([String(data.attendees.length + i + 1), ' ', ' ', signCell(), ' ']);
  return houseTable(t, {
    caption: t('training:pdf.sheetCaption', { topic: data.topic }),
    number: 1,
    columns: [
      { header: t('training:pdf.col.no'), width: 28, align: 'right' },
      { header: t('training:pdf.col.name'), width: 80 },
      { header: t('training:pdf.col.department'), width: '*' },
      { header: t('training:pdf.col.signature'), width: 130 },
      { header: t('training:pdf.col.note'), width: 60 },
    ],
    rows: rows as (string | Content)[][],
  });
}

/** Builds the training record. */
export function buildTrainingRecord(data: TrainingRecordData, t: TFunction, options: BuildOptions): ReportDocument {
  const none = t('training:pdf.none');
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
    heading(t('training:pdf.record.sheet')),
    paragraph([{ text: t('training:pdf.record.sheetNote'), style: 'small' }]),
    signInSheet(data, t),
    heading(t('training:pdf.record.feedback')),
    ...(data.rating ? [paragraph(t('training:pdf.ratingValue', { rating: data.rating }))] : []),
    paragraph(data.feedback || t('training:pdf.record.noFeedback')),
  ]);
}
