/*
 * Backup and restore, verified, of a full-size database: 10,000 faults (4 events each), 500
 * inspection runs (20 answers each) and 200 images of 1 MB, in Node on fake-indexeddb (the same
 * Dexie code the app runs; IndexedDB in Chromium is faster than fake-indexeddb, so these figures
 * are an upper bound). Budgets (the backup performance goals): back up under 5 s, restore under 10 s,
 * and the restore's read + validation growing the process by at most 3 × the file's size. The rows
 * come from bench/backup-dataset.ts (typed by the record schemas, checked by backup-dataset.test.ts);
 * `BENCH_BACKUP_SCALE` (0 < s ≤ 1) runs a smaller set on a small machine.
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
import { backupDataset, fullSize, scaledSize } from './backup-dataset';
import { memorySampler } from './memory';

const repo = resolve(import.meta.dirname, '..');
/**
 * `BENCH_BACKUP_SCALE=0.25 npm run bench -- backup` runs a quarter of the set (fewer faults, runs and
 * images) on a machine too small for the full one; the output says so, and the budgets then mean little.
 */
const scale = Number(process.env.BENCH_BACKUP_SCALE ?? '1');
const size = scale === 1 ? fullSize : scaledSize(scale);
const scaled = scale === 1 ? '' : ` — SCALED DOWN to ${scale} by BENCH_BACKUP_SCALE, budgets are for the full set`;

type Mods = {
  db: typeof import('../renderer/db/db');
  index: typeof import('../renderer/db/index');
  snapshot: typeof import('../renderer/features/backup/snapshot');
  encode: typeof import('../renderer/features/backup/format-encode');
  validate: typeof import('../renderer/features/backup/validate-file');
  decode: typeof import('../renderer/features/backup/format-decode');
  restore: typeof import('../renderer/features/backup/restore');
  hash: typeof import('../shared/util/hash');
  teamKey: typeof import('../renderer/core/team-key');
  migrations: typeof import('../renderer/db/migrations');
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
    validate: await get('/renderer/features/backup/validate-file.ts'),
    decode: await get('/renderer/features/backup/format-decode.ts'),
    restore: await get('/renderer/features/backup/restore.ts'),
    hash: await get('/shared/util/hash.ts'),
    teamKey: await get('/renderer/core/team-key.ts'),
    migrations: await get('/renderer/db/migrations/index.ts'),
  } as unknown as Mods;
  // Backups are authenticated with the team key: a random one, as the unit tests load (tests/setup-web.ts).
  m.teamKey.setTeamKey(await m.teamKey.randomTeamKey('BENCHTEAM1', 'bench'));
  return { server, m };
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

const mb = (n: number) => n / 1024 / 1024;

/**
 * Back up as runBackup does: snapshot → encode → write + fsync → read back → verify; then the same
 * encrypted (PBKDF2 600,000 + AES-GCM, printed only). Nothing of it is held once it returns, so the
 * restore's memory is sampled without it.
 */
async function measureBackup(m: Mods, db: InstanceType<Mods['db']['OnsiteDb']>, file: string) {
  const info = {
    appVersion: 'bench',
    schemaVersion: m.migrations.schemaVersion,
    createdAt: new Date().toISOString(),
    deviceCode: 'A',
    reason: 'manual' as const,
  };
  const [tables, tSnap] = await timed(() => m.snapshot.exportSnapshot(db));
  const [bytes, tEncode] = await timed(() => m.encode.encodeBackup(tables, info));
  const [, tWrite] = await timed(async () => writeDurably(file, bytes));
  const [check, tVerify] = await timed(async () =>
    m.decode.decodeBackup(new Uint8Array(readFileSync(file)), undefined, { views: true }),
  );
  if (!check.ok) throw new Error(`backup did not verify: ${JSON.stringify(check.errors.slice(0, 3))}`);
  const [locked, tEnc] = await timed(() => m.encode.encodeBackup(tables, info, { password: 'bench-password' }));
  const [unlocked, tDec] = await timed(() => m.decode.decodeBackup(locked, 'bench-password', { views: true }));
  if (!unlocked.ok) throw new Error('encrypted backup did not verify');
  return { tSnap, tEncode, tWrite, tVerify, tEnc, tDec, fileBytes: bytes.length };
}

