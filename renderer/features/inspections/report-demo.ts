/**
 * Demo data for the three inspection reports: the October inspection of a securities firm's
 * virtualisation, private cloud, bastion, security and backup systems, with three anomalies, four
 * months of history for the trends, and mock console screenshots. Built with the app's own
 * report-data code from an in-memory scenario. Used by `npm run reports:sample`, tests and the bench.
 */
import type { i18n as I18n } from 'i18next';
import type { Inspection, InspectionAnswer } from '@shared/schemas/inspection';
import { plantedAnomalies, scenarioAnswers, scenarioPlan, type ScenarioSystem } from './demo-scenario';
import { answerId } from './ids';
import { diagnosisReportData, healthCheckData, inspectionReportData, type ReportContext } from './report-data';
import { addMonths, collectTrends } from '@shared/domain/inspection-trend';
import { createI18n } from '../../i18n';
import type { Language } from '../../i18n/resources';
import type { HealthCheckData } from '../../pdf/health-check-report';
import type { InspectionReportData } from '../../pdf/inspection-report';
import type { SystemDiagnosisData } from '../../pdf/system-diagnosis-report';
import { reportFingerprint } from '../../pdf/hash';
import type { BuildOptions, ReportMeta, ReportType } from '../../pdf/types';
import { demoMeta, demoSignature } from '../../pdf/demo/sample-demo';
import { encodePng, Raster, seededRandom, toDataUrl } from '../../pdf/demo/png';

export const demoSystems: ScenarioSystem[] = [
  {
    id: 'sys-vc01',
    name: '生产虚拟化集群 PROD-VC01',
    family: 'virtualization',
    vendor: 'VMware',
    model: 'vSphere Enterprise Plus',
    version: '8.0 U3',
    location: '张江数据中心 A 机房',
  },
  {
    id: 'sys-hci',
    name: '办公私有云平台',
    family: 'private-cloud',
    vendor: 'SmartX',
    model: 'SMTX OS',
    version: '6.1',
    location: '外高桥灾备中心',
  },
  {
    id: 'sys-pam',
    name: '运维堡垒机（主）',
    family: 'pam',
    vendor: '齐治科技',
    model: 'ShtermPAM 5000',
    version: '7.3',
    location: '张江数据中心 A 机房',
  },
  {
    id: 'sys-fw',
    name: '互联网边界防火墙',
    family: 'security',
    vendor: '深信服',
    model: 'AF-2000-FH2130B',
    version: '8.0.85',
    location: '张江数据中心 DMZ',
  },
  {
    id: 'sys-bak',
    name: '集中备份系统',
    family: 'backup-dr',
    vendor: '爱数',
    model: 'AnyBackup 7 一体机',
    version: '7.0.16',
    location: '张江数据中心 A 机房',
  },
];

const people = new Map([
  ['e1', '李喆'],
  ['e2', '王堃'],
  ['pm', '周海峰'],
]);
const month = '2026-10';
const h = (day: number, minutes: number) => new Date(Date.UTC(2026, 9, day, 1, minutes)).toISOString(); // 09:mm Shanghai

/**
 * A mock management-console screenshot: title bar, a table and a usage bar, different per `seed`.
 * `grain` adds pixel noise like a real capture (anti-aliased text, gradients), so the PNG is about
 * as large as one (a few hundred KB at 1280×720) instead of a few KB.
 */
export async function demoScreenshot(seed: number, width = 960, height = 540, grain = false): Promise<string> {
  const rnd = seededRandom(seed);
  const r = new Raster(width, height, [244, 246, 249]);
  if (grain)
    r.paint((x, y) => {
      const v = 236 + Math.floor(rnd() * 16) - ((x + y) % 7);
      return [v, v + 2, v + 4];
    });
  r.fillRect(0, 0, width, 44, [29, 58, 110]);
  r.fillRect(0, 44, 180, height - 44, [226, 231, 238]);
  for (let row = 0; row < 10; row++) {
    const y = 70 + row * 40;
    r.fillRect(200, y, width - 230, 30, row % 2 ? [255, 255, 255] : [236, 240, 245]);
    const used = 0.3 + 0.6 * rnd();
    r.fillRect(width - 260, y + 10, Math.round(200 * used), 10, used > 0.8 ? [200, 60, 50] : [60, 150, 90]);
  }
  return toDataUrl(await encodePng(r));
}

/** The one deep-only item of the demo that falls short. */
function hardeningGap(a: InspectionAnswer, language: Language): InspectionAnswer {
  return {
    ...a,
    result: 'abnormal',
    note:
      language === 'en'
        ? 'SSH stays enabled on 3 of 6 hosts; lockdown mode is off.'
        : '6 台主机中 3 台 SSH 服务常开，未启用锁定模式。',
    countermeasure:
      language === 'en'
        ? 'Turn SSH off outside maintenance windows and enable normal lockdown mode in the next change window.'
        : '在下一个变更窗口关闭常开的 SSH 服务并启用正常锁定模式，维护时临时开启。',
  };
}

