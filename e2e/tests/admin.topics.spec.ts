// Topics in two languages: an editor gives a topic its Spanish name in the admin, and the Spanish site uses it at
// once, while the English site keeps the English name.
import { expect, test } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';
import { signIn } from '../support/sign-in.js';

test('a topic renamed in Spanish shows under its Spanish name on /es', async ({ page }) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Topics' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Topics' })).toBeVisible();

  const form = page.getByRole('form', { name: 'governance' });
  await expect(form.getByLabel('English name')).toHaveValue('Governance');
  await expect(form.getByLabel('Spanish name')).toHaveValue('Gobernanza');

  await form.getByLabel('English name').fill('');
  await form.getByRole('button', { name: 'Save names' }).click();
  await expect(form.getByText('English name is required')).toBeVisible();

  await form.getByLabel('English name').fill('Good governance');
  await form.getByLabel('Spanish name').fill('Buen gobierno');
  await form.getByRole('button', { name: 'Save names' }).click();
  await expect(form.getByRole('status')).toHaveText('Saved.');

  await page.goto(`${SITE_URL}/es/topics/governance`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noticias sobre Buen gobierno');
  await page.goto(`${SITE_URL}/topics/governance`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News about Good governance');
});
