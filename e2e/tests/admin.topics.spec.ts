// Topics in two languages, on one compact page: an editor gives a topic its Spanish name in place and the Spanish
// site uses it at once, while the English site keeps the English name; a new topic is created, merged into
// another (what carried it carries the other), and an unused one is deleted — each asking first.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();
});

test('a topic renamed in Spanish shows under its Spanish name on /es', async ({ page }) => {
  const row = page.getByRole('row', { name: /^Governance/ });
  const form = row.getByRole('form', { name: 'Names of governance' });
  await expect(form.getByLabel('English name')).toHaveValue('Governance');
  await expect(form.getByLabel('Spanish name')).toHaveValue('Gobernanza');

  await form.getByLabel('English name').fill('');
  await form.getByRole('button', { name: 'Save names' }).click();
  await expect(form.getByLabel('English name')).toHaveAccessibleDescription(/English name is required/);

  await form.getByLabel('English name').fill('Good governance');
  await form.getByLabel('Spanish name').fill('Buen gobierno');
  await form.getByRole('button', { name: 'Save names' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Saved the names of “Good governance”.' }),
  ).toBeVisible();

  await page.goto(`${SITE_URL}/es/topics/governance`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noticias sobre Buen gobierno');
  await page.goto(`${SITE_URL}/topics/governance`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News about Good governance');
});

test('create a topic, merge it into another, delete an unused one', async ({ page }, testInfo) => {
  const name = `Rivers ${Date.now()}`;
  const create = page.getByRole('region', { name: 'New topic' });
  await create.getByLabel('English name').fill(name);
  await create.getByLabel('Spanish name').fill('Ríos');
  await create.getByRole('button', { name: 'Create topic' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Created the topic “${name}”` })).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(`^${name}`) });
  await expect(row).toContainText('Nothing yet');

  // The same name again is refused on its field.
  await create.getByLabel('English name').fill(name.toUpperCase());
  await create.getByRole('button', { name: 'Create topic' }).click();
  await expect(create.getByLabel('English name')).toHaveAccessibleDescription(
    /There is already a topic called/,
  );

  // Unused: it can be deleted, after saying yes.
  await row.getByRole('button', { name: 'Delete' }).click();
  await page
    .getByRole('dialog', { name: `Delete “${name}”?` })
    .getByRole('button', { name: 'Cancel' })
    .click();
  await expect(row).toHaveCount(1);

  // Merged into "Environment": the topic goes.
  await row.getByLabel(`Merge “${name}” into`).selectOption({ label: 'Environment' });
  await row.getByRole('button', { name: 'Merge' }).click();
  const ask = page.getByRole('dialog', { name: `Merge “${name}” into “Environment”?` });
  await expect(ask).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('topics-merge.png'), fullPage: true });
  await ask.getByRole('button', { name: 'Merge' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Merged “${name}” into “Environment”.` }),
  ).toBeVisible();
  await expect(row).toHaveCount(0);
  await expect(page.getByRole('row', { name: /^Environment/ })).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => v.id)).toEqual([]);
  await page.screenshot({ path: testInfo.outputPath('topics.png'), fullPage: true });
});
