import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Child-process CLI tests start tsx, which takes a moment on a 2-core machine.
    testTimeout: 30_000,
  },
});
