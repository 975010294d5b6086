/**
 * 系统诊断报告与改善建议 — the system diagnosis report with improvement suggestions and a
 * 系统性能优化方案 (performance optimisation plan), drawn from the month's findings and the
 * month-over-month trends of the measured items. Trend charts are small SVG sparklines (vector, no
 * image encoding) next to the values. Pure: `(data, t, options) → document`.
 */
import type { TFunction } from 'i18next';
import type { Content } from 'pdfmake/interfaces';
import { sparkline, type TrendDirection, type TrendPoint } from '@shared/domain/inspection-trend';
import { bullets, heading, houseTable, keyValues, paragraph } from './blocks';
import { actionPlanCell, type ActionPlan } from './action-plan';
import { formatDate } from './format';
import { houseDocument } from './layout';
import type { SystemState } from './inspection-report';
import type { BuildOptions, ReportDocument } from './types';

export type Priority = 'high' | 'medium' | 'low';

export interface DiagnosisMetric {
  item: string;
  /** Printed unit, e.g. `%`, `天`. */
  unit: string;
  /** Printed threshold, e.g. `≤ 80 %`. */
  thresholdText: string;
  /** The threshold value, drawn as a dashed line in the sparkline. */
  threshold: number;
  points: TrendPoint[];
  direction: TrendDirection;
  /** Months until the threshold is crossed at the current pace (0 = already past). */
  monthsToLimit?: number;
  abnormal: boolean;
}

export interface DiagnosisSystem {
  name: string;
  family: string;
  vendorModel: string;
  version: string;
  state: SystemState;
  /** One line per abnormal finding. */
  findings: string[];
  metrics: DiagnosisMetric[];
}

export interface DiagnosisRecommendation {
  system: string;
  text: string;
  priority: Priority;
  /** Owner, target date, change window and rollback (absent: printed as a dash). */
  plan?: ActionPlan;
}

export interface OptimisationStep {
  system: string;
  area: string;
  current: string;
  direction: TrendDirection;
  action: string;
  priority: Priority;
  plan?: ActionPlan;
}

export interface SystemDiagnosisData {
  inspectionNumber: string;
  month: string;
  finishedAt?: string;
  engineers: string[];
  systems: DiagnosisSystem[];
  recommendations: DiagnosisRecommendation[];
  optimisation: OptimisationStep[];
}

const k = (key: string) => `inspections:pdf.${key}`;

