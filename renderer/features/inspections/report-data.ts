/**
 * Turns an inspection (plan, answers, evidence, trends) into the plain, language-resolved data of its
 * three reports. Pure: the app feeds it from the database (report-context.ts), the demos and the
 * bench from memory, so every report is built by the same code.
 */
import type { TFunction } from 'i18next';
import type {
  ChecklistItem,
  Inspection,
  InspectionAnswer,
  InspectionSystem,
  Severity,
} from '@shared/schemas/inspection';
import type { HealthCheckData, HealthCheckRecommendation } from '../../pdf/health-check-report';
import type {
  InspectionReportAnomaly,
  InspectionReportData,
  InspectionReportSystem,
  ItemOutcome,
  SystemState,
} from '../../pdf/inspection-report';
import type {
  DiagnosisMetric,
  DiagnosisRecommendation,
  OptimisationStep,
  Priority,
  SystemDiagnosisData,
} from '../../pdf/system-diagnosis-report';
import type { Language } from '../../i18n/resources';
import { formatDateTime } from '../../pdf/format';
import { answerKey, itemsForMode, pick, resultFor, thresholdText } from '@shared/domain/inspection-judge';
import { monthsToThreshold, trendDirection } from '@shared/domain/inspection-trend';
import type { Trends } from './trends.repo';
import type { ActionPlan } from '../../pdf/action-plan';
import { shanghaiDay } from './deadlines';

export interface ReportContext {
  inspection: Inspection;
  answers: InspectionAnswer[];
  /** Evidence images (data URLs) by answer id, in capture order. */
  evidence: { answerId: string; name: string; image: string }[];
  /** Team member id → name. */
  people: Map<string, string>;
  client: string;
  trends: Trends;
  /** The answer id of (system, item): the repository's `answerId`. */
  answerIdOf: (systemId: string, itemId: string) => string;
}

const ns = 'inspections';

/** `天`, `个`, `%`: a unit code of a template in the report's language (unknown codes print as written). */
export function unitLabel(unit: string, t: TFunction): string {
  return t(`${ns}:units.${unit}`, { defaultValue: unit });
}

/** The value of a number with its unit: `92 %`, `15 天`. */
export function valueWithUnit(value: number, unit: string, t: TFunction): string {
  const u = unitLabel(unit, t);
  return u ? `${value} ${u}` : String(value);
}

/** What was found, as printed: the measured value, the chosen option or status, the text. */
export function findingText(item: ChecklistItem, a: InspectionAnswer | undefined, lng: Language, t: TFunction): string {
  if (!a) return t(`${ns}:pdf.outcome.open`);
  if (a.result === 'na') return t(`${ns}:result.na`);
  const spec = item.answer;
  if (spec.type === 'number') {
    const value = measuredValue(item, a);
    return value === undefined ? t(`${ns}:pdf.outcome.open`) : valueWithUnit(value, spec.unit, t);
  }
  if (spec.type === 'choice') {
    const o = spec.options.find((x) => x.value === a.choice);
    return o ? pick(o.label, lng) : t(`${ns}:pdf.outcome.open`);
  }
  if (spec.type === 'text') return a.text ?? '';
  return a.result ? t(`${ns}:result.${a.result}`) : t(`${ns}:pdf.outcome.open`);
}

/**
 * The number the run measured for a numeric item (undefined: not measured, or not applicable). The
 * one place the three reports of a run read a measured value from.
 */
export function measuredValue(item: ChecklistItem, a: InspectionAnswer | undefined): number | undefined {
  if (item.answer.type !== 'number' || !a || a.result === 'na') return undefined;
  return a.value;
}

function outcome(item: ChecklistItem, a: InspectionAnswer | undefined): ItemOutcome {
  return (a && resultFor(item, a)) ?? 'open';
}

interface Row {
  system: InspectionSystem;
  item: ChecklistItem;
  answer: InspectionAnswer | undefined;
  outcome: ItemOutcome;
}

