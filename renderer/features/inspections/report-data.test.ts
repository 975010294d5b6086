import { describe, expect, it } from 'vitest';
import { createI18n } from '../../i18n';
import { demoInspectionContext } from './report-demo';
import { diagnosisReportData, healthCheckData, inspectionReportData } from './report-data';

/** system name → item title → the measured value as each report prints it. */
type Printed = Map<string, Map<string, string>>;
const put = (m: Printed, system: string, item: string, value: string) => {
  if (!m.has(system)) m.set(system, new Map());
  m.get(system)!.set(item, value);
};

describe('one run, three reports, the same measured values', () => {
  it.each(['zh-CN', 'en'] as const)('%s: inspection report, system diagnosis and health check agree', async (lng) => {
    const t = (await createI18n(lng)).t;
    const ctx = await demoInspectionContext(lng, 0);
    // A second source for the run's own month that disagrees (an older run of the same month): the
    // reports must still print what this run measured.
    const trends = new Map(
      [...ctx.trends].map(([s, items]) => [
        s,
        new Map([...items].map(([item, pts]) => [item, pts.map((p) => ({ ...p, value: p.value + 1 }))])),
      ]),
    );
    const run = { ...ctx, trends };
    const inspection = inspectionReportData(run, lng, t);
    const diagnosis = diagnosisReportData(run, lng, t);
    const health = healthCheckData(run, lng, t);

    const fromInspection: Printed = new Map();
    const fromHealth: Printed = new Map();
    const fromDiagnosis: Printed = new Map();
    for (const s of inspection.systems) for (const it of s.items) put(fromInspection, s.name, it.title, it.finding);
    for (const s of health.systems)
      for (const it of s.items) put(fromHealth, s.name, it.title, it.finding.split('\n')[0]);
    for (const s of diagnosis.systems)
      for (const m of s.metrics) {
        const last = m.points[m.points.length - 1];
        expect(last.month).toBe(ctx.inspection.month);
        put(fromDiagnosis, s.name, m.item, String(last.value));
      }

    expect(fromHealth).toEqual(fromInspection);
    let compared = 0;
    for (const [system, items] of fromDiagnosis)
      for (const [item, value] of items) {
        // Printed as `<value> <unit>`: the number before the unit is the diagnosis's current point.
        expect(value, `${system} · ${item}`).toBe(fromInspection.get(system)?.get(item)?.split(' ')[0]);
        compared++;
      }
    // Every numeric item of the run is in the diagnosis (the demo answers all of them).
    const numeric = ctx.answers.filter((a) => a.value !== undefined).length;
    expect(compared).toBe(numeric);
    expect(compared).toBeGreaterThan(20);
  });
});

describe('recommendations someone can act on', () => {
  it.each(['zh-CN', 'en'] as const)(
    '%s: every suggestion, optimisation step and health-check gap has an owner of the team, a date after the run, a window and a rollback',
    async (lng) => {
      const t = (await createI18n(lng)).t;
      const ctx = await demoInspectionContext(lng, 0);
      const diagnosis = diagnosisReportData(ctx, lng, t, [
        { system: ctx.inspection.systems[1].name, text: 'x', priority: 'low' },
      ]);
      const health = healthCheckData(ctx, lng, t);
      const team = new Set(ctx.people.values());
      const finished = ctx.inspection.finishedAt!.slice(0, 10);
      const plans = [...diagnosis.recommendations, ...diagnosis.optimisation, ...health.recommendations].map(
        (r) => r.plan,
      );
      expect(plans.length).toBeGreaterThan(5);
      for (const p of plans) {
        expect(p).toBeDefined();
        expect(team.has(p!.owner), p!.owner).toBe(true);
        expect(p!.targetDate > finished).toBe(true);
        expect(p!.changeWindow.trim()).not.toBe('');
        expect(p!.rollback.trim()).not.toBe('');
      }
      // The follow-up the PM agreed wins: the restore drill is 王堃's, due 2026-12-11.
      const drill = diagnosis.recommendations.find((r) => r.plan?.targetDate === '2026-12-11');
      expect(drill?.plan?.owner).toBe('王堃');
      // Health-check recommendations are not the countermeasures copied.
      const countermeasures = new Set(ctx.answers.map((a) => a.countermeasure).filter(Boolean));
      for (const r of health.recommendations) expect(countermeasures.has(r.text)).toBe(false);
    },
  );
});
