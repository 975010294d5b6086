/*
 * Sync bundles for a month of one site's work: 300 faults of 12 events each, 2 inspection runs of 300
 * answers, 50 images of 1 MB, written through the app's writer on laptop A (so every write is captured
 * as a field-level change, renderer/db/sync-capture.ts), in Node on fake-indexeddb (an upper bound:
 * IndexedDB in Chromium is faster). Budgets (docs of the sync issue): write the bundle for a peer
 * under 5 s, read and merge it on laptop B under 10 s. Printed with the ratio of writing the bundle to
 * encoding a plain backup of the same data (renderer/features/backup/format-encode.ts).
 *
 * The fault projection on B is a stub here (the faults feature's projection is benched in
 * bench/faults.bench.ts); everything else — decode, team-key check, merge in one transaction,
 * materialising every record with its audit entry — is the app's code.
 */
import 'fake-indexeddb/auto';
import { resolve } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import type { BenchCase, BenchResult } from './harness';

const repo = resolve(import.meta.dirname, '..');
const FAULTS = 300;
const EVENTS_PER_FAULT = 12;
const RUNS = 2;
const ANSWERS_PER_RUN = 300;
const IMAGES = 50;
const IMAGE_BYTES = 1024 * 1024;

type Mods = {
  db: typeof import('../renderer/db/db');
  index: typeof import('../renderer/db/index');
  store: typeof import('../renderer/db/sync-store');
  key: typeof import('../renderer/core/team-key');
  snapshot: typeof import('../renderer/features/backup/snapshot');
  encode: typeof import('../renderer/features/backup/format-encode');
  hash: typeof import('../shared/util/hash');
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
    store: await get('/renderer/db/sync-store.ts'),
    key: await get('/renderer/core/team-key.ts'),
    snapshot: await get('/renderer/features/backup/snapshot.ts'),
    encode: await get('/renderer/features/backup/format-encode.ts'),
    hash: await get('/shared/util/hash.ts'),
  } as unknown as Mods;
  return { server, m };
}

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

const iso = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 60_000).toISOString();
const rec = (id: string, n: number) => ({ id, createdAt: iso(n), updatedAt: iso(n), updatedBy: 'e1' });

/** A month of writes on laptop A, each through the writer (captured), a few records per transaction. */
async function month(m: Mods): Promise<void> {
  const { writeTx } = m.index;
  await writeTx(['settings'], async (_db, w) => {
    await w.put('settings', { key: 'site', deviceCode: 'A', updatedAt: iso(0), updatedBy: 'system' } as never, 'site');
  });
  for (let f = 0; f < FAULTS; f++) {
    await writeTx(['faultEvents'], async (_db, w) => {
      for (let e = 0; e < EVENTS_PER_FAULT; e++) {
        const row = {
          id: `ev-${f}-${e}`,
          faultId: `f-${f}`,
          seq: e,
          at: iso(f * 60 + e),
          type: e === 0 ? 'reported' : 'note',
          by: 'e1',
          recordedAt: iso(f * 60 + e),
          payload:
            e === 0 ? { level: 3, number: `GZ-202611-A-${f}`, symptoms: '堡垒机会话断开' } : { text: `处理进展 ${e}` },
        };
        await w.add('faultEvents', row as never, `event ${f}/${e}`);
      }
    });
  }
  for (let r = 0; r < RUNS; r++) {
    await writeTx(['inspections', 'inspectionAnswers'], async (_db, w) => {
      await w.add(
        'inspections',
        { ...rec(`run-${r}`, r), number: `XJRW-202611-A-0${r}`, status: 'done' } as never,
        'run',
      );
      for (let a = 0; a < ANSWERS_PER_RUN; a++)
        await w.add(
          'inspectionAnswers',
          {
            ...rec(`ans-${r}-${a}`, a),
            inspectionId: `run-${r}`,
            itemId: `item-${a}`,
            result: 'ok',
            value: a,
          } as never,
          'answer',
        );
    });
  }
  for (let i = 0; i < IMAGES; i++) {
    const data = new Uint8Array(IMAGE_BYTES);
    for (let b = 0; b < data.length; b += 4096) data[b] = (i * 31 + b) & 0xff;
    await writeTx(['attachments'], async (_db, w) => {
      await w.add(
        'attachments',
        {
          ...rec(`img-${i}`, i),
          ownerType: 'fault',
          ownerId: `f-${i}`,
          name: `现场照片-${i}.png`,
          mime: 'image/png',
          size: data.length,
          sha256: m.hash.sha256Hex(data),
          data,
        } as never,
        'image',
      );
    });
  }
}