/** Every (system, item) of the run with its answer, in plan and checklist order. */
function rows(ctx: ReportContext): Row[][] {
  const byKey = new Map(ctx.answers.map((a) => [answerKey(a.systemId, a.itemId), a]));
  return ctx.inspection.systems
    .map((system) => {
      const template = ctx.inspection.templates[system.templateRef];
      return itemsForMode(template ?? { items: [] }, ctx.inspection.mode).map((item) => {
        const answer = byKey.get(answerKey(system.systemId, item.id));
        return { system, item, answer, outcome: outcome(item, answer) };
      });
    })
    .filter((list) => list.length > 0);
}

const serious = (s: Severity) => s === 'high' || s === 'critical';

function stateOf(list: Row[]): SystemState {
  const abnormal = list.filter((r) => r.outcome === 'abnormal');
  if (abnormal.some((r) => serious(r.item.severity) && !r.answer?.solved)) return 'abnormal';
  return abnormal.length ? 'attention' : 'normal';
}

/** Who approved the on-site fix and when, in the reports' one date-time format (renderer/pdf/format.ts). */
function approvalOf(ctx: ReportContext, systemId: string, itemId: string): string | undefined {
  const e = [...ctx.inspection.events]
    .reverse()
    .find((x) => x.type === 'approval' && x.systemId === systemId && x.itemId === itemId);
  return e && e.type === 'approval' ? `${e.approverName} ${formatDateTime(e.approvedAt)}` : undefined;
}

const engineersOf = (ctx: ReportContext) => [
  ...new Set(ctx.inspection.systems.map((s) => ctx.people.get(s.engineerId) ?? s.engineerId)),
];

/** Days from the run's finish to the target date of a recommendation, by priority. */
const daysFor: Record<Priority, number> = { high: 14, medium: 30, low: 90 };

function addDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Who acts on a recommendation about `system` and by when: the follow-up's owner and due date the
 * project manager agreed, else the system's engineer and a date by priority; the change window the
 * priority needs; how the change is rolled back on this kind of system.
 */
function planFor(
  ctx: ReportContext,
  system: InspectionSystem,
  priority: Priority,
  t: TFunction,
  a?: InspectionAnswer,
): ActionPlan {
  const i = ctx.inspection;
  const from = shanghaiDay(i.finishedAt ?? i.updatedAt);
  const ownerId = a?.followUp?.ownerId ?? system.engineerId;
  return {
    owner: ctx.people.get(ownerId) ?? ownerId,
    targetDate: a?.followUp?.dueDate ?? addDays(from, daysFor[priority]),
    changeWindow: t(`${ns}:pdf.plan.windows.${priority === 'high' ? 'next' : 'monthly'}`),
    rollback: t(`${ns}:pdf.plan.rollbacks.${system.family}`, { defaultValue: t(`${ns}:pdf.plan.rollbacks.other`) }),
  };
}

