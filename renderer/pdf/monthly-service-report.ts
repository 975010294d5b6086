/**
 * 月度服务报告 The monthly service report the project manager hands the client: SLA attainment, time
 * to restore, faults, escalations, requests, inspections, satisfaction, training, personnel, the
 * client's feedback and next month's plan. The figures come computed (monthlyFigures in
 * shared/domain/monthly-service.ts); this builder only lays them out, with vector charts
 * (renderer/pdf/charts.ts). Pure: `(data, t, options) → document`.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { monthlyClockKinds, monthlyLevels, type Attainment, type MonthlyFigures } from '@shared/domain/monthly-service';
import { bullets, heading, houseTable, paragraph } from './blocks';
import { barChart } from './charts';
import { formatDate } from './format';
import { houseDocument } from './layout';
import type { BuildOptions, ReportDocument } from './types';

export type MonthlyServiceData = MonthlyFigures;

const k = (key: string) => `reports:monthly.${key}`;

/** `12 / 13 (92.3%)`, or a dash when nothing was due. */
function attainmentText(a: Attainment, t: TFunction): string {
  return a.total ? t(k('attainment'), { met: a.met, total: a.total, percent: a.percent }) : '—';
}

/** Minutes as `2 h 05 min` / `2 小时 05 分钟`. */
export function durationText(minutes: number | undefined, t: TFunction): string {
  if (minutes === undefined) return '—';
  const m = Math.round(minutes);
  const h = Math.floor(m / 60);
  return h ? t(k('hoursMinutes'), { h, m: String(m % 60).padStart(2, '0') }) : t(k('minutes'), { m });
}

const level = (l: number, t: TFunction) => t(`faults:levels.${l}`);

function countTable(
  t: TFunction,
  caption: string,
  number: number,
  header: string,
  rows: [string, number][],
  total: number,
): Content {
  return houseTable(t, {
    caption,
    number,
    columns: [
      { header },
      { header: t(k('col.count')), width: 60, align: 'right' },
      { header: t(k('col.share')), width: 60, align: 'right' },
    ],
    rows: rows.map(([label, n]) => [label, n, total ? `${Math.round((n / total) * 1000) / 10}%` : '—']),
  });
}