export const cases: BenchCase[] = [
  {
    name: `sync: a month (${FAULTS} faults × ${EVENTS_PER_FAULT} events, ${RUNS} runs × ${ANSWERS_PER_RUN} answers, ${IMAGES} images of 1 MB) — write a bundle on A, read and merge it on B`,
    async run(): Promise<BenchResult[]> {
      const { server, m } = await load();
      try {
        const key = await m.key.randomTeamKey('bench-team', 'Bench');
        m.key.setTeamKey(key);
        const A = new m.db.OnsiteDb(`bench-sync-a-${Date.now()}`);
        await A.open();
        m.index.setDb(A);
        m.index.setActor('e1');
        await month(m);
        const changes = await A.syncChanges.count();

        const [bundle, tWrite] = await timed(() => m.store.writeBundle(key, 'B'));
        const [plain, tBackup] = await timed(async () => {
          const tables = await m.snapshot.exportSnapshot(A);
          return m.encode.encodeBackup(tables, {
            appVersion: 'bench',
            schemaVersion: 4,
            createdAt: new Date().toISOString(),
            deviceCode: 'A',
            reason: 'manual',
          });
        });

        const B = new m.db.OnsiteDb(`bench-sync-b-${Date.now()}`);
        await B.open();
        m.index.setDb(B);
        m.index.setActor('pm');
        await m.index.writeTx(['settings'], async (_db, w) => {
          await w.put(
            'settings',
            { key: 'site', deviceCode: 'B', updatedAt: iso(0), updatedBy: 'system' } as never,
            'site',
          );
        });
        const stub = (rows: { faultId: string; seq: number }[]) =>
          ({ id: rows[0].faultId, lastSeq: rows.length - 1, updatedAt: iso(0), updatedBy: 'system' }) as never;
        const [outcome, tRead] = await timed(() => m.store.readBundle(bundle.bytes, key, stub));
        if (!outcome.ok) throw new Error(`bundle refused: ${JSON.stringify(outcome.refusal)}`);
        if (outcome.receipt.merged !== changes || (await B.attachments.count()) !== IMAGES)
          throw new Error(`merge lost changes: ${outcome.receipt.merged} of ${changes}`);
        A.close();
        B.close();
        return [
          { label: 'changes in the bundle', value: bundle.changes, unit: 'changes' },
          { label: 'bundle size', value: bundle.bytes.length / 1024 / 1024, unit: 'MB' },
          { label: 'plain backup size (same data)', value: plain.length / 1024 / 1024, unit: 'MB' },
          {
            label: 'write the bundle for a peer',
            measure: 'write-bundle',
            value: tWrite.wall,
            cpu: tWrite.cpu,
            budget: 5_000,
            ratio: { value: tWrite.wall / tBackup.wall, vs: 'plain backup encode', goal: 3 },
          },
          { label: 'plain backup: snapshot + encode', value: tBackup.wall, cpu: tBackup.cpu },
          {
            label: 'read and merge on the peer',
            measure: 'read-merge',
            value: tRead.wall,
            cpu: tRead.cpu,
            budget: 10_000,
          },
        ];
      } finally {
        m.key.setTeamKey(null);
        m.index.setDb(null);
        await server.close();
      }
    },
  },
];