/** Data of the 巡检报告. */
export function inspectionReportData(
  ctx: ReportContext,
  lng: Language,
  t: TFunction,
  conclusion?: string,
): InspectionReportData {
  const i = ctx.inspection;
  const all = rows(ctx);
  const systems: InspectionReportSystem[] = all.map((list) => {
    const s = list[0].system;
    return {
      name: s.name,
      family: s.family,
      vendorModel: [s.vendor, s.model].filter(Boolean).join(' '),
      version: s.version,
      location: s.location,
      engineer: ctx.people.get(s.engineerId) ?? s.engineerId,
      state: stateOf(list),
      counts: {
        total: list.length,
        normal: list.filter((r) => r.outcome === 'normal').length,
        abnormal: list.filter((r) => r.outcome === 'abnormal').length,
        na: list.filter((r) => r.outcome === 'na').length,
      },
      items: list.map((r) => ({
        title: pick(r.item.title, lng),
        method: pick(r.item.method, lng),
        expected: pick(r.item.expected, lng),
        finding: findingText(r.item, r.answer, lng, t),
        outcome: r.outcome,
        ...(r.answer?.note ? { note: r.answer.note } : {}),
      })),
    };
  });
  const abnormal = all.flat().filter((r) => r.outcome === 'abnormal');
  const anomalies: InspectionReportAnomaly[] = abnormal.map((r) => {
    const approval = approvalOf(ctx, r.system.systemId, r.item.id);
    return {
      system: r.system.name,
      item: pick(r.item.title, lng),
      finding: findingText(r.item, r.answer, lng, t),
      severity: r.item.severity,
      note: r.answer?.note ?? '',
      countermeasure: r.answer?.countermeasure ?? '',
      solved: !!r.answer?.solved,
      ...(r.answer?.faultNumber ? { faultNumber: r.answer.faultNumber } : {}),
      ...(r.answer?.followUp ? { followUp: r.answer.followUp.text } : {}),
      ...(approval ? { approval } : {}),
    };
  });
  const solved = abnormal
    .filter((r) => r.answer?.solved)
    .map((r) => ({ system: r.system.name, item: pick(r.item.title, lng), what: r.answer?.countermeasure ?? '' }));
  const captionOf = new Map(
    all
      .flat()
      .map((r) => [ctx.answerIdOf(r.system.systemId, r.item.id), `${r.system.name} · ${pick(r.item.title, lng)}`]),
  );
  const evidence = ctx.evidence
    .filter((e) => captionOf.has(e.answerId))
    .map((e) => ({
      image: e.image,
      caption: t(`${ns}:pdf.evidenceCaption`, { what: captionOf.get(e.answerId), file: e.name }),
    }));
  return {
    inspectionNumber: i.number,
    month: i.month,
    mode: i.mode,
    ...(i.startedAt ? { startedAt: i.startedAt } : {}),
    ...(i.finishedAt ? { finishedAt: i.finishedAt } : {}),
    engineers: engineersOf(ctx),
    client: ctx.client,
    systems,
    anomalies,
    solved,
    evidence,
    ...(conclusion?.trim() ? { conclusion: conclusion.trim() } : {}),
  };
}

const priorityOf = (s: Severity): Priority => (serious(s) ? 'high' : s === 'medium' ? 'medium' : 'low');

/** The automatic suggestions: one per anomaly, one per metric heading for its threshold within six months. */
export function diagnosisReportData(
  ctx: ReportContext,
  lng: Language,
  t: TFunction,
  extra: DiagnosisRecommendation[] = [],
): SystemDiagnosisData {
  const i = ctx.inspection;
  const recommendations: DiagnosisRecommendation[] = [];
  const optimisation: OptimisationStep[] = [];
  const systems = rows(ctx).map((list) => {
    const s = list[0].system;
    const findings = list
      .filter((r) => r.outcome === 'abnormal')
      .map((r) =>
        t(`${ns}:pdf.findingLine`, {
          item: pick(r.item.title, lng),
          finding: findingText(r.item, r.answer, lng, t),
          note: r.answer?.note ?? '',
        }),
      );
    const metrics: DiagnosisMetric[] = [];
    for (const r of list) {
      const spec = r.item.answer;
      if (spec.type !== 'number') continue;
      // The run's own value is the current point, exactly as the inspection report and the health
      // check print it (measuredValue); the trends give only the months before the run's.
      const own = measuredValue(r.item, r.answer);
      if (own === undefined) continue;
      const earlier = (ctx.trends.get(s.systemId)?.get(r.item.id) ?? []).filter((p) => p.month < i.month);
      const points = [...earlier, { month: i.month, value: own }];
      const direction = trendDirection(points, spec);
      const monthsToLimit = monthsToThreshold(points, spec);
      const abnormal = r.outcome === 'abnormal';
      const unit = unitLabel(spec.unit, t);
      metrics.push({
        item: pick(r.item.title, lng),
        unit: spec.unit === '%' ? '%' : unit,
        thresholdText: thresholdText(spec, unit),
        threshold: spec.threshold,
        points,
        direction,
        ...(monthsToLimit !== undefined ? { monthsToLimit } : {}),
        abnormal,
      });
      const last = points[points.length - 1].value;
      const title = pick(r.item.title, lng);
      if (abnormal) {
        const priority: Priority = priorityOf(r.item.severity) === 'high' ? 'high' : 'medium';
        optimisation.push({
          system: s.name,
          area: title,
          current: valueWithUnit(last, spec.unit, t),
          direction,
          action: r.answer?.countermeasure || pick(r.item.bestPractice, lng),
          priority,
          plan: planFor(ctx, s, priority, t, r.answer),
        });
      } else if (direction === 'worsening' && monthsToLimit !== undefined && monthsToLimit <= 12) {
        const priority: Priority = monthsToLimit <= 3 ? 'high' : monthsToLimit <= 6 ? 'medium' : 'low';
        optimisation.push({
          system: s.name,
          area: title,
          current: valueWithUnit(last, spec.unit, t),
          direction,
          action: pick(r.item.bestPractice, lng),
          priority,
          plan: planFor(ctx, s, priority, t, r.answer),
        });
        if (monthsToLimit <= 6) {
          recommendations.push({
            system: s.name,
            priority,
            plan: planFor(ctx, s, priority, t, r.answer),
            text: t(`${ns}:pdf.trendWarning`, {
              item: title,
              months: Math.max(1, Math.round(monthsToLimit)),
              threshold: thresholdText(spec, unit),
              practice: pick(r.item.bestPractice, lng),
            }),
          });
        }
      }
    }
    for (const r of list.filter((x) => x.outcome === 'abnormal')) {
      recommendations.push({
        system: s.name,
        priority: priorityOf(r.item.severity),
        plan: planFor(ctx, s, priorityOf(r.item.severity), t, r.answer),
        text: t(`${ns}:pdf.anomalyAdvice`, {
          item: pick(r.item.title, lng),
          action: r.answer?.countermeasure || pick(r.item.bestPractice, lng),
        }),
      });
    }
    return {
      name: s.name,
      family: s.family,
      vendorModel: [s.vendor, s.model].filter(Boolean).join(' '),
      version: s.version,
      state: stateOf(list),
      findings,
      metrics,
    };
  });
  return {
    inspectionNumber: i.number,
    month: i.month,
    ...(i.finishedAt ? { finishedAt: i.finishedAt } : {}),
    engineers: engineersOf(ctx),
    systems,
    // Suggestions added by hand get the run's first system's engineer unless they name a plan.
    recommendations: [
      ...recommendations,
      ...extra
        .filter((e) => e.text.trim())
        .map((e) => {
          const system = i.systems.find((x) => x.name === e.system) ?? i.systems[0];
          return e.plan || !system ? e : { ...e, plan: planFor(ctx, system, e.priority, t) };
        }),
    ],
    optimisation,
  };
}

