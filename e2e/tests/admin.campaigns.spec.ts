// Campaigns in the admin (issue 13): a campaigner, invited by the owner, writes a campaign in English and Spanish
// with a petition and a milestone, saves it as a draft (not on the site yet), launches it — the site shows it at
// /campaigns/<slug> and /es/campaigns/<slug> — then closes it with a reason, and the hub shows it closed with that
// reason and no sign form. Leaving with unsaved changes asks first. A viewer sees the campaign with no edit
// controls, and the API refuses them a status change. Axe finds nothing on the list and the editor, at desktop size
// and 390 px wide.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';
import { acceptInvitation, inviteStaff } from '../support/sign-in.js';

// Short, so the addresses fit the Messages and Audit log tables that admin.pages.spec.ts checks after this file.
const stamp = Date.now().toString(36);
const SLUG_EN = `water-is-life-${stamp}`;
const SLUG_ES = `el-agua-es-vida-${stamp}`;
const REASON = 'We delivered the petition to the Minister on 3 December.';

async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The campaign's editor address, once it has one. */
let editorPath = '';

test.describe.configure({ mode: 'serial' });

test('a campaigner writes a campaign in two languages, launches it, closes it, and the site follows', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  const link = await inviteStaff(page, `c${stamp}@example.org`, 'campaigner');
  const { context, page: staff } = await acceptInvitation(browser, link, {
    name: 'Carla Campaigner',
    password: 'a long campaigner passphrase',
  });

  await staff.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Campaigns' })).toBeVisible();
  await expect(
    staff.getByRole('rowheader', { name: 'Justice for women sterilised without consent' }),
  ).toBeVisible();
  await noAxeViolations(staff);

  await staff.getByRole('link', { name: 'New campaign' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'New campaign' })).toBeVisible();
  await staff.getByRole('checkbox', { name: 'Written in Spanish' }).check();
  await staff
    .getByRole('group', { name: 'Texts in English' })
    .getByLabel('Title (English)')
    .fill('Water is life');
  await staff.getByLabel('Slug (English)').fill(SLUG_EN);
  await staff.getByLabel('Summary (English)').fill('Clean water for every home in Cusco.');
  await staff.getByLabel('Story (English)', { exact: true }).fill('## Why\n\nThe rivers are running dry.');
  await staff.getByLabel('Petition text (English)').fill('We call on the Minister to protect the rivers.');
  await staff
    .getByRole('group', { name: 'Texts in Spanish' })
    .getByLabel('Title (Spanish)')
    .fill('El agua es vida');
  await staff.getByLabel('Slug (Spanish)').fill(SLUG_ES);
  await staff.getByLabel('Summary (Spanish)').fill('Agua limpia para cada hogar del Cusco.');
  await staff.getByLabel('Story (Spanish)', { exact: true }).fill('## Por qué\n\nLos ríos se están secando.');
  await staff.getByLabel('Petition text (Spanish)').fill('Pedimos al Ministro que proteja los ríos.');
  await staff.getByLabel('Petition target').fill('The Minister of the Environment');
  await staff.getByLabel('Signature goal').fill('1000');
  await staff.getByLabel('Deadline', { exact: true }).fill('2030-06-30T18:00');
  await expect(staff.getByText(/^Closes on 30 Jun 2030, 18:00/)).toBeVisible();

  // Saving without the milestone's Spanish title names that field.
  await staff.getByRole('button', { name: 'Add a milestone' }).click();
  const milestone = staff.locator('.milestone').first();
  await milestone.getByLabel('Title (English)').fill('500 signatures');
  await milestone.getByLabel('Signature threshold').fill('500');
  await staff.getByRole('button', { name: 'Save draft' }).click();
  const summary = staff.getByRole('alert').filter({ hasText: 'The campaign was not saved' });
  await expect(summary).toContainText('Milestone 1 title (Spanish)');
  await summary.getByRole('link', { name: /Milestone 1 title \(Spanish\)/ }).click();
  await expect(milestone.getByLabel('Title (Spanish)')).toBeFocused();
  await milestone.getByLabel('Title (Spanish)').fill('500 firmas');
  await staff.getByRole('button', { name: 'Save draft' }).click();

  await expect(staff).toHaveURL(/\/campaigns\/[\w-]+$/);
  await expect(staff.getByRole('heading', { level: 1, name: 'Edit campaign' })).toBeVisible();
  await expect(staff.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();
  editorPath = new URL(staff.url()).pathname;
  const status = staff.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Draft');
  await expect(status).toContainText('0 of 1,000 confirmed signatures');
  // A draft is not on the site.
  expect((await staff.request.get(`${SITE_URL}/campaigns/${SLUG_EN}`)).status()).toBe(404);
  await noAxeViolations(staff);
  // The save bar sticks to the bottom of the window, so the editor is looked at a window and a part at a time.
  await staff.screenshot({ path: '/work/screens/campaign-editor-desktop.png' });
  await staff
    .getByRole('group', { name: 'Milestones' })
    .screenshot({ path: '/work/screens/campaign-editor-milestones-desktop.png' });

  // A change not saved yet: leaving asks first, and the status buttons wait for the save.
  await staff.getByLabel('Summary (English)').fill('Clean water for every home in Cusco and Puno.');
  await expect(status.getByRole('button', { name: 'Launch' })).toBeDisabled();
  const asked = new Promise<string>((resolve) =>
    staff.once('dialog', (d) => {
      resolve(d.message());
      void d.dismiss();
    }),
  );
  await staff.getByRole('link', { name: '← All campaigns' }).click();
  expect(await asked).toBe('This campaign has changes that are not saved. Leave without saving them?');
  await expect(staff.getByRole('heading', { level: 1, name: 'Edit campaign' })).toBeVisible();
  await staff.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(staff.getByText('Unsaved changes')).toHaveCount(0);

  await status.getByRole('button', { name: 'Launch' }).click();
  const dialog = staff.getByRole('dialog', { name: 'Launch “Water is life”?' });
  await dialog.getByRole('button', { name: 'Launch' }).click();
  await expect(status.getByRole('status')).toHaveText('Launched: the campaign is on the site.');
  await expect(status).toContainText(`${SITE_URL}/campaigns/${SLUG_EN}`);

  const reader = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const hub = await reader.newPage();
  await hub.goto(`${SITE_URL}/campaigns/${SLUG_EN}`);
  await expect(hub.getByRole('heading', { level: 1, name: 'Water is life' })).toBeVisible();
  await expect(hub.getByText('We call on the Minister to protect the rivers.')).toBeVisible();
  await expect(hub.getByRole('button', { name: 'Sign the petition' })).toBeVisible();
  await expect(hub.getByText('500 signatures')).toBeVisible();
  await hub.goto(`${SITE_URL}/es/campaigns/${SLUG_ES}`);
  await expect(hub.getByRole('heading', { level: 1, name: 'El agua es vida' })).toBeVisible();
  await expect(hub.getByText('Pedimos al Ministro que proteja los ríos.')).toBeVisible();
  await expect(hub.locator('.timeline li.reached')).toHaveCount(0);

  // Marking the milestone reached by hand asks first (it emails people), then the hub's timeline shows it.
  const milestones = staff.getByRole('group', { name: 'Milestones' });
  await milestones.getByRole('button', { name: 'Mark “500 signatures” reached' }).click();
  await staff
    .getByRole('dialog', { name: 'Mark “500 signatures” reached?' })
    .getByRole('button', { name: 'Mark reached' })
    .click();
  await expect(milestones.getByRole('status')).toHaveText(
    'Marked “500 signatures” reached: the signers who asked for news are being emailed.',
  );
  await expect(milestones.getByRole('button', { name: 'Mark “500 signatures” reached' })).toHaveCount(0);
  await expect(staff.getByText('Unsaved changes')).toHaveCount(0);
  await hub.goto(`${SITE_URL}/campaigns/${SLUG_EN}`);
  await expect(hub.locator('.timeline li.reached')).toContainText('500 signatures');

  // Closing needs a reason, in words.
  await status.getByRole('button', { name: 'Close the campaign' }).click();
  await staff.getByRole('dialog').getByRole('button', { name: 'Close the campaign' }).click();
  await expect(status.getByRole('alert')).toHaveText('Reason is required');
  await status.getByLabel('Why it closes').fill(REASON);
  await status.getByRole('button', { name: 'Close the campaign' }).click();
  await staff
    .getByRole('dialog', { name: 'Close “Water is life”?' })
    .getByRole('button', { name: 'Close the campaign' })
    .click();
  await expect(status.getByRole('status')).toHaveText(
    'Closed: the campaign’s page shows it closed, with your reason.',
  );
  await expect(status).toContainText(`Closed: ${REASON}`);

  await hub.goto(`${SITE_URL}/campaigns/${SLUG_EN}`);
  await expect(hub.getByText('This petition is closed.', { exact: false })).toBeVisible();
  await expect(hub.getByText(REASON)).toBeVisible();
  await expect(hub.getByRole('button', { name: 'Sign the petition' })).toHaveCount(0);
  await reader.close();

  // The audit log says what happened, in sentences.
  await page.goto('/audit?section=campaigns');
  await expect(page.getByText('Launched the campaign “Water is life”')).toBeVisible();
  await expect(page.getByText(`Closed the campaign “Water is life”: “${REASON}”`)).toBeVisible();
  await context.close();
});

