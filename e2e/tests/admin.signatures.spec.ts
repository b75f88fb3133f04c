// Staff and petition signatures (issue 13): the owner finds a seeded signer by searching, downloads the CSV and finds
// them in it; a reader signs twice within a minute from one address on the public site, with a hostile name and
// postcode — the second signature is held, shown with why, and its name is text, not HTML; the owner releases it
// (its confirmation email arrives) and deletes the other as spam behind the confirmation dialog. A viewer sees
// the list but no export link, and the export's address answers them 403. Axe at desktop size and at 390 px.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { mailTo } from '../support/mail.js';
import { SITE_URL } from '../support/servers.js';
import { acceptInvitation, inviteStaff } from '../support/sign-in.js';

const HUB_EN = '/campaigns/justice-for-sterilised-women';
const HOSTILE_NAME = '<img src=x onerror=alert(1)>';
// The sign form takes postcodes of up to 16 characters; the API's tests use the longer =HYPERLINK("http://x").
const HOSTILE_POSTCODE = '=HYPERLINK("x")';

async function openSignatures(page: Page, query = '') {
  await page.goto(`/signatures${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Signatures' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Signs the English hub as a reader does, in a browser of its own (no staff cookie), JavaScript on or off. */
async function signOnSite(
  page: Page,
  signer: { name: string; email: string; postcode?: string },
): Promise<void> {
  await page.goto(`${SITE_URL}${HUB_EN}`);
  await page.getByRole('textbox', { name: 'Your name' }).fill(signer.name);
  await page.getByRole('textbox', { name: 'Email address' }).fill(signer.email);
  if (signer.postcode) await page.getByRole('textbox', { name: /^Postcode/ }).fill(signer.postcode);
  await page.getByRole('checkbox', { name: /^I agree that/ }).check();
  await page.getByRole('button', { name: 'Sign the petition' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
}

test('the owner finds a signer, exports the CSV with them in it, and it passes axe', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Signatures' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Signatures' })).toBeVisible();

  await page.getByRole('searchbox', { name: 'Name or email' }).fill('tom.hughes@');
  const table = page.getByRole('table');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.getByRole('rowheader')).toHaveText('Tom Hughes tom.hughes@example.co.uk');
  await expect(table).toContainText('Confirmed');
  await expect(page).toHaveURL(/\/signatures\?q=tom\.hughes%40$/);
  await noAxeViolations(page);
  await page.screenshot({ path: '/work/screens/signatures-desktop.png', fullPage: true });

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Export CSV' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^signatures-all-campaigns-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = await readFile((await download.path())!, 'utf8');
  const lines = csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/);
  expect(lines[0]).toBe(
    'Name,Email,Country,Postcode,Status,Signed at (UTC),Confirmed at (UTC),Source,Updates consent,Consent statement version,Campaign',
  );
  // The filter on the page is the export's: only Tom.
  expect(lines).toHaveLength(2);
  expect(lines[1]).toMatch(/^Tom Hughes,tom\.hughes@example\.co\.uk,GB,N1 9GU,Confirmed,/);

  // The export is in the audit log, with who and which.
  await page.goto('/audit');
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'Exported 1 signature from every campaign as CSV (search “tom.hughes@”)' })
      .first(),
  ).toContainText('Rosa Apaza');
});

test('a held signature shows why; its hostile name is text; release emails it, spam keeps it rejected', async ({
  page,
  browser,
}) => {
  const reader = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const site = await reader.newPage();
  const stamp = Date.now();
  const first = `first.${stamp}@example.net`;
  const second = `hostile.${stamp}@example.net`;
  // Two from one address within a minute: the second is held (the signing limit 1/60).
  await signOnSite(site, { name: 'First Signer', email: first });
  await signOnSite(site, { name: HOSTILE_NAME, email: second, postcode: HOSTILE_POSTCODE });
  await reader.close();

  await openSignatures(page, '?status=held');
  await expect(page.getByRole('button', { name: /^Held \(\d+\)$/ })).toHaveAttribute('aria-pressed', 'true');
  const row = page.getByRole('row').filter({ hasText: second });
  await expect(row).toContainText('Why held: More than 1 signature from one address within 60 seconds');
  // The name is shown as the text it is; no element was made of it.
  await expect(row.getByRole('rowheader')).toHaveText(`${HOSTILE_NAME} ${second}`);
  await expect(row).toContainText(HOSTILE_POSTCODE);
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  await noAxeViolations(page);
  await page.screenshot({ path: '/work/screens/signatures-held-desktop.png', fullPage: true });

  await row.getByRole('button', { name: `Release the signature of ${HOSTILE_NAME}` }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'their confirmation email is on its way' }),
  ).toBeVisible();
  await expect.poll(async () => (await mailTo(second)).length, { timeout: 20_000 }).toBe(1);
  await expect(page.getByRole('row').filter({ hasText: second })).toHaveCount(0);

  // Delete as spam asks first, saying nothing is lost.
  await openSignatures(page, `?q=${encodeURIComponent(first)}`);
  await page.getByRole('button', { name: 'Delete the signature of First Signer as spam' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete the signature of First Signer as spam?' });
  await expect(dialog).toContainText('Nothing is lost: the signature is kept, marked rejected');
  await dialog.getByRole('button', { name: 'Delete as spam' }).click();
  await expect(page.getByRole('row').filter({ hasText: first })).toContainText('Rejected');
});

test('a viewer sees the signatures, no export link, and the export answers them 403', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  const link = await inviteStaff(page, `viewer.${Date.now()}@example.org`, 'viewer');
  const { context, page: viewer } = await acceptInvitation(browser, link, {
    name: 'Vera Viewer',
    password: 'a long viewer passphrase',
  });
  await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Signatures' }).click();
  await expect(viewer.getByRole('heading', { level: 1, name: 'Signatures' })).toBeVisible();
  await expect(viewer.getByRole('table').getByRole('rowheader', { name: /^Tom Hughes/ })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Delete the signature/ })).toHaveCount(0);
  const refused = await viewer.request.get('/export/signatures.csv');
  expect(refused.status()).toBe(403);
  expect(refused.headers()['content-disposition']).toBeUndefined();
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the signatures are cards that fit 390px and pass axe', async ({ page }) => {
    await openSignatures(page);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await noAxeViolations(page);
    await page.screenshot({ path: '/work/screens/signatures-390.png', fullPage: true });
  });
});
