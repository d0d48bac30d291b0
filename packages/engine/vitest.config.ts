import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    // tfjs keeps one global engine per process; files run in separate forks, tests in a file serially.
    pool: 'forks',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