/** Data of the 深入健康检查报告: every item against its best practice. */
export function healthCheckData(ctx: ReportContext, lng: Language, t: TFunction): HealthCheckData {
  const i = ctx.inspection;
  const recommendations: HealthCheckRecommendation[] = [];
  const systems = rows(ctx).map((list) => {
    const s = list[0].system;
    const items = list.map((r) => {
      const conformity = r.outcome === 'normal' ? 'conform' : r.outcome === 'abnormal' ? 'gap' : r.outcome;
      const finding = findingText(r.item, r.answer, lng, t);
      if (conformity === 'gap') {
        // Written for this finding: what was found, against which practice; not the countermeasure
        // already printed in the inspection report.
        const priority = priorityOf(r.item.severity);
        recommendations.push({
          system: s.name,
          item: pick(r.item.title, lng),
          text: t(`${ns}:pdf.healthAdvice`, {
            finding: (r.answer?.note?.trim() || finding).replace(/[。．.;；\s]+$/u, ''),
            practice: pick(r.item.bestPractice, lng),
          }),
          severity: r.item.severity,
          priority,
          plan: planFor(ctx, s, priority, t, r.answer),
        });
      }
      return {
        title: pick(r.item.title, lng),
        finding: r.answer?.note ? `${finding}\n${r.answer.note}` : finding,
        bestPractice: pick(r.item.bestPractice, lng),
        conformity,
        deepOnly: r.item.deepOnly,
      } as const;
    });
    return {
      name: s.name,
      family: s.family,
      vendorModel: [s.vendor, s.model, s.version].filter(Boolean).join(' '),
      items,
    };
  });
  return {
    inspectionNumber: i.number,
    month: i.month,
    ...(i.finishedAt ? { finishedAt: i.finishedAt } : {}),
    engineers: engineersOf(ctx),
    systems,
    recommendations,
  };
}
