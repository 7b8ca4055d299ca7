import { defineConfig } from 'vitest/config';

// One throwaway Neo4j serves the whole run (see test/support/globalSetup.ts). Files run one at a
// time because they share that database; each file resets the graph it needs in beforeAll.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/support/globalSetup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 240_000,
    reporters: ['default'],
  },
});
