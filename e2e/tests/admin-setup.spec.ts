// Staff on the admin: first-run setup creates the owner (once), the dashboard's counts match the demo seed and
// show the worker alive (it writes to the same database file), sign out and sign in with the keyboard.
import { countConfirmedSignatures, createDb, type DbHandle } from '@ayni/db';
import { expect, test } from '@playwright/test';
import { owner, signIn } from '../support/sign-in.js';

test.describe.configure({ mode: 'serial' });

let handle: DbHandle | undefined;
const e2eDb = () => (handle ??= createDb(process.env.E2E_DATABASE_URL!));
test.afterAll(async () => {
  await handle?.destroy();
});

test('first run: the owner is created through the setup page', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Welcome to Ayni' })).toBeVisible();
  await page.getByLabel('Your name').fill(owner.name);
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('too short');
  await page.getByRole('button', { name: 'Create owner account' }).click();
  // Said at the top, as a link to the field, and next to the field itself.
  const summary = page.getByRole('alert').filter({ hasText: 'The owner account was not created' });
  await expect(summary.getByRole('link', { name: 'Password must be at least 12 characters' })).toBeVisible();
  await expect(page.getByLabel('Password')).toHaveAccessibleDescription(
    /Password must be at least 12 characters/,
  );

  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Create owner account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await expect(page.getByText(`${owner.name} (owner)`)).toBeVisible();
});

test('the dashboard counts match the demo content and the worker is seen', async ({ page }) => {
  await signIn(page);
  const stat = (section: string, label: string) =>
    page.getByRole('region', { name: section }).locator('.stat', { hasText: label }).locator('.value');
  await expect(stat('Articles', 'Published')).toHaveText('22');
  await expect(stat('Articles', 'Drafts')).toHaveText('1');
  await expect(stat('Articles', 'Static pages')).toHaveText('8');
  await expect(stat('Campaigns', 'Active campaigns')).toHaveText('1');
  // The demo's 4, plus the one a reader confirms in site.campaigns.spec.ts when the site project runs first.
  await expect(stat('Campaigns', 'Confirmed signatures')).toHaveText(
    String(await countConfirmedSignatures(e2eDb().db)),
  );
  await expect(stat('Members', 'Active')).toHaveText('3');
  await expect(stat('Events', 'Upcoming')).toHaveText('1');
  await expect(page.getByText(/Background worker running/)).toBeVisible();

  // A tile opens the list it counts, already filtered, and the filter stays in the address.
  await page.getByRole('region', { name: 'Articles' }).getByRole('link', { name: 'Drafts' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await expect(page.getByLabel('Status')).toHaveValue('draft');
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(1);
  // Choosing another status filters at once, without the Filter button.
  await page.getByLabel('Status').selectOption('published');
  await expect(page).toHaveURL(/\/articles\?status=published$/);
  await expect(page.getByRole('table').locator('tbody tr')).toHaveCount(22);
});

test('a second setup is refused once the owner exists', async ({ request }) => {
  const response = await request.post('/trpc/setup.createOwner', {
    // In superjson's envelope, as the admin's client sends it.
    data: { json: { name: 'Intruder', email: 'intruder@example.org', password: 'another long password' } },
  });
  expect(response.status()).toBe(409);
  expect(JSON.stringify(await response.json())).toContain('Ayni is already set up: sign in instead.');
});

test('sign out, a wrong password, then sign in with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByLabel('Password').press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('heading', { name: 'Sign in to Ayni' })).toBeVisible();

  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill('not the password');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');

  await page.getByLabel('Email').focus();
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Password')).toBeFocused();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type(owner.password);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the dashboard fits a 375px screen', async ({ page }, testInfo) => {
    await signIn(page);
    await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: testInfo.outputPath('dashboard-phone.png'), fullPage: true });
  });
});