/**
 * Restore as the app does it, with peak memory sampled over read + validation and over the writing.
 * Read + validation is validate-file.ts, what the restore worker runs (restore.worker.ts); the
 * audit chain check the page adds after it (validate.ts) has no entries to check in this set.
 */
async function measureRestore(m: Mods, db: InstanceType<Mods['db']['OnsiteDb']>, file: string) {
  const mem = await memorySampler();
  const [plan, tRead] = await timed(async () => {
    const buf = readFileSync(file); // read as the platform hands it over: one copy of the file
    return m.validate.validateFile(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), {
      onProgress: mem.sample,
    });
  });
  if (!plan.ok) throw new Error(`restore validation failed: ${JSON.stringify(plan.errors.slice(0, 5))}`);
  const parsePeak = mem.stop();
  const whole = await memorySampler();
  const [, tApply] = await timed(() =>
    m.restore.applyRestore(db, plan.plan, { name: 'bench.odbk' }, new Date(), whole.sample),
  );
  const applyPeak = whole.stop();
  return { tRead, tApply, parsePeak, applyPeak };
}

export const cases: BenchCase[] = [
  {
    name: `backup: ${size.faults} faults (+${size.faults * size.eventsPerFault} events), ${size.runs} inspection runs (+${size.runs * size.answersPerRun} answers), ${size.images} images of 1 MB — back up and restore, verified${scaled}`,
    async run(): Promise<BenchResult[]> {
      const { server, m } = await load();
      const dir = mkdtempSync(join(tmpdir(), 'onsite-backup-bench-'));
      try {
        const db = new m.db.OnsiteDb(`bench-${Date.now()}`);
        await db.open();
        m.index.setDb(db);
        await db.transaction('rw', db.tables, async () => {
          for (const [table, list] of Object.entries(backupDataset(size, m.hash.sha256Hex)))
            await db.table(table).bulkAdd(list);
        });
        const file = join(dir, 'bench.odbk');

        const { tSnap, tEncode, tWrite, tVerify, tEnc, tDec, fileBytes } = await measureBackup(m, db, file);
        const backup = sum(tSnap, tEncode, tWrite, tVerify);

        // Restore: read → validate → one transaction.
        const { tRead, tApply, parsePeak, applyPeak } = await measureRestore(m, db, file);
        const restore = sum(tRead, tApply);
        if (
          (await db.table('attachments').count()) !== size.images ||
          (await db.table('faults').count()) !== size.faults
        )
          throw new Error('restore lost rows');
        db.close();
        return [
          { label: 'file size', value: mb(fileBytes), unit: 'MB' },
          phase('back up: snapshot (one read transaction)', tSnap),
          phase('back up: encode (canonical JSON + SHA-256 per table and image)', tEncode),
          phase('back up: write + fsync', tWrite),
          phase('back up: read back + verify (re-parse, re-hash every table and image)', tVerify),
          { ...phase('back up, verified (total)', backup, 5_000), measure: 'backup-verified' },
          phase('restore: read + full validation', tRead),
          phase('restore: one transaction (clear + refill every table)', tApply),
          { ...phase('restore, verified (total)', restore, 10_000), measure: 'restore-verified' },
          {
            // The larger of the two growths (RSS undercounts pages the heap reuses; the heap misses native copies).
            label: 'restore: peak memory, read + validation',
            measure: 'restore-peak-memory',
            value: mb(Math.max(parsePeak.rss, parsePeak.heap)),
            unit: 'MB',
            ratio: { value: Math.max(parsePeak.rss, parsePeak.heap) / fileBytes, vs: 'file size', goal: 3 },
          },
          {
            label: 'restore: peak RSS growth, read + validation',
            measure: 'restore-peak-rss',
            value: mb(parsePeak.rss),
            unit: 'MB',
          },
          {
            label: 'restore: peak heap + buffers growth, read + validation',
            measure: 'restore-peak-heap',
            value: mb(parsePeak.heap),
            unit: 'MB',
          },
          {
            // fake-indexeddb keeps the written database in this process's heap (Chromium keeps it in
            // its own storage process), so this figure also counts the database itself: printed only.
            label: 'restore: peak heap + buffers growth, writing (incl. the fake-indexeddb copy)',
            measure: 'restore-write-heap',
            value: mb(applyPeak.heap),
            unit: 'MB',
          },
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
