/**
 * A generated month of service records for the monthly service report: `npm run reports:sample`,
 * the reconciliation test (shared/domain/monthly-service.test.ts) and the bench. Deterministic per
 * seed; every value can be (times to restore positive, scores 1–5, nothing done in the future), and
 * every person is the demo team's (周海峰 the project manager, 李喆 and 王堃 the engineers) or the
 * client's contact.
 */
import { monthlyFigures, type MonthlyFault, type MonthlyRecords } from '@shared/domain/monthly-service';
import type { Language } from '../../i18n/resources';
import { reportFingerprint } from '../hash';
import type { MonthlyServiceData } from '../monthly-service-report';
import type { BuildOptions } from '../types';
import { demoMeta, demoSignature, demoWorld } from './sample-demo';
import { seededRandom } from './png';

const families = ['virtualization', 'private-cloud', 'pam', 'security', 'backup-dr', 'other'];
const channels = ['hotline', 'email', 'onsite', 'inspection', 'other'];
const MIN = 60_000;

/** Typical minutes to restore per level (the contract's resolution times are tighter for level 1). */
const restoreMinutes: Record<number, [number, number]> = { 1: [40, 200], 2: [60, 360], 3: [120, 1440], 4: [30, 2880] };

export interface MonthSpec {
  /** `YYYY-MM` */
  month: string;
  faults: number;
  runs: number;
  seed?: number;
  language?: Language;
}

