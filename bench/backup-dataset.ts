/**
 * The rows of the backup bench (bench/backup.bench.ts): faults with their event logs, inspection
 * runs with their answers, team, systems and images. Every row is typed with the record type of its
 * zod schema in shared/schemas/ (a renamed or new required field fails `npm run typecheck`), and
 * bench/backup-dataset.test.ts checks a small set against the schemas restore validates with
 * (renderer/features/backup/table-schemas.ts) and against the restore's reference checks, so the
 * generator cannot drift from the app again unnoticed. Pure: no database, no Vite.
 */
import type { Attachment } from '../shared/schemas/attachment';
import type { ClientSystem, TeamMember } from '../shared/schemas/core';
import type { FaultEventRow, FaultRecord, Reporter } from '../shared/schemas/fault';
import type { ChecklistItem, Inspection, InspectionAnswer, TemplateSnapshot } from '../shared/schemas/inspection';

export interface DatasetSize {
  faults: number;
  /** Fixed at 4 by the generator (reported, responded, action, resolved). */
  eventsPerFault: 4;
  runs: number;
  answersPerRun: number;
  images: number;
  imageBytes: number;
}

/** The full-size set the budgets are for (README, Performance). */
export const fullSize: DatasetSize = {
  faults: 10_000,
  eventsPerFault: 4,
  runs: 500,
  answersPerRun: 20,
  images: 200,
  imageBytes: 1024 * 1024,
};

/**
 * The set scaled by `scale` (0 < scale ≤ 1): fewer faults, runs and images of the same size, so
 * the file shrinks about in proportion. `BENCH_BACKUP_SCALE` sets it for `npm run bench -- backup`.
 */
export function scaledSize(scale: number): DatasetSize {
  if (!(scale > 0 && scale <= 1)) throw new Error(`scale must be in (0, 1], got ${scale}`);
  const n = (v: number) => Math.max(1, Math.round(v * scale));
  return { ...fullSize, faults: n(fullSize.faults), runs: n(fullSize.runs), images: n(fullSize.images) };
}

const iso = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
const uid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const rec = (id: string, n: number) => ({ id, createdAt: iso(n), updatedAt: iso(n + 5), updatedBy: uid(1, 2) });

export interface BackupDataset {
  team: TeamMember[];
  systems: ClientSystem[];
  faults: FaultRecord[];
  faultEvents: FaultEventRow[];
  inspections: Inspection[];
  inspectionAnswers: InspectionAnswer[];
  attachments: Attachment[];
}

function people(): Pick<BackupDataset, 'team' | 'systems'> {
  const names = ['周海峰', '李喆', '王堃'];
  const team = names.map((name, i): TeamMember => ({
    ...rec(uid(1, i + 1), 0),
    name,
    role: i === 0 ? 'pm' : 'engineer',
    phone: '138 0000 0000',
    email: '',
    active: true,
  }));
  const systems = Array.from({ length: 12 }, (_, i): ClientSystem => ({
    ...rec(uid(2, i), 0),
    name: `生产系统 ${i + 1}`,
    family: 'virtualization',
    vendor: 'VMware',
    model: 'vSphere',
    version: '8.0 U3',
    location: '张江数据中心 A 机房',
    active: true,
  }));
  return { team, systems };
}

const reporter: Reporter = { name: '赵磊', department: '信息技术部 交易运维组', phone: '021-6888 1215', email: '' };

function fault(i: number, team: TeamMember[], systems: ClientSystem[]): [FaultRecord, FaultEventRow[]] {
  const id = uid(3, i);
  const number = `GZ-2026${String((i % 12) + 1).padStart(2, '0')}-A-${String(i).padStart(5, '0')}`;
  const t = i * 40;
  const level = ((i % 4) + 1) as 1 | 2 | 3 | 4;
  const row: FaultRecord = {
    ...rec(id, t),
    number,
    status: 'resolved',
    level,
    track: i % 4 < 2 ? 'onsite' : 'remote',
    channel: 'hotline',
    systemId: systems[i % systems.length].id,
    assigneeId: team[1 + (i % 2)].id,
    reporter,
    symptoms: `虚拟机 vm-${i} 无响应，业务访问超时`,
    description: '现场检查发现宿主机内存告警，迁移后恢复。'.repeat(3),
    occurredAt: iso(t - 5),
    reportedAt: iso(t),
    tier: 1,
    flags: {
      escalationSuggested: false,
      pmAlert: false,
      breached: i % 17 === 0,
      reportIssued: true,
      reportWaived: false,
    },
    resolvedAt: iso(t + 90),
    lastSeq: 3,
  };
  const base = (seq: number) => ({
    id: uid(4, i * 4 + seq),
    faultId: id,
    seq,
    at: iso(t + seq * 30),
    by: team[1].id,
    recordedAt: iso(t + seq * 30 + 1),
  });
  const events: FaultEventRow[] = [
    {
      ...base(0),
      type: 'reported',
      payload: {
        level,
        channel: 'hotline',
        number,
        reporter,
        symptoms: `虚拟机 vm-${i} 无响应`,
        description: '业务访问超时',
        occurredAt: iso(t - 5),
        systemId: row.systemId,
        assigneeId: team[1].id,
      },
    },
    { ...base(1), type: 'responded', payload: {} },
    {
      ...base(2),
      type: 'action',
      payload: {
        kind: 'remote-login',
        engineerId: team[1].id,
        what: '登录 vCenter 检查宿主机告警并迁移虚拟机',
        result: '已恢复',
      },
    },
    {
      ...base(3),
      type: 'resolved',
      payload: { rootCause: '宿主机内存故障', resolution: '迁移虚拟机并更换内存条', prevention: '加强硬件巡检' },
    },
  ];
  return [row, events];
}

