/**
 * A deterministic inspection scenario for the demo site, the report demos (`npm run reports:sample`)
 * and the bench: plans built from the built-in checklists, plausible measured values with slow
 * drifts (so trends show), and a few anomalies written as the engineers would write them.
 */
import type { ClientSystem } from '@shared/schemas/core';
import type { Inspection, InspectionAnswer, InspectionMode, NumberSpec } from '@shared/schemas/inspection';
import type { Language } from '../../i18n/resources';
import { builtInFor, snapshotOf } from './checklists';
import { monthEnd } from './deadlines';
import { answerId } from './ids';
import { itemsForMode } from '@shared/domain/inspection-judge';
import { seededRandom as random } from '@shared/util/random';

export type ScenarioSystem = Pick<ClientSystem, 'id' | 'name' | 'family' | 'vendor' | 'model' | 'version' | 'location'>;

/** An in-memory plan of `systems` (those with a built-in checklist), split between two engineers by position. */
export function scenarioPlan(o: {
  id: string;
  number: string;
  month: string;
  mode?: InspectionMode;
  systems: ScenarioSystem[];
  engineers: [string, string];
  plannedAt: string;
  by: string;
}): Inspection {
  const systems = o.systems.filter((s) => builtInFor(s.family));
  const templates: Inspection['templates'] = {};
  for (const s of systems) {
    const t = builtInFor(s.family)!;
    templates[`${t.templateKey}@${t.version}`] ??= snapshotOf(t);
  }
  return {
    id: o.id,
    createdAt: o.plannedAt,
    updatedAt: o.plannedAt,
    updatedBy: o.by,
    number: o.number,
    month: o.month,
    mode: o.mode ?? 'routine',
    status: 'planned',
    dueDate: monthEnd(o.month),
    systems: systems.map((s, i) => {
      const t = builtInFor(s.family)!;
      return {
        systemId: s.id,
        name: s.name,
        family: s.family,
        vendor: s.vendor,
        model: s.model,
        version: s.version,
        location: s.location,
        engineerId: o.engineers[i % 2],
        templateRef: `${t.templateKey}@${t.version}`,
      };
    }),
    templates,
    events: [{ type: 'planned', at: o.plannedAt, by: o.by }],
  };
}

/** An anomaly the scenario plants: family + item, the value or status, and the engineer's words. */
interface Planted {
  family: string;
  itemId: string;
  value?: number;
  choice?: string;
  note: Record<Language, string>;
  countermeasure: Record<Language, string>;
  solved: boolean;
  /** The follow-up the PM approved with it. */
  followUp: Record<Language, string>;
}

/** The anomalies of the demo's last month (the first system of each family gets them). */
export const plantedAnomalies: Planted[] = [
  {
    family: 'virtualization',
    itemId: 'datastore-free',
    value: 14,
    note: {
      'zh-CN': 'DS-PROD-03 可用空间仅 14%，主要被 3 台虚拟机遗留的备份快照占用（合计约 1.6 TB）。',
      en: 'DS-PROD-03 has only 14 % free, mostly taken by backup snapshots left on 3 VMs (about 1.6 TB).',
    },
    countermeasure: {
      'zh-CN':
        '经项目经理批准后现场删除 7 天前的遗留快照，可用空间恢复至 31%；已请备份管理员检查 AnyBackup 快照清理策略。',
      en: "With the PM's approval, removed the leftover snapshots older than 7 days on site; free space is back to 31 %. Asked the backup administrator to check the AnyBackup snapshot clean-up policy.",
    },
    solved: true,
    followUp: {
      'zh-CN': '备份管理员检查 AnyBackup 快照清理策略，下次巡检复查 DS-PROD-03 可用空间',
      en: 'Backup administrator to check the AnyBackup snapshot clean-up policy; recheck DS-PROD-03 at the next inspection',
    },
  },
  {
    family: 'pam',
    itemId: 'rotation-failures',
    value: 3,
    note: {
      'zh-CN': '3 个 Oracle 数据库 sys 账号改密失败：目标库启用了密码复杂度校验函数，堡垒机生成的密码不含特殊字符。',
      en: 'Rotation failed for 3 Oracle sys accounts: the databases enforce a password verify function and the bastion generated no special characters.',
    },
    countermeasure: {
      'zh-CN': '改密策略加入特殊字符后手工触发改密，3 个账号均改密成功并通过堡垒机登录验证。',
      en: 'Added special characters to the rotation policy and re-ran it by hand; all 3 accounts rotated and logged in through the bastion.',
    },
    solved: true,
    followUp: {
      'zh-CN': '下月巡检复查改密任务执行结果',
      en: "Recheck the rotation results at next month's inspection",
    },
  },
  {
    family: 'backup-dr',
    itemId: 'restore-drill',
    value: 118,
    note: {
      'zh-CN': '最近一次恢复演练为 7 月 30 日（清算数据库），已超过每季度一次的要求。',
      en: 'The last restore drill was on 30 July (clearing database), beyond the quarterly requirement.',
    },
    countermeasure: {
      'zh-CN': '与客户约定 12 月第二周在测试环境恢复清算数据库并出具演练报告。',
      en: 'Agreed with the client to restore the clearing database to the test environment in the second week of December and report on it.',
    },
    solved: false,
    followUp: {
      'zh-CN': '12 月第二周与客户共同完成清算数据库恢复演练并出具演练报告',
      en: 'Restore drill of the clearing database with the client in the second week of December, with a drill report',
    },
  },
];