function historyContext(language: Language): { ctx: Omit<ReportContext, 'evidence'>; inspection: Inspection } {
  const plan = (m: string) =>
    scenarioPlan({
      id: `insp-${m}`,
      number: `XJRW-${m.replace('-', '')}-A-01`,
      month: m,
      systems: demoSystems,
      engineers: ['e1', 'e2'],
      plannedAt: h(1, 0),
      by: 'e1',
    });
  const months = [-3, -2, -1, 0].map((d) => addMonths(month, d));
  const all: { inspection: Inspection; answers: InspectionAnswer[] }[] = months.map((m, idx) => {
    // October's run is the deep health check: its inspection report, system diagnosis and health
    // check are all built from this one run, so they print the same measured values.
    const i = m === month ? { ...plan(m), mode: 'deep' as const } : plan(m);
    const answers = scenarioAnswers(i, { monthIndex: idx, anomalies: m === month, lng: language, at: (n) => h(20, n) });
    return {
      inspection: { ...i, status: 'finished', startedAt: h(20, 0), finishedAt: h(21, 480) },
      answers:
        m === month ? answers.map((a) => (a.itemId === 'security-hardening' ? hardeningGap(a, language) : a)) : answers,
    };
  });
  const current = all[all.length - 1];
  const vc = current.inspection.systems.find((s) => s.family === 'virtualization')!;
  const bak = current.inspection.systems.find((s) => s.family === 'backup-dr')!;
  current.inspection.events.push(
    {
      type: 'approval',
      at: h(20, 70),
      by: 'e1',
      approverId: 'pm',
      approverName: '周海峰',
      approvedAt: h(20, 65),
      systemId: vc.systemId,
      itemId: 'datastore-free',
      decision: 'action',
    },
    {
      type: 'approval',
      at: h(21, 30),
      by: 'e2',
      approverId: 'pm',
      approverName: '周海峰',
      approvedAt: h(21, 25),
      systemId: bak.systemId,
      itemId: 'restore-drill',
      decision: 'action',
    },
  );
  const drill = current.answers.find((a) => a.systemId === bak.systemId && a.itemId === 'restore-drill')!;
  drill.followUp = {
    text: plantedAnomalies.find((p) => p.itemId === 'restore-drill')!.followUp[language],
    ownerId: 'e2',
    dueDate: '2026-12-11',
  };
  const trends = collectTrends(
    all.map((x) => ({ month: x.inspection.month, order: x.inspection.finishedAt!, values: x.answers })),
  );
  return {
    inspection: current.inspection,
    ctx: {
      inspection: current.inspection,
      answers: current.answers,
      people,
      client: '申江证券股份有限公司',
      trends,
      answerIdOf: (s, i) => answerId(current.inspection.id, s, i),
    },
  };
}

/** The report context of the demo inspection, with `screenshots` evidence images (`grain`: capture-sized PNGs). */
export async function demoInspectionContext(
  language: Language,
  screenshots = 4,
  grain = false,
): Promise<ReportContext> {
  const { ctx, inspection } = historyContext(language);
  // Evidence on the planted anomalies first, then on evidence-required items.
  const targets = inspection.systems.flatMap((s) =>
    inspection.templates[s.templateRef].items
      .filter((it) => !it.deepOnly && (it.evidenceRequired || plantedAnomalies.some((p) => p.itemId === it.id)))
      .map((it) => answerId(inspection.id, s.systemId, it.id)),
  );
  const evidence = [];
  for (let n = 0; n < screenshots; n++)
    evidence.push({
      answerId: targets[n % targets.length],
      name: `screenshot-${String(n + 1).padStart(2, '0')}.png`,
      image: grain ? await demoScreenshot(100 + n, 1280, 720, true) : await demoScreenshot(100 + n),
    });
  return { ...ctx, evidence };
}

async function options<T>(
  language: Language,
  type: ReportType,
  number: string,
  data: T,
  title?: string,
): Promise<BuildOptions> {
  const base = demoMeta(language, {
    type,
    number,
    period: { from: '2026-10-20', to: '2026-10-21' },
    issuedAt: '2026-10-22T10:00:00+08:00',
    title,
  });
  const signature = await demoSignature();
  const meta: ReportMeta = {
    ...base,
    issuedBy: '李喆',
    signers: [
      { role: 'engineer', name: '李喆', signedAt: '2026-10-22', signature },
      { role: 'projectManager', name: '周海峰' },
      { role: 'clientEngineer', name: '陈镕' },
    ],
  };
  return { meta, dataHash: reportFingerprint(data, meta), timeZone: 'Asia/Shanghai' };
}

const i18nFor = (language: Language): Promise<I18n> => createI18n(language);

export async function inspectionDemo(
  language: Language,
  screenshots = 4,
): Promise<{ data: InspectionReportData; options: BuildOptions }> {
  const t = (await i18nFor(language)).t;
  const data = inspectionReportData(await demoInspectionContext(language, screenshots), language, t);
  return { data, options: await options(language, 'inspection', 'XJ-202610-A-01', data) };
}

export async function systemDiagnosisDemo(
  language: Language,
): Promise<{ data: SystemDiagnosisData; options: BuildOptions }> {
  const t = (await i18nFor(language)).t;
  const data = diagnosisReportData(await demoInspectionContext(language, 0), language, t);
  return {
    data,
    options: await options(
      language,
      'system-diagnosis',
      'ZD-202610-A-01',
      data,
      t('inspections:reports.titles.system-diagnosis'),
    ),
  };
}

export async function healthCheckDemo(language: Language): Promise<{ data: HealthCheckData; options: BuildOptions }> {
  const t = (await i18nFor(language)).t;
  const data = healthCheckData(await demoInspectionContext(language, 0), language, t);
  return {
    data,
    options: await options(
      language,
      'health-check',
      'JC-202610-A-01',
      data,
      t('inspections:reports.titles.health-check'),
    ),
  };
}
