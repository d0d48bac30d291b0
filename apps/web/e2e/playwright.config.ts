import { defineConfig } from '@playwright/test';

/**
 * Browser tests against the real stack: `saddle serve --web` in a temporary data directory
 * (see global-setup.ts), or the stack at SADDLE_E2E_URL when one is already running.
 */
const port = Number(process.env.SADDLE_E2E_PORT ?? 4310);
export const baseURL = process.env.SADDLE_E2E_URL ?? `http://127.0.0.1:${port}`;

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  outputDir: '../test-results/artifacts',
  // Training happens in the tests: quick presets take minutes on two cores.
  timeout: 15 * 60_000,
  expect: { timeout: 30_000 },
  workers: 1,
  fullyParallel: false,
  retries: 0,
  reporter: [['list']],
  globalSetup: './global-setup.ts',
  globalTeardown: './global-teardown.ts',
  use: {
    baseURL,
    viewport: { width: 1360, height: 900 },
    acceptDownloads: true,
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.SADDLE_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
});
