/**
 * 巡检报告 — the monthly inspection report the client's maintenance engineer signs: the running state
 * of every system, the check methods and results, the anomalies with their countermeasures, the
 * problems solved on site, and evidence screenshots. Pure: `(data, t, options) → document`.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { bullets, figure, heading, houseTable, keyValues, paragraph } from './blocks';
import { formatDate } from './format';
import { houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

export type ItemOutcome = 'normal' | 'abnormal' | 'na' | 'open';
export type SystemState = 'normal' | 'attention' | 'abnormal';
export type SeverityLevel = 'low' | 'medium' | 'high' | 'critical';

export interface InspectionReportItem {
  title: string;
  method: string;
  expected: string;
  /** What was found, as printed: `92 %`, a chosen option, a text answer. */
  finding: string;
  outcome: ItemOutcome;
  note?: string;
}

export interface InspectionReportSystem {
  name: string;
  /** Family key (`virtualization`…), printed through `common:families`. */
  family: string;
  vendorModel: string;
  version: string;
  location: string;
  engineer: string;
  state: SystemState;
  counts: { total: number; normal: number; abnormal: number; na: number };
  items: InspectionReportItem[];
}

export interface InspectionReportAnomaly {
  system: string;
  item: string;
  finding: string;
  severity: SeverityLevel;
  note: string;
  countermeasure: string;
  solved: boolean;
  faultNumber?: string;
  followUp?: string;
  /** `周海峰 2026-11-03 10:05` when the PM approved the on-site fix. */
  approval?: string;
}

export interface InspectionReportData {
  inspectionNumber: string;
  /** `YYYY-MM` */
  month: string;
  mode: 'routine' | 'deep';
  startedAt?: string;
  finishedAt?: string;
  engineers: string[];
  client: string;
  systems: InspectionReportSystem[];
  anomalies: InspectionReportAnomaly[];
  /** Problems solved on site during the inspection. */
  solved: { system: string; item: string; what: string }[];
  /** Screenshots and photos as `data:` URLs with captions. */
  evidence: { image: string; caption: string }[];
  conclusion?: string;
}

const k = (key: string) => `inspections:pdf.${key}`;

function overview(data: InspectionReportData, t: TFunction, tz?: string): Content[] {
  const items = data.systems.reduce((n, s) => n + s.counts.total, 0);
  const span =
    data.startedAt && data.finishedAt
      ? t(k('span'), { from: formatDate(data.startedAt, tz), to: formatDate(data.finishedAt, tz) })
      : t(k('notFinished'));
  return [
    heading(t(k('inspection.overviewTitle'))),
    keyValues([
      [t(k('inspectionNumber')), data.inspectionNumber],
      [t(k('month')), data.month],
      [t(k('mode')), t(`inspections:mode.${data.mode}`)],
      [t(k('spanLabel')), span],
      [t(k('engineers')), data.engineers.join(t('reports:layout.listSeparator'))],
      [t(k('client')), data.client],
    ]),
    paragraph(
      t(k('inspection.summary'), {
        systems: data.systems.length,
        items,
        abnormal: data.anomalies.length,
        solved: data.solved.length,
        faults: data.anomalies.filter((a) => a.faultNumber).length,
      }),
    ),
  ];
}

function stateTable(data: InspectionReportData, t: TFunction): Content {
  return houseTable(t, {
    caption: t(k('inspection.stateCaption')),
    number: 1,
    columns: [
      { header: t(k('col.no')), width: 22, align: 'right' },
      { header: t(k('col.system')), width: '*' },
      { header: t(k('col.family')), width: 62 },
      { header: t(k('col.vendorModel')), width: 88 },
      { header: t(k('col.engineer')), width: 44 },
      { header: t(k('col.checked')), width: 36, align: 'right' },
      { header: t(k('col.abnormal')), width: 46, align: 'right' },
      { header: t(k('col.state')), width: 44, align: 'center' },
    ],
    rows: data.systems.map((s, i) => [
      i + 1,
      s.name,
      t(`common:families.${s.family}`),
      [s.vendorModel, s.version].filter(Boolean).join(' '),
      s.engineer,
      s.counts.total,
      s.counts.abnormal,
      {
        text: t(k(`state.${s.state}`)),
        style: 'tableCell',
        alignment: 'center',
        color: s.state === 'abnormal' ? '#a61b1b' : s.state === 'attention' ? '#ad6800' : undefined,
        bold: s.state !== 'normal',
      },
    ]),
  });
}