test('a viewer sees the campaign with no edit controls, and the API refuses them', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  const link = await inviteStaff(page, `v${stamp}@example.org`, 'viewer');
  const { context, page: viewer } = await acceptInvitation(browser, link, {
    name: 'Victor Viewer',
    password: 'a long viewer passphrase',
  });
  await viewer.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Campaigns' }).click();
  await expect(viewer.getByRole('rowheader', { name: 'Water is life' })).toBeVisible();
  await expect(viewer.getByRole('link', { name: 'New campaign' })).toHaveCount(0);
  await viewer.getByRole('link', { name: 'Water is life', exact: true }).click();
  await expect(viewer.getByText('You can read this campaign but not change it.')).toBeVisible();
  await expect(
    viewer.getByRole('group', { name: 'Texts in English' }).getByLabel('Title (English)'),
  ).toBeDisabled();
  await expect(viewer.getByRole('button', { name: /^(Save|Reopen|Launch|Close the campaign)$/ })).toHaveCount(
    0,
  );
  await expect(viewer.getByRole('button', { name: 'Add a milestone' })).toHaveCount(0);

  const id = editorPath.split('/').at(-1)!;
  const refused = await viewer.request.post('/trpc/campaigns.reopen', {
    data: { json: { id, updatedAt: new Date().toISOString() }, meta: { values: { updatedAt: ['Date'] } } },
  });
  expect(refused.status()).toBe(403);
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the list and the editor fit 390px and pass axe', async ({ page }) => {
    await page.goto('/campaigns');
    await expect(page.getByRole('rowheader', { name: 'Water is life' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await noAxeViolations(page);
    await page.goto(editorPath);
    await expect(page.getByRole('heading', { level: 1, name: 'Edit campaign' })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await noAxeViolations(page);
    await page.screenshot({ path: '/work/screens/campaign-editor-390.png' });
    await page
      .getByRole('group', { name: 'Milestones' })
      .screenshot({ path: '/work/screens/campaign-editor-milestones-390.png' });
  });
});