/** A plausible value of a measured item for month `m` (0 = oldest), drifting slowly for a few items. */
function valueFor(spec: NumberSpec, itemId: string, m: number, rnd: () => number): number {
  const t = spec.threshold;
  const jitter = rnd() - 0.5;
  const drifting = ['storage-pool-usage', 'host-cpu-peak', 'recording-storage', 'storage-usage'].includes(itemId);
  let v: number;
  if (spec.comparator === '<=' || spec.comparator === '<')
    v = t === 0 ? 0 : t * (drifting ? 0.74 + 0.06 * m : 0.55 + 0.15 * rnd());
  else if (spec.unit === '%' && (spec.comparator === '>=' || spec.comparator === '>'))
    // A floor on a percentage: somewhere between the floor and 100 %, never above it.
    v = t + (100 - t) * (drifting ? 0.9 - 0.12 * m : 0.4 + 0.5 * rnd());
  else if (spec.comparator === '>=' || spec.comparator === '>')
    v = t === 0 ? 1 : t * (drifting ? 1.6 - 0.12 * m : 1.5 + 0.6 * rnd());
  else v = (t + (spec.max ?? t)) / 2;
  // Noise of 3 % of the room the value moves in (the headroom under 100 % for a percentage floor).
  const room = spec.unit === '%' && (spec.comparator === '>=' || spec.comparator === '>') ? 100 - t : t;
  v += t === 0 ? 0 : jitter * room * 0.03;
  // A percentage stays within 0–100 and nothing measured here goes below zero (inspection-judge.ts).
  if (spec.unit === '%') return Math.min(100, Math.max(0, Math.round(v * 10) / 10));
  return spec.unit === 'ms' ? Math.max(0, Math.round(v * 10) / 10) : Math.max(0, Math.round(v));
}

export interface ScenarioAnswers {
  /** 0 for the oldest month; drifting metrics grow with it. */
  monthIndex: number;
  /** Plant the anomalies (last month). */
  anomalies: boolean;
  /** Share of each system's items answered (1 = all). */
  share?: number;
  lng: Language;
  at: (n: number) => string;
  seed?: number;
}

/** Answers for a scenario plan; evidence-free, as the seed stores only a few screenshots. */
export function scenarioAnswers(i: Inspection, o: ScenarioAnswers): InspectionAnswer[] {
  const rnd = random(o.seed ?? 17 + o.monthIndex);
  const out: InspectionAnswer[] = [];
  const seen = new Set<string>();
  let n = 0;
  for (const s of i.systems) {
    const items = itemsForMode(i.templates[s.templateRef], i.mode);
    const upto = Math.round(items.length * (o.share ?? 1));
    const firstOfFamily = !seen.has(s.family);
    seen.add(s.family);
    for (const item of items.slice(0, upto)) {
      const at = o.at(n++);
      const base: InspectionAnswer = {
        id: answerId(i.id, s.systemId, item.id),
        createdAt: at,
        updatedAt: at,
        updatedBy: s.engineerId,
        inspectionId: i.id,
        systemId: s.systemId,
        itemId: item.id,
        answeredBy: s.engineerId,
        answeredAt: at,
      };
      const planted =
        o.anomalies && firstOfFamily
          ? plantedAnomalies.find((p) => p.family === s.family && p.itemId === item.id)
          : undefined;
      const spec = item.answer;
      if (planted) {
        out.push({
          ...base,
          ...(planted.value !== undefined ? { value: planted.value } : {}),
          ...(planted.choice ? { choice: planted.choice } : {}),
          note: planted.note[o.lng],
          countermeasure: planted.countermeasure[o.lng],
          solved: planted.solved,
        });
      } else if (spec.type === 'number') {
        out.push({ ...base, value: valueFor(spec, item.id, o.monthIndex, rnd) });
      } else if (spec.type === 'choice') {
        out.push({ ...base, choice: spec.options.find((x) => !x.abnormal)!.value });
      } else if (spec.type === 'text') {
        out.push({ ...base, text: `${s.vendor} ${s.model} ${s.version}`.trim() });
      } else {
        out.push({ ...base, result: 'normal' });
      }
    }
  }
  return out;
}
