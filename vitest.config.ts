import { configDefaults, defineConfig } from 'vitest/config';

/**
 * Tests that hold the bot to a latency the issues set (a group answered within 2 s during another
 * group's flood, a stalled store given up within its deadline). They run after all the others, one
 * file at a time, so what they measure is the bot, not the rest of the suite competing for the CPU.
 */
const LATENCY = [
  'test/adapters/telegram/flood.e2e.test.ts',
  'test/adapters/discord/flood.e2e.test.ts',
  'test/probes/storeStall.test.ts',
  'test/adapters/telegram/pictures.e2e.test.ts',
];

export default defineConfig({
  test: {
    // Child-process tests that start tsx (`start`, the shard and e2e tests) take a moment on a
    // 2-core machine.
    testTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'rumorguard',
          include: ['test/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...LATENCY],
          // The CLI tests run the compiled bin: build it first, so they never meet a stale one
          // (once: the latency tests do not use it).
          globalSetup: ['test/cli/buildBin.ts'],
        },
      },
      {
        extends: true,
        test: { name: 'latency', include: LATENCY, fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
});
