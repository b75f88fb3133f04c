// Events in the admin (issue 14): the owner writes an event in English and Spanish with accessibility facts, saves
// it as a draft, publishes it (the site shows it in both languages), raises its capacity, and — with people
// registered (written through the db's repository, as the registration service stores them) — reschedules it
// behind a dialog that says everyone registered is emailed: the site says rescheduled and a registrant gets the
// new date by email. The registrations list shows waitlist positions; the CSV comes without and, when ticked, with
// the access needs. A viewer sees no access needs and no export, and the export answers them 403. On a phone the
// owner checks someone in. Axe finds nothing on the list, the editor, the registrations and the check-in list.
import { AxeBuilder } from '@axe-core/playwright';
import { createDb, insertRegistration } from '@ayni/db';
import { aRegistration } from '@ayni/db/testing';
import { expect, test, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { mailTo } from '../support/mail.js';
import { SITE_URL } from '../support/servers.js';
import { acceptInvitation, inviteStaff } from '../support/sign-in.js';

const stamp = Date.now().toString(36);
const SLUG_EN = `vigil-${stamp}`;
const SLUG_ES = `vigilia-${stamp}`;
const people = {
  ana: `ana.${stamp}@example.org`,
  ben: `ben.${stamp}@example.org`,
  cai: `cai.${stamp}@example.org`,
  dee: `dee.${stamp}@example.org`,
};

async function noAxeViolations(page: Page) {
  const { violations } = await new AxeBuilder({ page }).analyze();
  expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function loaded(page: Page, heading: string | RegExp) {
  await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

let eventPath = '';

async function seedRegistrations(eventId: string) {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 9, minute));
    const person = (
      key: keyof typeof people,
      minute: number,
      over: Parameters<typeof aRegistration>[2] = {},
    ) =>
      aRegistration(`reg-${stamp}-${key}`, eventId, {
        name: `${key[0]!.toUpperCase()}${key.slice(1)} Registrant`,
        email: people[key],
        canonicalEmail: people[key],
        createdAt: at(minute),
        ...over,
      });
    await insertRegistration(handle.db, person('ana', 1, { accessNeeds: 'A wheelchair space, please' }));
    await insertRegistration(handle.db, person('ben', 2, { language: 'es' }));
    await insertRegistration(handle.db, person('cai', 3, { status: 'waitlisted' }));
    await insertRegistration(handle.db, person('dee', 4, { status: 'waitlisted' }));
  } finally {
    await handle.destroy();
  }
}

test.describe.configure({ mode: 'serial' });

