/**
 * 培训总结报告 The yearly training summary: totals by type, the contract's obligations (4 inspection
 * trainings, the special training) and every training of the year. Pure.
 */
import type { TFunction } from 'i18next';
import { bullets, heading, houseTable, paragraph } from './blocks';
import { formatDate } from './format';
import { houseDocument } from './layout';
import { dateRange } from './training-record-report';
import type { BuildOptions, ReportDocument } from './types';

/** met / due / late / pending, printed as `training:state.<key>`. */
type State = string;

export interface TrainingSummaryData {
  year: number;
  /** The date the figures were taken. */
  asOf: string;
  inspection: Array<{ slot: number; dueDate: string; state: State; topic: string; heldOn?: string }>;
  special: {
    state: State;
    period: { from: string; to: string };
    dueDate: string;
    heldFrom?: string;
    heldTo?: string;
    topic?: string;
  };
  trainings: Array<{
    startDate: string;
    endDate: string;
    type: string;
    topic: string;
    trainer: string;
    hours: number;
    attendees: number;
    rating?: number;
  }>;
  feedback: Array<{ date: string; topic: string; text: string }>;
}

const trainingTypeOrder = ['onsite', 'adhoc', 'inspection', 'special', 'vendor'];

/** Builds the yearly training summary. */
export function buildTrainingSummary(data: TrainingSummaryData, t: TFunction, options: BuildOptions): ReportDocument {
  const tz = options.timeZone;
  const hours = data.trainings.reduce((s, x) => s + x.hours, 0);
  const people = data.trainings.reduce((s, x) => s + x.attendees, 0);
  const met = data.inspection.filter((s) => s.state === 'met').length;
  const byType = trainingTypeOrder.map((type) => {
    const list = data.trainings.filter((x) => x.type === type);
    return [
      t(`training:types.${type}`),
      list.length,
      String(list.reduce((s, x) => s + x.hours, 0)),
      list.reduce((s, x) => s + x.attendees, 0),
    ];
  });
  const sp = data.special;
  return houseDocument(t, options, [
    heading(t('training:pdf.summary.overview')),
    paragraph(
      t('training:pdf.summary.text', {
        year: data.year,
        count: data.trainings.length,
        hours,
        people,
        met,
        asOf: formatDate(data.asOf, tz),
      }),
    ),
    houseTable(t, {
      caption: t('training:pdf.summary.byTypeCaption'),
      number: 1,
      columns: [
        { header: t('training:fields.type') },
        { header: t('training:pdf.col.count'), align: 'right' },
        { header: t('training:fields.hours'), align: 'right' },
        { header: t('training:pdf.col.people'), align: 'right' },
      ],
      rows: byType,
    }),
    heading(t('training:pdf.summary.obligations')),
    houseTable(t, {
      caption: t('training:pdf.summary.obligationsCaption'),
      number: 2,
      columns: [
        { header: t('training:pdf.col.obligation'), width: 110 },
        { header: t('training:pdf.col.planned'), width: 62 },
        { header: t('training:fields.topic') },
        { header: t('training:pdf.col.held'), width: 70 },
        { header: t('training:pdf.col.state'), width: 46, align: 'center' },
      ],
      rows: [
        ...data.inspection.map((s) => [
          t('training:obligations.inspectionN', { n: s.slot }),
          formatDate(s.dueDate, tz),
          s.topic || t('training:obligations.topicNotNamed'),
          s.heldOn ? formatDate(s.heldOn, tz) : '—',
          t(`training:state.${s.state}`),
        ]),
        [
          t('training:obligations.special'),
          formatDate(sp.dueDate, tz),
          sp.topic || '—',
          sp.heldFrom ? dateRange(t, sp.heldFrom, sp.heldTo ?? sp.heldFrom, tz) : '—',
          t(`training:state.${sp.state}`),
        ],
      ],
    }),
    paragraph([
      {
        text: t('training:pdf.summary.obligationsNote', {
          from: formatDate(sp.period.from, tz),
          to: formatDate(sp.period.to, tz),
        }),
        style: 'small',
      },
    ]),
    heading(t('training:pdf.summary.details')),
    data.trainings.length
      ? houseTable(t, {
          caption: t('training:pdf.summary.detailsCaption', { year: data.year }),
          number: 3,
          columns: [
            { header: t('training:pdf.col.no'), width: 22, align: 'right' },
            { header: t('training:fields.dates'), width: 66 },
            { header: t('training:fields.type'), width: 50 },
            { header: t('training:fields.topic') },
            { header: t('training:fields.trainer'), width: 50 },
            { header: t('training:fields.hours'), width: 30, align: 'right' },
            { header: t('training:pdf.col.people'), width: 34, align: 'right' },
          ],
          rows: data.trainings.map((x, i) => [
            i + 1,
            dateRange(t, x.startDate, x.endDate, tz),
            t(`training:types.${x.type}`),
            x.topic,
            x.trainer,
            String(x.hours),
            x.attendees,
          ]),
        })
      : paragraph(t('training:pdf.summary.noTrainings')),
    heading(t('training:pdf.summary.feedback')),
    data.feedback.length
      ? bullets(
          data.feedback.map((f) =>
            t('training:pdf.summary.feedbackItem', { date: formatDate(f.date, tz), topic: f.topic, text: f.text }),
          ),
        )
      : paragraph(t('training:pdf.record.noFeedback')),
  ]);
}
