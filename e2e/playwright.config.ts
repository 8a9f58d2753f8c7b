// End-to-end journeys in the system Chromium against the real local stack (see global-setup.ts).
import { defineConfig } from '@playwright/test';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromiumPath, chromiumFlags } = require('../scripts/chromium.cjs') as {
  chromiumPath(): string;
  chromiumFlags: string[];
};

export default defineConfig({
  testDir: '.',
  globalSetup: './global-setup.ts',
  // One worker: the journeys share one stack, and the machine has two cores.
  workers: 1,
  fullyParallel: false,
  forbidOnly: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  outputDir: '../test-results',
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: { executablePath: chromiumPath(), args: chromiumFlags },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
});