const template: TemplateSnapshot = (() => {
  const item: ChecklistItem = {
    id: 'cpu-usage',
    title: { zh: 'CPU 使用率', en: 'CPU usage' },
    check: { zh: '查看集群 CPU 使用率', en: 'Cluster CPU usage' },
    method: { zh: 'vCenter 性能图表', en: 'vCenter charts' },
    expected: { zh: '低于 80%', en: 'Below 80%' },
    answer: { type: 'number', unit: '%', comparator: '<', threshold: 80 },
    required: true,
    evidenceRequired: false,
    severity: 'medium',
    bestPractice: { zh: '保留 20% 余量', en: 'Keep 20% headroom' },
    deepOnly: false,
  };
  return {
    templateKey: 'virtualization',
    version: 1,
    family: 'virtualization',
    title: { zh: '虚拟化巡检', en: 'Virtualization' },
    items: Array.from({ length: 10 }, (_, k) => ({ ...item, id: `item-${k}` })),
  };
})();

function run(r: number, size: DatasetSize, team: TeamMember[], systems: ClientSystem[]) {
  const id = uid(5, r);
  const inspection: Inspection = {
    ...rec(id, r * 1000),
    number: `XJ-${String(r).padStart(5, '0')}`,
    month: `20${String(10 + Math.floor(r / 12)).slice(-2)}-${String((r % 12) + 1).padStart(2, '0')}`,
    mode: 'routine',
    status: 'finished',
    dueDate: '2026-01-23',
    systems: systems.slice(0, 2).map((s) => ({
      systemId: s.id,
      name: s.name,
      family: 'virtualization',
      vendor: s.vendor,
      model: s.model,
      version: s.version,
      location: s.location,
      engineerId: team[1].id,
      templateRef: 'virtualization@1',
    })),
    templates: { 'virtualization@1': template },
    events: [
      { type: 'planned', at: iso(r * 1000), by: team[0].id },
      { type: 'finished', at: iso(r * 1000 + 400), by: team[1].id },
    ],
  };
  const answers = Array.from({ length: size.answersPerRun }, (_, a): InspectionAnswer => ({
    ...rec(uid(6, r * size.answersPerRun + a), r * 1000 + a),
    inspectionId: id,
    systemId: systems[a % 2].id,
    itemId: `item-${a % 10}`,
    result: 'normal',
    value: 40 + (a % 30),
    answeredBy: team[1].id,
    answeredAt: iso(r * 1000 + a),
  }));
  return { inspection, answers };
}

/** Rows shaped as the app stores them (the restore validates every one). */
export function backupDataset(size: DatasetSize, sha256Hex: (b: Uint8Array) => string): BackupDataset {
  const { team, systems } = people();
  const faults: FaultRecord[] = [];
  const faultEvents: FaultEventRow[] = [];
  for (let i = 0; i < size.faults; i++) {
    const [row, events] = fault(i, team, systems);
    faults.push(row);
    faultEvents.push(...events);
  }
  const inspections: Inspection[] = [];
  const inspectionAnswers: InspectionAnswer[] = [];
  for (let r = 0; r < size.runs; r++) {
    const { inspection, answers } = run(r, size, team, systems);
    inspections.push(inspection);
    inspectionAnswers.push(...answers);
  }
  const attachments = Array.from({ length: size.images }, (_, k): Attachment => {
    const data = new Uint8Array(size.imageBytes);
    for (let j = 0; j < data.length; j += 4) data[j] = (j * 7 + k) & 0xff; // varied, incompressible enough
    return {
      ...rec(uid(7, k), k),
      ownerType: 'fault',
      ownerId: faults[(k * 50) % faults.length].id,
      name: `现场照片-${k + 1}.jpg`,
      mime: 'image/jpeg',
      size: data.length,
      sha256: sha256Hex(data),
      data,
    };
  });
  return { team, systems, faults, faultEvents, inspections, inspectionAnswers, attachments };
}