test('the owner writes, publishes, resizes and reschedules an event; the site and the registrants follow', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Events' }).click();
  await loaded(page, 'Events');
  await noAxeViolations(page);

  await page.getByRole('link', { name: 'New event' }).click();
  await loaded(page, 'New event');
  await page.getByRole('checkbox', { name: 'Written in Spanish' }).check();
  await page.getByLabel('Title (English)').fill('Candlelight vigil for the rivers');
  await page.getByLabel('Slug (English)').fill(SLUG_EN);
  await page.getByLabel('Title (Spanish)').fill('Vigilia por los ríos');
  await page.getByLabel('Slug (Spanish)').fill(SLUG_ES);
  await page.getByLabel('Time zone').selectOption('Europe/London');
  await page.getByLabel('Starts').fill('2027-06-21T18:00');
  await page.getByLabel('Ends').fill('2027-06-21T20:00');
  await page.getByLabel('Venue name').fill('Friends House');
  await page.getByLabel('Venue address').fill('173 Euston Road, London NW1 2BJ');
  await page.getByRole('checkbox', { name: 'Step-free access' }).check();
  await page.getByRole('checkbox', { name: 'Hearing loop' }).check();
  await page.getByLabel('Capacity').fill('2');
  await page.getByRole('button', { name: 'Save draft' }).click();
  await loaded(page, 'Edit event');
  await expect(page).toHaveURL(/\/events\/[^/]+$/);
  eventPath = new URL(page.url()).pathname;
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Draft');
  await noAxeViolations(page);

  // Not on the site yet.
  expect((await page.request.get(`${SITE_URL}/events/${SLUG_EN}`)).status()).toBe(404);
  await page.getByRole('button', { name: 'Publish' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Publish' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Published' })).toBeVisible();
  const site = await page
    .context()
    .browser()!
    .newContext({ storageState: { cookies: [], origins: [] } });
  const reader = await site.newPage();
  await reader.goto(`${SITE_URL}/events/${SLUG_EN}`);
  await expect(
    reader.getByRole('heading', { level: 1, name: 'Candlelight vigil for the rivers' }),
  ).toBeVisible();
  await reader.goto(`${SITE_URL}/es/events/${SLUG_ES}`);
  await expect(reader.getByRole('heading', { level: 1, name: 'Vigilia por los ríos' })).toBeVisible();

  // A larger capacity is a plain save.
  await page.getByLabel('Capacity').fill('3');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('status').filter({ hasText: /^Saved at/ })).toBeVisible();

  await seedRegistrations(eventPath.split('/').at(-1)!);
  await page.reload();
  await loaded(page, 'Edit event');
  await expect(page.getByRole('region', { name: 'Status' })).toContainText(
    '2 of 3 places, 2 on the waitlist',
  );

  const reschedule = page.getByRole('form', { name: 'Reschedule the event' });
  await reschedule.getByLabel('New start').fill('2027-06-28T18:00');
  await reschedule.getByLabel('New end').fill('2027-06-28T20:00');
  await reschedule.getByRole('button', { name: 'Reschedule' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reschedule “Candlelight vigil for the rivers”?' });
  await expect(dialog).toContainText('Everyone registered (4 people) will be emailed the new date');
  await dialog.getByRole('button', { name: 'Reschedule and email everyone' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Rescheduled' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('moved from 21 Jun 2027, 18:00');

  await reader.goto(`${SITE_URL}/events/${SLUG_EN}`);
  await expect(reader.getByText('This event has been rescheduled')).toBeVisible();
  await site.close();
  await expect
    .poll(async () => (await mailTo(people.ana)).map((m) => m.subject), { timeout: 30_000 })
    .toEqual(['New date for “Candlelight vigil for the rivers”']);
  await expect
    .poll(async () => (await mailTo(people.ben)).map((m) => m.subject), { timeout: 30_000 })
    .toEqual(['Nueva fecha para “Vigilia por los ríos”']);
});

test('the registrations show waitlist positions; the CSV carries access needs only when ticked', async ({
  page,
}) => {
  await page.goto(`${eventPath}/registrations`);
  await loaded(page, 'Registrations');
  const table = page.getByRole('table');
  await expect(table.getByRole('row').filter({ hasText: people.cai })).toContainText('No. 1 in line');
  await expect(table.getByRole('row').filter({ hasText: people.dee })).toContainText('No. 2 in line');
  await expect(table.getByRole('row').filter({ hasText: people.ana })).toContainText(
    'A wheelchair space, please',
  );
  await page.getByRole('searchbox', { name: 'Name or email' }).fill('dee.');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await page.getByRole('searchbox', { name: 'Name or email' }).fill('');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  await noAxeViolations(page);

  const download = async () => {
    const downloading = page.waitForEvent('download');
    await page.getByRole('link', { name: 'Export CSV' }).click();
    const file = await downloading;
    expect(file.suggestedFilename()).toMatch(
      new RegExp(`^registrations-${SLUG_EN}-\\d{4}-\\d{2}-\\d{2}\\.csv$`),
    );
    return (await readFile((await file.path())!, 'utf8'))
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r\n/);
  };
  const plain = await download();
  expect(plain[0]).toBe(
    'Name,Email,Status,Waitlist position,Registered at (UTC),Email confirmed at (UTC),Checked in at (UTC),Language',
  );
  expect(plain).toHaveLength(5);
  expect(plain.join('\n')).not.toContain('wheelchair');
  expect(plain[3]).toMatch(new RegExp(`^Cai Registrant,${people.cai.replace('.', '\\.')},Waitlist,1,`));

  await page.getByRole('checkbox', { name: /^Include access needs/ }).check();
  const withNeeds = await download();
  expect(withNeeds[0]).toMatch(/,Access needs$/);
  expect(withNeeds[1]).toMatch(/,A wheelchair space, please$|,"A wheelchair space, please"$/);

  // One place is free (3 places, 2 taken): staff give it to the second in line, by hand.
  await page.getByRole('button', { name: 'Move Dee Registrant off the waitlist' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dee Registrant has a place now' })).toBeVisible();
  await expect(table.getByRole('row').filter({ hasText: people.dee })).toContainText('Confirmed');
  await expect(table.getByRole('row').filter({ hasText: people.cai })).toContainText('No. 1 in line');
  await expect.poll(async () => (await mailTo(people.dee)).length, { timeout: 30_000 }).toBe(2);

  await page.goto('/audit');
  await expect(
    page
      .getByRole('row')
      .filter({ hasText: 'registrations for “Candlelight vigil for the rivers” as CSV, with access needs' })
      .first(),
  ).toBeVisible();

  await page.goto(`${eventPath}/check-in`);
  await loaded(page, 'Check-in list: Candlelight vigil for the rivers');
  await expect(page.getByRole('table')).toContainText('Ana Registrant');
  await noAxeViolations(page);
});

test('a viewer sees no access needs and no export, and the export answers them 403', async ({
  page,
  browser,
}) => {
  await page.goto('/');
  const link = await inviteStaff(page, `v${stamp}@example.org`, 'viewer');
  const { context, page: viewer } = await acceptInvitation(browser, link, {
    name: 'Vic Viewer',
    password: 'a long viewer passphrase',
  });
  await viewer.goto(`${eventPath}/registrations`);
  await loaded(viewer, 'Registrations');
  await expect(viewer.getByRole('table').getByRole('row').filter({ hasText: people.ana })).toBeVisible();
  await expect(viewer.getByText('A wheelchair space, please')).toHaveCount(0);
  await expect(viewer.getByRole('columnheader', { name: 'Access needs' })).toHaveCount(0);
  await expect(viewer.getByRole('link', { name: 'Export CSV' })).toHaveCount(0);
  await expect(viewer.getByRole('button', { name: /^Check in/ })).toHaveCount(0);
  const eventId = eventPath.split('/').at(-1)!;
  for (const query of [`eventId=${eventId}`, `eventId=${eventId}&accessNeeds=yes`]) {
    const refused = await viewer.request.get(`/export/registrations.csv?${query}`);
    expect(refused.status()).toBe(403);
    expect(await refused.text()).not.toContain('wheelchair');
  }
  await context.close();
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });
  test('the owner checks someone in at the door; the page fits 390px and passes axe', async ({ page }) => {
    await page.goto(`${eventPath}/registrations?status=confirmed`);
    await loaded(page, 'Registrations');
    await page.getByRole('button', { name: 'Check in Ben Registrant' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Checked in Ben Registrant.' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: people.ben })).toContainText('Checked in');
    await expect(page.getByRole('button', { name: 'Check in Ben Registrant' })).toHaveCount(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await noAxeViolations(page);
  });
});
