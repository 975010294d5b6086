import { resolve } from 'node:path';
import { defineConfig } from 'vitest/config';

const alias = {
  '@shared': resolve(import.meta.dirname, 'shared'),
  '@renderer': resolve(import.meta.dirname, 'renderer'),
  '@resources': resolve(import.meta.dirname, 'resources'),
};

// A test's timeout guards against a hang; it is no time budget (timings belong in `npm run bench`). On a
// shared two-core machine a property that takes 1 s alone took 9 s while other suites ran, and vitest's
// default 5 s failed it for no reason in the code; 60 s still stops a hang. `FC_RUNS=10000`
// (see tests/setup-fast-check.ts) makes properties run far longer still.
const testTimeout = process.env.FC_RUNS ? 3_600_000 : 60_000;

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'node',
          environment: 'node',
          setupFiles: ['tests/setup-fast-check.ts'],
          testTimeout,
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'scripts/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'bench/**/*.test.ts',
          ],
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'web',
          environment: 'jsdom',
          setupFiles: ['tests/setup-web.ts', 'tests/setup-fast-check.ts'],
          testTimeout,
          include: ['renderer/**/*.test.ts', 'renderer/**/*.test.tsx'],
        },
      },
    ],
  },
});
