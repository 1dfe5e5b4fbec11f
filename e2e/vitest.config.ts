import { defineConfig } from 'vitest/config';

// Browser tests: one file at a time (one Chromium), generous timeouts for a cold start.
export default defineConfig({
  test: {
    root: import.meta.dirname,
    include: ['src/**/*.e2e.ts'],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