/** A sparkline as SVG: the values, their dots, and the threshold as a dashed line when in range. */
export function sparklineSvg(
  points: TrendPoint[],
  threshold: number | undefined,
  abnormal: boolean,
  width = 96,
  height = 26,
): string {
  const s = sparkline(points, width, height, threshold, 3);
  const color = abnormal ? '#a61b1b' : '#1d3a6e';
  const limit =
    s.thresholdY === undefined
      ? ''
      : `<line x1="0" y1="${s.thresholdY}" x2="${width}" y2="${s.thresholdY}" stroke="#c27c0e" stroke-width="0.8" stroke-dasharray="3,2"/>`;
  const line =
    s.dots.length > 1 ? `<polyline points="${s.line}" fill="none" stroke="${color}" stroke-width="1.4"/>` : '';
  const dots = s.dots
    .map((d, i) => `<circle cx="${d.x}" cy="${d.y}" r="${i === s.dots.length - 1 ? 2.2 : 1.4}" fill="${color}"/>`)
    .join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${limit}${line}${dots}</svg>`;
}

function directionText(d: TrendDirection, t: TFunction): string {
  return t(k(`trend.${d}`));
}

/** When the metric leaves its range: past it already, or — for a worsening metric — in about n months. */
function horizon(m: DiagnosisMetric, t: TFunction): string {
  if (m.monthsToLimit === 0) return t(k('diagnosis.pastLimit'));
  if (m.monthsToLimit === undefined || m.direction !== 'worsening') return '—';
  return t(k('diagnosis.monthsLeft'), { n: Math.max(1, Math.round(m.monthsToLimit)) });
}

function metricTable(s: DiagnosisSystem, t: TFunction): Content {
  return houseTable(t, {
    columns: [
      { header: t(k('col.metric')), width: '*' },
      { header: t(k('col.threshold')), width: 52 },
      { header: t(k('col.values')), width: 116 },
      { header: t(k('col.chart')), width: 100 },
      { header: t(k('col.trend')), width: 40, align: 'center' },
      { header: t(k('col.horizon')), width: 54 },
    ],
    rows: s.metrics.map((m) => [
      m.item,
      m.thresholdText,
      m.points.map((p) => `${p.month.slice(2)}: ${p.value}${m.unit === '%' ? '%' : ''}`).join('\n'),
      { svg: sparklineSvg(m.points, m.threshold, m.abnormal), width: 96 } as Content,
      {
        text: directionText(m.direction, t),
        style: 'tableCell',
        alignment: 'center',
        color: m.direction === 'worsening' ? '#a61b1b' : undefined,
      },
      horizon(m, t),
    ]),
  });
}

function systemSection(s: DiagnosisSystem, i: number, t: TFunction): Content[] {
  const out: Content[] = [
    heading(t(k('diagnosis.systemHeading'), { n: i + 1, name: s.name }), 2),
    keyValues([
      [t(k('col.family')), t(`common:families.${s.family}`)],
      [t(k('col.vendorModel')), [s.vendorModel, s.version].filter(Boolean).join(' ')],
      [t(k('col.state')), t(k(`state.${s.state}`))],
    ]),
  ];
  out.push(s.findings.length ? bullets(s.findings) : paragraph(t(k('diagnosis.noFindings'))));
  if (s.metrics.length) out.push(metricTable(s, t));
  return out;
}

const priorityOrder: Record<Priority, number> = { high: 0, medium: 1, low: 2 };

/** Builds the system diagnosis report: `(data, t, options) → document`, pure. */
export function buildSystemDiagnosisReport(
  data: SystemDiagnosisData,
  t: TFunction,
  options: BuildOptions,
): ReportDocument {
  const worsening = data.systems.flatMap((s) => s.metrics).filter((m) => m.direction === 'worsening').length;
  const abnormal = data.systems.reduce((n, s) => n + s.findings.length, 0);
  const recs = [...data.recommendations].sort((a, b) => priorityOrder[a.priority] - priorityOrder[b.priority]);
  const plan = [...data.optimisation].sort((a, b) => priorityOrder[a.priority] - priorityOrder[b.priority]);
  return houseDocument(t, options, [
    heading(t(k('diagnosis.overviewTitle'))),
    paragraph(
      t(k('diagnosis.summary'), {
        number: data.inspectionNumber,
        month: data.month,
        date: data.finishedAt ? formatDate(data.finishedAt, options.timeZone) : '—',
        systems: data.systems.length,
        abnormal,
        worsening,
      }),
    ),
    paragraph(t(k('diagnosis.method'))),
    heading(t(k('diagnosis.systemsTitle'))),
    ...data.systems.flatMap((s, i) => systemSection(s, i, t)),
    heading(t(k('diagnosis.recommendationsTitle'))),
    recs.length
      ? houseTable(t, {
          caption: t(k('diagnosis.recommendationsCaption')),
          number: 1,
          columns: [
            { header: t(k('col.no')), width: 20, align: 'right' },
            { header: t(k('col.system')), width: 80 },
            { header: t(k('col.recommendation')), width: '*' },
            { header: t(k('col.priority')), width: 36, align: 'center' },
            { header: t(k('col.plan')), width: 150 },
          ],
          rows: recs.map((r, i) => [
            i + 1,
            r.system,
            r.text,
            t(k(`priority.${r.priority}`)),
            actionPlanCell(r.plan, t, options.timeZone),
          ]),
        })
      : paragraph(t(k('diagnosis.noRecommendations'))),
    heading(t(k('diagnosis.planTitle'))),
    paragraph(t(k('diagnosis.planIntro'))),
    plan.length
      ? houseTable(t, {
          caption: t(k('diagnosis.planCaption')),
          number: 2,
          columns: [
            { header: t(k('col.no')), width: 20, align: 'right' },
            { header: t(k('col.system')), width: 64 },
            { header: t(k('col.area')), width: 64 },
            { header: t(k('col.current')), width: 52 },
            { header: t(k('col.action')), width: '*' },
            { header: t(k('col.timeframe')), width: 44 },
            { header: t(k('col.plan')), width: 130 },
          ],
          rows: plan.map((p, i) => [
            i + 1,
            p.system,
            p.area,
            `${p.current}\n${directionText(p.direction, t)}`,
            p.action,
            t(k(`timeframe.${p.priority}`)),
            actionPlanCell(p.plan, t, options.timeZone),
          ]),
        })
      : paragraph(t(k('diagnosis.noPlan'))),
  ]);
}