/** Builds the monthly service report. */
export function buildMonthlyServiceReport(d: MonthlyServiceData, t: TFunction, options: BuildOptions): ReportDocument {
  const tz = options.timeZone;
  const date = (iso: string) => formatDate(iso, tz);
  let table = 0;
  const next = () => ++table;
  const kindsDue = monthlyClockKinds.filter((c) => d.slaByKind[c].total > 0);
  const familyRows = Object.entries(d.byFamily)
    .sort((a, b) => b[1] - a[1])
    .map(([f, n]) => [t(`common:families.${f}`, { defaultValue: f }), n] as [string, number]);
  const channelRows = Object.entries(d.byChannel)
    .sort((a, b) => b[1] - a[1])
    .map(([c, n]) => [t(`faults:channels.${c}`, { defaultValue: c }), n] as [string, number]);

  const body: Content[] = [
    heading(t(k('h.overview'))),
    paragraph(
      t(k('overview'), {
        faults: d.faultCount,
        sla: d.slaOverall.total ? `${d.slaOverall.percent}%` : '—',
        requests: d.requests.received,
        inspections: d.inspections.done,
        due: d.inspections.due,
        anomalies: d.anomalies.found,
        surveys: d.satisfaction.surveys,
        satisfaction: d.satisfaction.mean ?? '—',
      }),
    ),

    heading(t(k('h.sla'))),
    houseTable(t, {
      caption: t(k('slaByKindCaption')),
      number: next(),
      columns: [
        { header: t(k('col.clock')) },
        { header: t(k('col.met')), width: 50, align: 'right' },
        { header: t(k('col.total')), width: 50, align: 'right' },
        { header: t(k('col.attainment')), width: 70, align: 'right' },
      ],
      rows: [
        ...monthlyClockKinds.map((c) => {
          const a = d.slaByKind[c];
          return [t(`faults:clocks.${c}`), a.met, a.total, a.total ? `${a.percent}%` : '—'];
        }),
        [
          { text: t(k('total')), bold: true, style: 'tableCell' },
          d.slaOverall.met,
          d.slaOverall.total,
          d.slaOverall.total ? `${d.slaOverall.percent}%` : '—',
        ],
      ],
    }),
    ...(kindsDue.length
      ? [
          barChart({
            categories: kindsDue.map((c) => t(`faults:clocks.${c}`)),
            series: [{ name: t(k('col.attainment')), values: kindsDue.map((c) => d.slaByKind[c].percent ?? 0) }],
            width: 440,
            height: 150,
            max: 100,
            unit: '%',
          }),
        ]
      : []),
    houseTable(t, {
      caption: t(k('slaByLevelCaption')),
      number: next(),
      columns: [
        { header: t(k('col.level')) },
        { header: t(k('col.attainment')), width: 110, align: 'right' },
        { header: t(k('col.restored')), width: 50, align: 'right' },
        { header: t(k('col.meanRestore')), width: 80, align: 'right' },
        { header: t(k('col.medianRestore')), width: 80, align: 'right' },
      ],
      rows: monthlyLevels.map((l) => {
        const r = d.restoreByLevel[l];
        return [
          level(l, t),
          attainmentText(d.slaByLevel[l], t),
          r.count,
          durationText(r.mean, t),
          durationText(r.median, t),
        ];
      }),
    }),
    paragraph([{ text: t(k('slaNote')), style: 'small' }]),

    heading(t(k('h.faults'))),
    paragraph(t(k('faultsText'), { n: d.faultCount })),
    countTable(
      t,
      t(k('byLevelCaption')),
      next(),
      t(k('col.level')),
      monthlyLevels.map((l) => [level(l, t), d.byLevel[l]]),
      d.faultCount,
    ),
    countTable(t, t(k('byChannelCaption')), next(), t(k('col.channel')), channelRows, d.faultCount),
    countTable(t, t(k('byFamilyCaption')), next(), t(k('col.family')), familyRows, d.faultCount),
    ...(familyRows.length
      ? [
          barChart({
            categories: familyRows.map(([f]) => f),
            series: [{ name: t(k('col.count')), values: familyRows.map(([, n]) => n) }],
            width: 440,
            height: 24 + familyRows.length * 22,
            horizontal: true,
            labelWidth: 150,
          }),
        ]
      : []),

    heading(t(k('h.escalations'))),
    paragraph(t(k('escalationsText'), { experts: d.escalations.toExperts, vendors: d.escalations.toVendors })),
    ...(d.escalations.list.length
      ? [
          houseTable(t, {
            caption: t(k('escalationsCaption')),
            number: next(),
            columns: [
              { header: t(k('col.date')), width: 62 },
              { header: t(k('col.fault')), width: 100 },
              { header: t(k('col.tier')), width: 70 },
              { header: t(k('col.to')) },
            ],
            rows: d.escalations.list.map((e) => [date(e.at), e.fault, t(k(`tier.${e.toTier}`)), e.to]),
          }),
        ]
      : []),

    heading(t(k('h.requests'))),
    paragraph(t(k('requestsText'), d.requests)),

    heading(t(k('h.inspections'))),
    paragraph(
      t(k('inspectionsText'), {
        due: d.inspections.due,
        done: d.inspections.done,
        late: d.inspections.late,
        numbers: d.inspections.lateNumbers.join(t(k('listSeparator'))) || '—',
      }),
    ),
    houseTable(t, {
      caption: t(k('anomaliesCaption')),
      number: next(),
      columns: [{ header: t(k('col.anomalyState')) }, { header: t(k('col.count')), width: 60, align: 'right' }],
      rows: [
        ...(['solved-on-site', 'follow-up', 'fault-raised', 'open'] as const).map((s) => [
          t(k(`anomaly.${s}`)),
          d.anomalies.byState[s],
        ]),
        [{ text: t(k('total')), bold: true, style: 'tableCell' }, d.anomalies.found],
      ],
    }),

    heading(t(k('h.satisfaction'))),
    paragraph(
      d.satisfaction.surveys
        ? t(k('satisfactionText'), { n: d.satisfaction.surveys, mean: d.satisfaction.mean })
        : t(k('noSurveys')),
    ),
    ...(d.satisfaction.surveys
      ? [
          barChart({
            categories: ([1, 2, 3, 4, 5] as const).map((s) => t(k('score'), { s })),
            series: [
              { name: t(k('col.count')), values: ([1, 2, 3, 4, 5] as const).map((s) => d.satisfaction.byScore[s]) },
            ],
            width: 320,
            height: 130,
          }),
        ]
      : []),

    heading(t(k('h.training'))),
    paragraph(t(k('trainingText'), { ...d.training, count: d.training.thisMonth })),

    heading(t(k('h.personnel'))),
    d.personnel.length ? bullets(d.personnel.map((p) => `${date(p.date)}  ${p.what}`)) : paragraph(t(k('noPersonnel'))),

    heading(t(k('h.feedback'))),
    ...(d.feedback.length
      ? d.feedback.flatMap((f, i): Content[] => [
          paragraph([
            { text: t(k('meeting'), { n: i + 1, date: date(f.date) }), bold: true },
            `  ${t(k('attendees'), { names: f.attendees.join(t(k('listSeparator'))) })}`,
          ]),
          paragraph(t(k('clientSaid'), { text: f.clientSaid })),
          ...(f.actions.length
            ? [
                houseTable(t, {
                  caption: t(k('actionsCaption'), { date: date(f.date) }),
                  number: next(),
                  columns: [
                    { header: t(k('col.action')) },
                    { header: t(k('col.owner')), width: 60 },
                    { header: t(k('col.due')), width: 62 },
                  ],
                  rows: f.actions.map((a) => [a.what, a.owner, date(a.due)]),
                }),
              ]
            : []),
        ])
      : [paragraph(t(k('noFeedback')))]),

    heading(t(k('h.next'))),
    houseTable(t, {
      caption: t(k('nextCaption')),
      number: next(),
      columns: [
        { header: t(k('col.date')), width: 62 },
        { header: t(k('col.kind')), width: 60 },
        { header: t(k('col.what')) },
      ],
      rows: [
        ...d.next.inspections.map((p) => [date(p.date), t(k('kind.inspection')), p.what]),
        ...d.next.trainings.map((p) => [date(p.date), t(k('kind.training')), p.what]),
      ].sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    }),
  ];
  return houseDocument(t, options, body);
}
