/**
 * Peak memory of a stretch of work, for benches: process RSS and the V8 heap plus array buffers,
 * sampled every few milliseconds and whenever the work reports progress (`sample()`; a long
 * synchronous step such as JSON.parse of one table is not interrupted by the timer, but the work
 * yields between tables). Figures are the growth over the level when sampling started, taken after
 * full garbage collections (`settle`).
 */
import { memoryUsage } from 'node:process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Node's `gc()`, made available without `--expose-gc` on the command line. */
export function collectGarbage(): void {
  const g = globalThis as { gc?: () => void };
  if (!g.gc) {
    setFlagsFromString('--expose-gc');
    g.gc = runInNewContext('gc') as () => void;
  }
  g.gc();
}

export interface MemoryPeak {
  /** Growth of the resident set over the start, bytes. */
  rss: number;
  /** Growth of V8 heap used + array buffers over the start, bytes. */
  heap: number;
  samples: number;
}

/**
 * Collects garbage until the figures settle: array buffers' memory is returned by a background
 * thread after the collection, so a level read at once can still count buffers already dropped.
 */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    collectGarbage();
    await new Promise((r) => setTimeout(r, 150));
  }
}

export async function memorySampler(everyMs = 5) {
  await settle();
  const start = memoryUsage();
  const base = { rss: start.rss, heap: start.heapUsed + start.arrayBuffers };
  const peak = { rss: 0, heap: 0, samples: 0 };
  const sample = () => {
    const m = memoryUsage();
    peak.rss = Math.max(peak.rss, m.rss - base.rss);
    peak.heap = Math.max(peak.heap, m.heapUsed + m.arrayBuffers - base.heap);
    peak.samples++;
  };
  const timer = setInterval(sample, everyMs);
  return {
    sample,
    stop(): MemoryPeak {
      clearInterval(timer);
      sample();
      return { ...peak };
    },
  };
}