const pad = (n: number) => String(n).padStart(2, '0');
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** A generated month of records, with a few records of the months around it (they must not count). */
export function demoMonthRecords(o: MonthSpec): MonthlyRecords {
  const rnd = seededRandom(o.seed ?? 11);
  const en = o.language === 'en';
  const [y, m] = o.month.split('-').map(Number);
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  const start = Date.UTC(y, m - 1, 1) - 8 * 3_600_000; // 00:00 Shanghai on the 1st
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)];
  const instant = (ms: number) => new Date(ms).toISOString();
  const faults: MonthlyFault[] = [];
  // A fault of the month before restored in this month, and one of this month restored in the next.
  for (let i = 0; i < o.faults + 2; i++) {
    const r = rnd();
    const level = (r < 0.05 ? 1 : r < 0.2 ? 2 : r < 0.7 ? 3 : 4) as MonthlyFault['level'];
    const occurred =
      i === o.faults ? start - 3 * 3_600_000 : start + Math.floor(rnd() * (days * 24 * 60 - 6 * 60)) * MIN;
    const [lo, hi] = restoreMinutes[level];
    const restoreAfter = i === o.faults + 1 ? days * 24 * 60 : lo + Math.floor(rnd() * (hi - lo));
    const restored = rnd() < 0.93 || i >= o.faults ? occurred + restoreAfter * MIN : undefined;
    const track = level <= 2 ? 'onsite' : 'remote';
    const kinds =
      track === 'onsite'
        ? (['response', 'arrival', 'fix', 'report'] as const)
        : (['response', 'resolution', 'report'] as const);
    const clocks: MonthlyFault['clocks'] = kinds.map((kind) => {
      const met = rnd() < (kind === 'report' ? 0.9 : 0.95);
      const ended =
        kind === 'response'
          ? occurred + 10 * MIN
          : (restored ?? occurred) + (kind === 'report' ? 2 * 24 * 60 * MIN : 0);
      const waived = kind === 'report' && level >= 3 && rnd() < 0.5;
      if (!restored && kind !== 'response') return { kind, status: 'running' };
      return { kind, status: waived ? 'waived' : met ? 'met' : 'breached', endedAt: instant(ended) };
    });
    if (pick(channels) === 'email')
      clocks.push({ kind: 'reply', status: rnd() < 0.9 ? 'met' : 'breached', endedAt: instant(occurred + 60 * MIN) });
    const escalations: MonthlyFault['escalations'] = [];
    if (level <= 2 && rnd() < 0.5)
      escalations.push({
        toTier: 2,
        at: instant(occurred + 30 * MIN),
        to: en ? 'Sun Liqun (L2 expert)' : '孙立群（二线专家）',
      });
    if (level <= 3 && rnd() < 0.08)
      escalations.push({
        toTier: 3,
        at: instant(occurred + 90 * MIN),
        to: en ? 'VMware support, case SR-2611-0042' : 'VMware 原厂支持，案例号 SR-2611-0042',
      });
    const closedAt = restored ? restored + 24 * 60 * MIN : undefined;
    faults.push({
      number: `GZ-${o.month.replace('-', '')}-A-${String(i + 1).padStart(3, '0')}`,
      level,
      channel: pick(channels),
      family: pick(families),
      occurredAt: instant(occurred),
      ...(restored ? { restoredAt: instant(restored) } : {}),
      clocks,
      escalations,
      ...(closedAt && rnd() < 0.6
        ? { satisfaction: { score: rnd() < 0.7 ? 5 : rnd() < 0.8 ? 4 : 3, at: instant(closedAt) } }
        : {}),
    });
  }
  const date = (d: number) => `${o.month}-${pad(Math.min(days, Math.max(1, d)))}`;
  const requests = Array.from({ length: Math.round(o.faults / 3) + 1 }, (_, i) => {
    const at = start + Math.floor(rnd() * days * 24 * 60) * MIN;
    return {
      number: `FW-${o.month.replace('-', '')}-A-${String(i + 1).padStart(3, '0')}`,
      receivedAt: instant(at),
      ...(rnd() < 0.85 ? { doneAt: instant(at + 4 * 60 * MIN) } : {}),
    };
  });
  const inspections = Array.from({ length: o.runs }, (_, i) => {
    const due = date(days);
    const late = i % 7 === 3;
    const unfinished = i % 11 === 5;
    return {
      number: `XJRW-${o.month.replace('-', '')}-A-${pad(i + 1)}`,
      month: o.month,
      dueDate: due,
      ...(unfinished
        ? {}
        : {
            finishedAt: instant(
              late ? start + (days + 2) * 24 * 60 * MIN : start + (5 + ((i * 3) % (days - 6))) * 24 * 60 * MIN,
            ),
          }),
    };
  });
  const states = ['solved-on-site', 'follow-up', 'fault-raised', 'open'] as const;
  const anomalies = Array.from({ length: Math.max(1, Math.round(o.runs * 0.6)) }, (_, i) => ({
    inspectionNumber: inspections[i % inspections.length]?.number ?? '',
    system: en ? 'Production virtualisation cluster PROD-VC01' : '生产虚拟化集群 PROD-VC01',
    item: en ? 'Datastore free space' : '数据存储可用空间',
    state: states[i % 4 === 3 ? 3 : Math.floor(rnd() * 3)],
  }));
  const w = demoWorld;
  return {
    month: o.month,
    faults,
    requests,
    inspections,
    anomalies,
    trainings: [
      { title: en ? 'Backup restore drill walkthrough' : '备份恢复演练讲解', date: `${y}-03-18`, attendees: 9 },
      { title: en ? 'Bastion host operations' : '堡垒机日常运维', date: `${y}-06-10`, attendees: 12 },
      { title: en ? 'vSphere 8 health checks' : 'vSphere 8 健康检查', date: `${y}-09-16`, attendees: 8 },
      { title: en ? 'Firewall policy review' : '防火墙策略梳理', date: date(19), attendees: 11 },
    ],
    trainingsPerYear: 4,
    personnel: [
      {
        date: date(22),
        what: en
          ? `${w.engineers[1]} on leave ${date(22)} to ${date(24)}; ${w.engineers[0]} covers on site (notice issued ${addDays(date(22), -30)})`
          : `${w.engineers[1]} 于 ${date(22)} 至 ${date(24)} 休假，由 ${w.engineers[0]} 驻场顶岗（已于 ${addDays(date(22), -30)} 书面通知）`,
      },
    ],
    feedback: [
      {
        date: date(26),
        attendees: [w.pm, w.engineers[0], w.clientSigner],
        clientSaid: en
          ? 'Satisfied with the response to the clearing database fault; asks for the restore drill report before year end and a weekly note on open anomalies.'
          : '对清算数据库故障的响应表示满意；希望年底前提交恢复演练报告，并每周通报未关闭的异常。',
        actions: [
          {
            what: en ? 'Send the restore drill report of the clearing database' : '提交清算数据库恢复演练报告',
            owner: w.engineers[1],
            due: `${y}-12-18`,
          },
          {
            what: en ? 'Weekly note of open anomalies to the client every Friday' : '每周五向客户通报未关闭异常',
            owner: w.pm,
            due: `${y}-12-05`,
          },
        ],
      },
    ],
    nextInspections: [
      {
        date: `${y}-12-08`,
        what: en ? 'Monthly inspection: virtualisation, private cloud, bastion' : '月度巡检：虚拟化、私有云、堡垒机',
      },
      { date: `${y}-12-15`, what: en ? 'Monthly inspection: firewall, backup and DR' : '月度巡检：防火墙、备份与容灾' },
    ],
    nextTrainings: [
      { date: `${y}-12-17`, what: en ? 'Year-end knowledge handover: FAQ manual' : '年终知识交接：常见问题手册' },
    ],
  };
}

/** The month the sample report covers, and when it is "now" for its figures. */
export const demoMonth = '2026-11';
const demoNow = new Date('2026-12-03T02:00:00Z');

/** Figures of a generated month (the bench and the sample report). */
export function demoMonthFigures(o: MonthSpec): MonthlyServiceData {
  return monthlyFigures(demoMonthRecords(o), demoNow);
}

export async function monthlyServiceDemo(
  language: Language,
): Promise<{ data: MonthlyServiceData; options: BuildOptions }> {
  const data = demoMonthFigures({ month: demoMonth, faults: 46, runs: 5, language });
  const signature = await demoSignature();
  const w = demoWorld;
  const meta = demoMeta(language, {
    type: 'monthly-service',
    number: 'YB-202611-A-001',
    period: { from: '2026-11-01', to: '2026-11-30' },
    issuedAt: '2026-12-03T10:00:00+08:00',
    // The project manager hands it over; the client's contact signs it.
    issuedBy: w.pm,
    signers: [
      { role: 'projectManager', name: w.pm, signedAt: '2026-12-03', signature },
      { role: 'clientEngineer', name: w.clientSigner },
    ],
  });
  return { data, options: { meta, dataHash: reportFingerprint(data, meta), timeZone: 'Asia/Shanghai' } };
}
