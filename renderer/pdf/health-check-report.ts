/**
 * 深入健康检查报告 — the deep health check: every item of the extended checklist compared with best
 * practice, a conformity score per system, and recommendations for each gap. Pure.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { heading, houseTable, paragraph } from './blocks';
import { actionPlanCell, type ActionPlan } from './action-plan';
import { formatDate } from './format';
import { houseDocument } from './layout';
import type { SeverityLevel } from './inspection-report';
import type { BuildOptions, ReportDocument } from './types';

export type Conformity = 'conform' | 'gap' | 'na' | 'open';

export interface HealthCheckItem {
  title: string;
  finding: string;
  bestPractice: string;
  conformity: Conformity;
  /** Only checked in the deep health check. */
  deepOnly: boolean;
}

export interface HealthCheckSystem {
  name: string;
  family: string;
  vendorModel: string;
  items: HealthCheckItem[];
}

export interface HealthCheckRecommendation {
  system: string;
  item: string;
  /** Written for this finding: what was found against the best practice, and what to do. */
  text: string;
  severity: SeverityLevel;
  priority?: 'high' | 'medium' | 'low';
  plan?: ActionPlan;
}

export interface HealthCheckData {
  inspectionNumber: string;
  month: string;
  finishedAt?: string;
  engineers: string[];
  systems: HealthCheckSystem[];
  recommendations: HealthCheckRecommendation[];
}

const k = (key: string) => `inspections:pdf.${key}`;

/** Conforming share of the applicable, answered items (not applicable and open items do not count). */
export function conformityRate(items: Pick<HealthCheckItem, 'conformity'>[]): number | undefined {
  const judged = items.filter((i) => i.conformity === 'conform' || i.conformity === 'gap');
  return judged.length
    ? Math.round((judged.filter((i) => i.conformity === 'conform').length / judged.length) * 100)
    : undefined;
}

const conformityColor: Record<Conformity, string | undefined> = {
  conform: '#237804',
  gap: '#a61b1b',
  na: undefined,
  open: '#5b6472',
};
const severityOrder: Record<SeverityLevel, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function scoreTable(data: HealthCheckData, t: TFunction): Content {
  return houseTable(t, {
    caption: t(k('health.scoreCaption')),
    number: 1,
    columns: [
      { header: t(k('col.system')), width: '*' },
      { header: t(k('col.family')), width: 80 },
      { header: t(k('col.checked')), width: 40, align: 'right' },
      { header: t(k('col.gaps')), width: 40, align: 'right' },
      { header: t(k('col.conformity')), width: 56, align: 'right' },
    ],
    rows: data.systems.map((s) => {
      const rate = conformityRate(s.items);
      return [
        s.name,
        t(`common:families.${s.family}`),
        s.items.length,
        s.items.filter((i) => i.conformity === 'gap').length,
        rate === undefined ? '—' : `${rate}%`,
      ];
    }),
  });
}

function systemSection(s: HealthCheckSystem, i: number, t: TFunction): Content[] {
  const rate = conformityRate(s.items);
  return [
    heading(t(k('health.systemHeading'), { n: i + 1, name: s.name }), 2),
    paragraph(t(k('health.systemLine'), { model: s.vendorModel, rate: rate === undefined ? '—' : `${rate}%` })),
    houseTable(t, {
      columns: [
        { header: t(k('col.no')), width: 20, align: 'right' },
        { header: t(k('col.item')), width: 86 },
        { header: t(k('col.finding')), width: 86 },
        { header: t(k('col.bestPractice')), width: '*' },
        { header: t(k('col.conformity')), width: 44, align: 'center' },
      ],
      rows: s.items.map((it, n) => [
        n + 1,
        it.deepOnly ? `${it.title} ${t(k('health.deepMark'))}` : it.title,
        it.finding,
        it.bestPractice,
        {
          text: t(k(`conformity.${it.conformity}`)),
          style: 'tableCell',
          alignment: 'center',
          color: conformityColor[it.conformity],
          bold: it.conformity === 'gap',
        },
      ]),
    }),
  ];
}

/** Builds the deep health check report: `(data, t, options) → document`, pure. */
export function buildHealthCheckReport(data: HealthCheckData, t: TFunction, options: BuildOptions): ReportDocument {
  const all = data.systems.flatMap((s) => s.items);
  const rate = conformityRate(all);
  const recs = [...data.recommendations].sort((a, b) => severityOrder[a.severity] - severityOrder[b.severity]);
  return houseDocument(t, options, [
    heading(t(k('health.overviewTitle'))),
    paragraph(
      t(k('health.summary'), {
        number: data.inspectionNumber,
        date: data.finishedAt ? formatDate(data.finishedAt, options.timeZone) : '—',
        systems: data.systems.length,
        items: all.length,
        gaps: all.filter((i) => i.conformity === 'gap').length,
        rate: rate === undefined ? '—' : `${rate}%`,
      }),
    ),
    paragraph(t(k('health.method'))),
    scoreTable(data, t),
    heading(t(k('health.detailTitle'))),
    ...data.systems.flatMap((s, i) => systemSection(s, i, t)),
    heading(t(k('health.recommendationsTitle'))),
    recs.length
      ? houseTable(t, {
          caption: t(k('health.recommendationsCaption')),
          number: 2,
          columns: [
            { header: t(k('col.no')), width: 20, align: 'right' },
            { header: t(k('col.system')), width: 64 },
            { header: t(k('col.item')), width: 70 },
            { header: t(k('col.recommendation')), width: '*' },
            { header: t(k('col.priority')), width: 36, align: 'center' },
            { header: t(k('col.plan')), width: 140 },
          ],
          rows: recs.map((r, i) => [
            i + 1,
            r.system,
            r.item,
            r.text,
            r.priority ? t(k(`priority.${r.priority}`)) : t(`inspections:severity.${r.severity}`),
            actionPlanCell(r.plan, t, options.timeZone),
          ]),
        })
      : paragraph(t(k('health.noGaps'))),
  ]);
}
