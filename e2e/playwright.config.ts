// End-to-end tests against the production builds of the site, the admin and the worker, all on one fresh
// SQLite database, in Debian's Chromium (CHROMIUM_PATH, default /usr/bin/chromium).
import { defineConfig } from '@playwright/test';
import { ADMIN_URL, SITE_URL } from './support/servers.js';
import { ownerState } from './support/sign-in.js';

export default defineConfig({
  testDir: './tests',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  globalSetup: './support/global-setup.ts',
  use: {
    baseURL: SITE_URL,
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    },
  },
  projects: [
    { name: 'site', testMatch: /site\..*spec\.ts/, use: { baseURL: SITE_URL } },
    // First run (owner setup) happens once; then the owner signs in once, and the other admin journeys start from
    // that session (a spec that tests signing in or out starts signed out: `test.use(signedOut)`).
    { name: 'admin-setup', testMatch: /admin-setup\.spec\.ts/, use: { baseURL: ADMIN_URL } },
    {
      name: 'admin-auth',
      testMatch: /admin-auth\.setup\.ts/,
      use: { baseURL: ADMIN_URL },
      dependencies: ['admin-setup'],
    },
    {
      name: 'admin',
      testMatch: /admin\..*spec\.ts/,
      use: { baseURL: ADMIN_URL, storageState: ownerState },
      dependencies: ['admin-auth'],
    },
  ],
});
