// Every signed-in admin page, as the owner sees it: it opens with its heading, passes axe with no violation of any
// impact, and on a phone nothing is wider than the screen; so do the signed-out pages, with a refusal on them. And
// the audit log reads as sentences, by section.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { signedOut } from '../support/sign-in.js';

const pages: [path: string, heading: string][] = [
  ['/', 'Dashboard'],
  ['/articles', 'Articles'],
  ['/articles/new', 'New article'],
  ['/topics', 'Topics'],
  ['/signatures', 'Signatures'],
  ['/feeds', 'Partner feeds'],
  ['/jobs', 'Jobs'],
  ['/messages', 'Messages'],
  ['/staff', 'Staff'],
  ['/settings', 'Settings'],
  ['/audit', 'Audit log'],
  ['/account', 'Your account'],
];

async function open(page: Page, path: string, heading: string) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  // Wait for what each page loads, so axe sees the page as a person does.
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

for (const [path, heading] of pages) {
  test(`${heading} (${path}) passes axe`, async ({ page }) => {
    await open(page, path, heading);
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  for (const [path, heading] of pages) {
    test(`${heading} (${path}) fits 390px and passes axe`, async ({ page }) => {
      await open(page, path, heading);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    });
  }
});

test.describe('signed out', () => {
  test.use({ ...signedOut, viewport: { width: 390, height: 844 } });

  test('signing in and asking for a reset link, refused, fit 390px and pass axe', async ({ page }) => {
    const axe = async () => {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const { violations } = await new AxeBuilder({ page }).analyze();
      expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
        [],
      );
    };
    await page.goto('/');
    await page.getByLabel('Email').fill('nobody@example.org');
    await page.getByLabel('Password').fill('not a password of anyone');
    await page.getByRole('button', { name: 'Sign in' }).click();
    // Said at the top of the form, which takes the focus so that it is read out.
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    await expect(page.getByRole('alert')).toBeFocused();
    await axe();

    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Reset your password' })).toBeVisible();
    await axe();
  });
});

test('the audit log says who did what in words, filtered by section', async ({ page }, testInfo) => {
  // Something to find: a test email is an audited action.
  await open(page, '/messages', 'Messages');
  await page.getByRole('button', { name: 'Send me a test email' }).click();
  await expect(page.getByText(/Test message queued for/)).toBeVisible();

  await open(page, '/audit', 'Audit log');
  await page.getByLabel('About').selectOption({ label: 'Messages' });
  const entry = page.getByRole('row', { name: 'Sent a test email to rosa@example.org' }).first();
  await expect(entry).toContainText('Rosa Apaza');
  await expect(entry).toContainText('Messages');
  // Only that section is listed.
  await expect(page.getByRole('table').locator('tbody tr').filter({ hasNotText: 'Messages' })).toHaveCount(0);
  await page.screenshot({ path: testInfo.outputPath('audit.png'), fullPage: true });
});

test('a refused save lists each problem as a link to its field, and keeps what was saved', async ({
  page,
}) => {
  await open(page, '/settings', 'Settings');
  const name = page.getByLabel('Organisation name');
  const siteUrl = page.getByLabel('Site address');
  const savedName = await name.inputValue();
  await name.fill('');
  await siteUrl.fill('not an address');
  await page.getByRole('button', { name: 'Save settings' }).click();

  // The summary takes the focus; from the keyboard, its first link leads to the first field at fault.
  const summary = page.getByRole('alert').filter({ hasText: 'The settings were not saved' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Organisation name is required',
    'Site address: Site URL must be a web address starting with http:// or https://',
  ]);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(name).toBeFocused();
  await summary.getByRole('link', { name: /Site URL must be/ }).click();
  await expect(siteUrl).toBeFocused();
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);

  await page.reload();
  await expect(page.getByLabel('Organisation name')).toHaveValue(savedName);
});

test('your account: a refused name and a wrong current password are said at the top of their form', async ({
  page,
}) => {
  await open(page, '/account', 'Your account');
  const nameForm = page.getByRole('region', { name: 'Name' });
  await nameForm.getByLabel('Your name').fill('');
  await nameForm.getByRole('button', { name: 'Save name' }).click();
  await expect(nameForm.getByRole('alert')).toBeFocused();
  await nameForm.getByRole('alert').getByRole('link').click();
  await expect(nameForm.getByLabel('Your name')).toBeFocused();

  const passwordForm = page.getByRole('region', { name: 'Change your password' });
  await passwordForm.getByLabel('Current password').fill('not the password at all');
  await passwordForm.getByLabel('New password').fill('another long passphrase');
  await passwordForm.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordForm.getByRole('alert')).toHaveText('The current password is not right.');
});
