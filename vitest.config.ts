import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The CLI tests run the compiled bin: build it first, so they never meet a stale one.
    globalSetup: ['test/cli/buildBin.ts'],
    // Child-process tests that start tsx (`start`, the shard and e2e tests) take a moment on a
    // 2-core machine.
    testTimeout: 30_000,
  },
});
