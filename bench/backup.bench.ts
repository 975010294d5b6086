/*
 * Backup and restore, verified, of a full-size database: 10,000 faults (4 events each), 500
 * inspection runs (20 answers each) and 200 images of 1 MB, in Node on fake-indexeddb (the same
 * Dexie code the app runs; IndexedDB in Chromium is faster than fake-indexeddb, so these figures
 * are an upper bound). Budgets (the backup performance goals): back up under 10 s, restore under 20 s.
 *
 * "Back up" = snapshot in one read transaction + encode (canonical JSON, SHA-256 per table and per
 * image) + write to a temp file with fsync + read back + verify: re-parse and re-hash against the
 * manifest (what runBackup does).
 * "Restore" = read + full validation (hashes, strict schemas, references) + one transaction that
 * clears and refills every table. The renderer modules are loaded through Vite (their `@shared`
 * imports and `import.meta.glob` need it), with fake-indexeddb installed first.
 */
import 'fake-indexeddb/auto';
import './node-window';
import { openSync, fsyncSync, closeSync, writeSync, readFileSync, rmSync, mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { BenchCase, BenchResult } from './harness';

const repo = resolve(import.meta.dirname, '..');
const FAULTS = 10_000;
const EVENTS_PER_FAULT = 4;
const RUNS = 500;
const ANSWERS_PER_RUN = 20;
const IMAGES = 200;
const IMAGE_BYTES = 1024 * 1024;

type Mods = {
  db: typeof import('../renderer/db/db');
  index: typeof import('../renderer/db/index');
  snapshot: typeof import('../renderer/features/backup/snapshot');
  encode: typeof import('../renderer/features/backup/format-encode');
  validate: typeof import('../renderer/features/backup/validate');
  decode: typeof import('../renderer/features/backup/format-decode');
  restore: typeof import('../renderer/features/backup/restore');
  hash: typeof import('../shared/util/hash');
  teamKey: typeof import('../renderer/core/team-key');
};

async function load(): Promise<{ server: ViteDevServer; m: Mods }> {
  const server = await createServer({
    configFile: false,
    root: repo,
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    resolve: {
      alias: {
        '@shared': resolve(repo, 'shared'),
        '@renderer': resolve(repo, 'renderer'),
        '@resources': resolve(repo, 'resources'),
      },
    },
  });
  const get = (p: string) => server.ssrLoadModule(p);
  const m = {
    db: await get('/renderer/db/db.ts'),
    index: await get('/renderer/db/index.ts'),
    snapshot: await get('/renderer/features/backup/snapshot.ts'),
    encode: await get('/renderer/features/backup/format-encode.ts'),
    validate: await get('/renderer/features/backup/validate.ts'),
    decode: await get('/renderer/features/backup/format-decode.ts'),
    restore: await get('/renderer/features/backup/restore.ts'),
    hash: await get('/shared/util/hash.ts'),
    teamKey: await get('/renderer/core/team-key.ts'),
  } as unknown as Mods;
  // Backups are authenticated with the team key: a random one, as the unit tests load (tests/setup-web.ts).
  m.teamKey.setTeamKey(await m.teamKey.randomTeamKey('BENCHTEAM1', 'bench'));
  return { server, m };
}

const iso = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
const uid = (prefix: number, n: number) =>
  `${prefix.toString(16).padStart(8, '0')}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/** Rows shaped exactly as the feature schemas want them (the restore validates every one). */
function dataset(sha256Hex: (b: Uint8Array) => string) {
  const rec = (id: string, n: number) => ({ id, createdAt: iso(n), updatedAt: iso(n + 5), updatedBy: uid(1, 2) });
  const team = [1, 2, 3].map((i) => ({
    ...rec(uid(1, i), 0),
    name: ['周海峰', '李喆', '王堃'][i - 1],
    role: i === 1 ? 'pm' : 'engineer',
    phone: '138 0000 0000',
    email: '',
    active: true,
  }));
  const systems = Array.from({ length: 12 }, (_, i) => ({
    ...rec(uid(2, i), 0),
    name: `生产系统 ${i + 1}`,
    family: 'virtualization',
    vendor: 'VMware',
    model: 'vSphere',
    version: '8.0 U3',
    location: '张江数据中心 A 机房',
    active: true,
  }));
  const reporter = { name: '赵磊', department: '信息技术部 交易运维组', phone: '021-6888 1215', email: '' };
  const faults: Array<Record<string, unknown>> = [];
  const events: Array<Record<string, unknown>> = [];
  for (let i = 0; i < FAULTS; i++) {
    const id = uid(3, i);
    const number = `GZ-2026${String((i % 12) + 1).padStart(2, '0')}-A-${String(i).padStart(5, '0')}`;
    const t = i * 40;
    faults.push({
      ...rec(id, t),
      number,
      status: 'resolved',
      level: (i % 4) + 1,
      track: i % 4 < 2 ? 'onsite' : 'remote',
      channel: 'hotline',
      systemId: systems[i % 12].id,
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
      lastSeq: EVENTS_PER_FAULT - 1,
    });
    const base = (seq: number, type: string, payload: object) => ({
      id: uid(4, i * EVENTS_PER_FAULT + seq),
      faultId: id,
      seq,
      at: iso(t + seq * 30),
      by: team[1].id,
      recordedAt: iso(t + seq * 30 + 1),
      type,
      payload,
    });
    events.push(
      base(0, 'reported', {
        level: (i % 4) + 1,
        channel: 'hotline',
        number,
        reporter,
        symptoms: `虚拟机 vm-${i} 无响应`,
        description: '业务访问超时',
        occurredAt: iso(t - 5),
        systemId: systems[i % 12].id,
        assigneeId: team[1].id,
      }),
    );
    events.push(base(1, 'responded', {}));
    events.push(
      base(2, 'action', {
        kind: 'remote-login',
        engineerId: team[1].id,
        what: '登录 vCenter 检查宿主机告警并迁移虚拟机',
        result: '已恢复',
      }),
    );
    events.push(
      base(3, 'resolved', {
        rootCause: '宿主机内存故障',
        resolution: '迁移虚拟机并更换内存条',
        prevention: '加强硬件巡检',
      }),
    );
  }
  const item = {
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
  const template = {
    templateKey: 'virtualization',
    version: 1,
    family: 'virtualization',
    title: { zh: '虚拟化巡检', en: 'Virtualization' },
    items: Array.from({ length: 10 }, (_, k) => ({ ...item, id: `item-${k}` })),
  };
  const inspections = [];
  const answers = [];
  for (let r = 0; r < RUNS; r++) {
    const id = uid(5, r);
    inspections.push({
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
    });
    for (let a = 0; a < ANSWERS_PER_RUN; a++)
      answers.push({
        ...rec(uid(6, r * ANSWERS_PER_RUN + a), r * 1000 + a),
        inspectionId: id,
        systemId: systems[a % 2].id,
        itemId: `item-${a % 10}`,
        result: 'normal',
        value: 40 + (a % 30),
        answeredBy: team[1].id,
        answeredAt: iso(r * 1000 + a),
      });
  }
  const images = Array.from({ length: IMAGES }, (_, k) => {
    const data = new Uint8Array(IMAGE_BYTES);
    for (let j = 0; j < data.length; j += 4) data[j] = (j * 7 + k) & 0xff; // varied, incompressible enough
    return {
      ...rec(uid(7, k), k),
      ownerType: 'fault',
      ownerId: faults[k * 50].id,
      name: `现场照片-${k + 1}.jpg`,
      mime: 'image/jpeg',
      size: data.length,
      sha256: sha256Hex(data),
      data,
    };
  });
  return { team, systems, faults, faultEvents: events, inspections, inspectionAnswers: answers, attachments: images };
}

function writeDurably(path: string, data: Uint8Array): void {
  const fd = openSync(path, 'w');
  try {
    let at = 0;
    while (at < data.length) at += writeSync(fd, data, at, Math.min(64 << 20, data.length - at));
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** A measured phase: wall time, and the CPU time of this process (all threads) over the same span. */
interface Phase {
  wall: number;
  cpu: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, Phase]> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const v = await fn();
  const c = process.cpuUsage(c0);
  return [v, { wall: performance.now() - t0, cpu: (c.user + c.system) / 1000 }];
}

const sum = (...ps: Phase[]): Phase => ({
  wall: ps.reduce((n, p) => n + p.wall, 0),
  cpu: ps.reduce((n, p) => n + p.cpu, 0),
});
/** A phase's wall time with its CPU time beside it: on a loaded machine wall time is mostly waiting for a core. */
const phase = (label: string, p: Phase, budget?: number): BenchResult => ({
  label,
  cpu: p.cpu,
  value: p.wall,
  budget,
});

export const cases: BenchCase[] = [
  {
    name: `backup: ${FAULTS} faults (+${FAULTS * EVENTS_PER_FAULT} events), ${RUNS} inspection runs (+${RUNS * ANSWERS_PER_RUN} answers), ${IMAGES} images of 1 MB — back up and restore, verified`,
    async run(): Promise<BenchResult[]> {
      const { server, m } = await load();
      const dir = mkdtempSync(join(tmpdir(), 'onsite-backup-bench-'));
      try {
        const db = new m.db.OnsiteDb(`bench-${Date.now()}`);
        await db.open();
        m.index.setDb(db);
        const rows = dataset(m.hash.sha256Hex);
        await db.transaction('rw', db.tables, async () => {
          for (const [table, list] of Object.entries(rows)) await db.table(table).bulkAdd(list);
        });
        const info = {
          appVersion: 'bench',
          schemaVersion: 2,
          createdAt: new Date().toISOString(),
          deviceCode: 'A',
          reason: 'manual' as const,
        };
        const file = join(dir, 'bench.odbk');

        // Back up: snapshot → encode → write + fsync → read back → validate.
        const [tables, tSnap] = await timed(() => m.snapshot.exportSnapshot(db));
        const [bytes, tEncode] = await timed(() => m.encode.encodeBackup(tables, info));
        const [, tWrite] = await timed(async () => writeDurably(file, bytes));
        const [check, tVerify] = await timed(async () =>
          m.decode.decodeBackup(new Uint8Array(readFileSync(file)), undefined, { views: true }),
        );
        if (!check.ok) throw new Error(`backup did not verify: ${JSON.stringify(check.errors.slice(0, 3))}`);
        const backup = sum(tSnap, tEncode, tWrite, tVerify);

        // Restore: read → validate → one transaction.
        const [plan, tRead] = await timed(async () => m.validate.validateBackup(new Uint8Array(readFileSync(file))));
        if (!plan.ok) throw new Error('restore validation failed');
        const [, tApply] = await timed(() => m.restore.applyRestore(db, plan.plan, { name: 'bench.odbk' }));
        const restore = sum(tRead, tApply);
        const restored = await db.table('attachments').count();
        if (restored !== IMAGES || (await db.table('faults').count()) !== FAULTS) throw new Error('restore lost rows');

        // With encryption (PBKDF2 600,000 + AES-GCM), printed only.
        const [locked, tEnc] = await timed(() => m.encode.encodeBackup(tables, info, { password: 'bench-password' }));
        const [unlocked, tDec] = await timed(() => m.decode.decodeBackup(locked, 'bench-password', { views: true }));
        if (!unlocked.ok) throw new Error('encrypted backup did not verify');

        db.close();
        return [
          { label: 'file size', value: bytes.length / 1024 / 1024, unit: 'MB' },
          phase('back up: snapshot (one read transaction)', tSnap),
          phase('back up: encode (canonical JSON + SHA-256 per table and image)', tEncode),
          phase('back up: write + fsync', tWrite),
          phase('back up: read back + verify (re-parse, re-hash every table and image)', tVerify),
          { ...phase('back up, verified (total)', backup, 5_000), measure: 'backup-verified' },
          phase('restore: read + full validation', tRead),
          phase('restore: one transaction (clear + refill every table)', tApply),
          { ...phase('restore, verified (total)', restore, 10_000), measure: 'restore-verified' },
          { label: 'load average (1 min) at the end', value: loadavg()[0], unit: 'procs' },
          phase('encrypted: encode + encrypt', tEnc),
          phase('encrypted: decrypt + verify', tDec),
        ];
      } finally {
        rmSync(dir, { recursive: true, force: true });
        await server.close();
      }
    },
  },
];
