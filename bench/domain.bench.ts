/* The rule engine's cost: evaluate 10,000 generated faults of ~12 events each (budget 150 ms here). */
import { defaultCalendar } from '../shared/domain/calendar';
import { type FaultEvent, evaluateFault, pendingUpgradeEvents } from '../shared/domain/fault-clock';
import { formatInstant } from '../shared/domain/time';
import { type BenchCase, medianMs } from './harness';
import { seededRandom as rng } from '../shared/util/random';

const FAULTS = 10_000;
const MIN = 60_000;

/** Realistic fault histories across 2025–2026: intake, response, pauses, visits, resolution, report, close. */
function generateFaults(n: number): FaultEvent[][] {
  const rand = rng(20261125);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
  const faults: FaultEvent[][] = [];
  const start0 = Date.parse('2025-01-02T00:00:00+08:00');
  for (let i = 0; i < n; i++) {
    let t = start0 + Math.floor(rand() * 700 * 24 * 60) * MIN;
    const step = (maxMinutes: number) => (t += Math.floor(1 + rand() * maxMinutes) * MIN);
    const at = () => formatInstant(t);
    const level = pick([1, 2, 3, 3, 4, 4] as const);
    const channel = pick(['hotline', 'hotline', 'email', 'onsite', 'inspection', 'other'] as const);
    const log: FaultEvent[] = [
      {
        at: at(),
        type: 'reported',
        level,
        channel,
        ...(channel === 'email' ? { complexity: pick(['general', 'complex'] as const) } : {}),
      },
    ];
    step(20);
    log.push({ at: at(), type: 'responded' });
    if (channel === 'email') log.push({ at: (step(30), at()), type: 'replied' });
    if (level >= 3 && rand() < 0.4) log.push({ at: (step(120), at()), type: 'onsite-requested' });
    if (level <= 2 || rand() < 0.5) log.push({ at: (step(150), at()), type: 'arrived' });
    log.push({ at: (step(60), at()), type: 'paused' });
    log.push({ at: (step(900), at()), type: 'resumed' });
    if (rand() < 0.3)
      log.push({ at: (step(30), at()), type: 'level-changed', level: pick([1, 2, 3] as const), reason: 'reassessed' });
    log.push({ at: (step(300), at()), type: 'paused' });
    log.push({ at: (step(300), at()), type: 'resumed' });
    if (rand() < 0.5)
      log.push({ at: (step(30), at()), type: 'track-changed', track: pick(['remote', 'onsite'] as const) });
    if (rand() < 0.6) {
      log.push({ at: (step(240), at()), type: 'paused' });
      log.push({ at: (step(600), at()), type: 'resumed' });
    }
    log.push({ at: (step(200), at()), type: 'resolved' });
    log.push({ at: (step(600), at()), type: 'report-issued' });
    log.push({ at: (step(2000), at()), type: 'closed' });
    if (rand() < 0.15) log.push({ at: (step(3000), at()), type: 'reopened' });
    faults.push(log);
  }
  // As loaded from the database: flat strings, no shared structure with the generator.
  return JSON.parse(JSON.stringify(faults)) as FaultEvent[][];
}

/** Median and best of `n` timed runs, and the CPU time this process spent per run (ms). */
async function measure(n: number, fn: () => void): Promise<{ median: number; best: number; cpu: number }> {
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const median = await medianMs(n, () => {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  });
  const cpu = process.cpuUsage(cpu0);
  return { median, best: Math.min(...times), cpu: (cpu.user + cpu.system) / 1000 / n };
}

export const cases: BenchCase[] = [
  {
    name: 'domain: evaluate 10,000 faults (~12 events each)',
    run: async () => {
      const calendar = defaultCalendar();
      const faults = generateFaults(FAULTS);
      const events = faults.reduce((sum, f) => sum + f.length, 0);
      const late = new Date('2026-12-31T12:00:00+08:00'); // every event known: faults closed, 15 % reopened
      const mid = new Date('2026-01-15T12:00:00+08:00'); // part of the history still ahead: many faults open
      const evaluateAll = (now: Date) => () => {
        for (const f of faults) evaluateFault(f, { calendar, now });
      };
      for (let i = 0; i < 3; i++) evaluateAll(late)(); // warm-up (JIT, calendar cache)
      const a = await measure(9, evaluateAll(late));
      const b = await measure(9, evaluateAll(mid));
      const p = await measure(5, () => {
        for (const f of faults) pendingUpgradeEvents(f, { calendar, now: mid });
      });
      return [
        { label: `events per fault (average of ${FAULTS})`, value: events / FAULTS, unit: 'events' },
        {
          label: 'evaluate 10,000 faults, every event known (median of 9)',
          measure: 'evaluate-10k-faults',
          value: a.median,
          cpu: a.cpu,
          budget: 150,
        },
        { label: 'per fault', value: (a.median * 1000) / FAULTS, unit: 'µs' },
        { label: 'best of 9', value: a.best },
        { label: 'CPU time per run (wall time grows when the 2 cores are shared)', value: a.cpu },
        {
          label: 'evaluate 10,000 faults at a mid-history now (median of 9)',
          measure: 'evaluate-10k-mid-history',
          value: b.median,
          budget: 150,
        },
        { label: 'per fault, mid-history', value: (b.median * 1000) / FAULTS, unit: 'µs' },
        { label: 'pendingUpgradeEvents for 10,000 faults (median of 5)', value: p.median, budget: 300 },
      ];
    },
  },
];