function outcomeCell(o: ItemOutcome, t: TFunction): Content {
  return {
    text: t(k(`outcome.${o}`)),
    style: 'tableCell',
    alignment: 'center',
    color: o === 'abnormal' ? '#a61b1b' : o === 'open' ? '#5b6472' : undefined,
    bold: o === 'abnormal',
  };
}

function systemDetail(s: InspectionReportSystem, index: number, t: TFunction): Content[] {
  return [
    heading(t(k('inspection.systemHeading'), { n: index + 1, name: s.name }), 2),
    paragraph(
      t(k('inspection.systemLine'), {
        family: t(`common:families.${s.family}`),
        model: [s.vendorModel, s.version].filter(Boolean).join(' '),
        location: s.location || '—',
        engineer: s.engineer,
      }),
    ),
    houseTable(t, {
      columns: [
        { header: t(k('col.no')), width: 20, align: 'right' },
        { header: t(k('col.item')), width: 80 },
        { header: t(k('col.method')), width: '*' },
        { header: t(k('col.expected')), width: 74 },
        { header: t(k('col.finding')), width: 84 },
        { header: t(k('col.outcome')), width: 34, align: 'center' },
      ],
      rows: s.items.map((it, i) => [
        i + 1,
        it.title,
        it.method,
        it.expected,
        it.note ? `${it.finding}\n${it.note}` : it.finding,
        outcomeCell(it.outcome, t),
      ]),
    }),
  ];
}

function anomalies(data: InspectionReportData, t: TFunction): Content[] {
  if (data.anomalies.length === 0)
    return [heading(t(k('inspection.anomaliesTitle'))), paragraph(t(k('inspection.noAnomalies')))];
  const status = (a: InspectionReportAnomaly) =>
    [
      a.solved ? t(k('anomaly.solved')) : '',
      a.faultNumber ? t(k('anomaly.fault'), { number: a.faultNumber }) : '',
      a.followUp ? t(k('anomaly.followUp'), { text: a.followUp }) : '',
      a.approval ? t(k('anomaly.approved'), { who: a.approval }) : '',
    ]
      .filter(Boolean)
      .join('\n') || t(k('anomaly.open'));
  return [
    heading(t(k('inspection.anomaliesTitle'))),
    houseTable(t, {
      caption: t(k('inspection.anomaliesCaption')),
      number: 2,
      columns: [
        { header: t(k('col.no')), width: 20, align: 'right' },
        { header: t(k('col.system')), width: 70 },
        { header: t(k('col.anomaly')), width: '*' },
        { header: t(k('col.severity')), width: 30, align: 'center' },
        { header: t(k('col.countermeasure')), width: '*' },
        { header: t(k('col.status')), width: 84 },
      ],
      rows: data.anomalies.map((a, i) => [
        i + 1,
        a.system,
        `${t(k('anomaly.line'), { item: a.item, finding: a.finding })}\n${a.note}`,
        t(`inspections:severity.${a.severity}`),
        a.countermeasure,
        status(a),
      ]),
    }),
  ];
}

/** Builds the inspection report: `(data, t, options) → document`, pure. */
export function buildInspectionReport(data: InspectionReportData, t: TFunction, options: BuildOptions): ReportDocument {
  const tz = options.timeZone;
  const body: Content[] = [
    ...overview(data, t, tz),
    heading(t(k('inspection.stateTitle'))),
    stateTable(data, t),
    heading(t(k('inspection.detailTitle'))),
    paragraph(t(k('inspection.detailIntro'))),
    ...data.systems.flatMap((s, i) => systemDetail(s, i, t)),
    ...anomalies(data, t),
    heading(t(k('inspection.solvedTitle'))),
    data.solved.length
      ? bullets(data.solved.map((s) => t(k('solvedLine'), s)))
      : paragraph(t(k('inspection.noneSolved'))),
  ];
  body.push(
    heading(t(k('inspection.conclusionTitle'))),
    paragraph(
      data.conclusion?.trim() ||
        t(data.anomalies.length ? k('inspection.conclusionWithIssues') : k('inspection.conclusionClean'), {
          count: data.anomalies.length,
        }),
    ),
  );
  // Screenshots last: they are an appendix to the findings above.
  if (data.evidence.length) {
    body.push(
      heading(t(k('inspection.evidenceTitle'))),
      ...data.evidence.map((e, i) => figure(t, { image: e.image, caption: e.caption, number: i + 1, maxHeight: 260 })),
    );
  }
  return houseDocument(t, options, body);
}
