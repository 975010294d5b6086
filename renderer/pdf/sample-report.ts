/**
 * The generic sample report: exercises every part of the house layout (long table across pages,
 * figures, lists, sign-off). It is also the template a feature copies to add its own report type.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { bullets, figure, heading, houseTable, keyValues, paragraph } from './blocks';
import { formatDate } from './format';
import { houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

export type SampleRecordStatus = 'closed' | 'monitoring' | 'open';

export interface SampleRecord {
  /** ISO date. */
  date: string;
  kind: 'fault' | 'request';
  system: string;
  item: string;
  result: string;
  status: SampleRecordStatus;
}

export interface SampleReportData {
  site: string;
  team: string[];
  systems: number;
  serviceHours: string;
  records: SampleRecord[];
  /** Images as `data:` URLs with their captions. */
  figures: { image: string; caption: string }[];
  recommendations: string[];
}

function recordsTable(data: SampleReportData, t: TFunction, options: BuildOptions): Content {
  return houseTable(t, {
    caption: t('reports:sample.recordsCaption'),
    number: 1,
    columns: [
      { header: t('reports:sample.columns.no'), width: 24, align: 'right' },
      { header: t('reports:sample.columns.date'), width: 58 },
      { header: t('reports:sample.columns.system'), width: 70 },
      { header: t('reports:sample.columns.item'), width: '*' },
      { header: t('reports:sample.columns.result'), width: '*' },
      { header: t('reports:sample.columns.status'), width: 'auto', align: 'center' },
    ],
    rows: data.records.map((r, i) => [
      i + 1,
      formatDate(r.date, options.timeZone),
      r.system,
      r.item,
      r.result,
      t(`reports:sample.status.${r.status}`),
    ]),
  });
}

/** Builds the sample report: `(data, t, options) → document`, pure. */
export function buildSampleReport(data: SampleReportData, t: TFunction, options: BuildOptions): ReportDocument {
  const faults = data.records.filter((r) => r.kind === 'fault').length;
  return houseDocument(t, options, [
    heading(t('reports:sample.summaryTitle')),
    paragraph(
      t('reports:sample.summary', { count: data.records.length, faults, requests: data.records.length - faults }),
    ),
    heading(t('reports:sample.factsTitle')),
    keyValues([
      [t('reports:sample.facts.site'), data.site],
      [t('reports:sample.facts.team'), data.team.join(t('reports:layout.listSeparator'))],
      [t('reports:sample.facts.systems'), String(data.systems)],
      [t('reports:sample.facts.hours'), data.serviceHours],
    ]),
    heading(t('reports:sample.recordsTitle')),
    recordsTable(data, t, options),
    heading(t('reports:sample.figuresTitle')),
    ...data.figures.map((f, i) => figure(t, { image: f.image, caption: f.caption, number: i + 1 })),
    heading(t('reports:sample.recommendationsTitle')),
    bullets(data.recommendations),
  ]);
}
