// The journey the articles issue asks for: an editor (invited by the owner) writes an article and its Spanish
// translation, schedules both a minute ahead in the organisation's time zone, and the worker's sweep publishes
// them: they appear on the home page, on /es/, in the RSS feed and in search — in Chromium.
import { expect, test, type Page } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';
import { acceptInvitation, inviteStaff, signedOut } from '../support/sign-in.js';

const editor = { email: 'writer@example.org', name: 'Wanda Writer', password: 'writer long passphrase' };
const stamp = Date.now().toString(36);
const en = {
  title: `Lima vigil for clean water ${stamp}`,
  body: `Hundreds gathered for clean water in Lima (${stamp}).`,
};
const es = {
  title: `Vigilia por el agua limpia en Lima ${stamp}`,
  body: `Cientos se reunieron por el agua en Lima (${stamp}).`,
};

/** "YYYY-MM-DDTHH:MM" in Europe/London, `minutes` from now — what a datetime-local field holds. */
function londonLocal(minutes: number): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(Date.now() + minutes * 60_000));
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}-${get('month')}-${get('day')}T${get('hour')}:${get('minute')}`;
}

async function write(
  page: Page,
  a: { title: string; body: string },
  language: 'en' | 'es',
  translationOf?: string,
) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await page.getByRole('link', { name: 'New article' }).click();
  await page.getByLabel('Title', { exact: true }).fill(a.title);
  await page.getByLabel('Summary', { exact: true }).fill(a.body);
  await page.getByLabel('Body', { exact: true }).fill(a.body);
  await page.getByLabel('Language', { exact: true }).selectOption(language);
  if (translationOf)
    await page.getByLabel('Translation', { exact: true }).selectOption({ label: translationOf });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  // Schedule a minute or two ahead, in London time whatever this machine's zone.
  await page.getByRole('button', { name: 'Schedule…' }).click();
  await page.getByLabel('Publish at').fill(londonLocal(2));
  await page.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Will be published');
}

test('an editor schedules an article and its translation; the worker publishes them everywhere', async ({
  browser,
  page,
}) => {
  test.setTimeout(240_000);
  // The owner invites the editor.
  await page.goto('/');
  const link = await inviteStaff(page, editor.email, 'editor');

  const { context, page: writer } = await acceptInvitation(browser, link, editor);

  // What the home page's ETag is before: after publishing, a conditional GET with it must get the new page.
  const before = await page.request.get(`${SITE_URL}/`);
  const oldEtag = before.headers()['etag']!;
  expect(oldEtag).toBeTruthy();

  await write(writer, en, 'en');
  await write(writer, es, 'es', en.title);
  await context.close();

  // The worker's sweep runs every minute: poll the public site until both are out.
  const site = await browser.newPage(signedOut);
  await expect
    .poll(async () => (await (await site.request.get(`${SITE_URL}/`)).text()).includes(en.title), {
      timeout: 200_000,
      intervals: [5_000],
    })
    .toBe(true);
  await expect
    .poll(async () => (await (await site.request.get(`${SITE_URL}/es`)).text()).includes(es.title), {
      timeout: 90_000,
    })
    .toBe(true);

  const fresh = await site.request.get(`${SITE_URL}/`, { headers: { 'if-none-match': oldEtag } });
  expect(fresh.status()).toBe(200);
  expect(fresh.headers()['etag']).not.toBe(oldEtag);
  expect(await fresh.text()).toContain(en.title);

  await site.goto(`${SITE_URL}/`);
  await site.getByRole('link', { name: en.title }).click();
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(en.title);
  // The Spanish version is one click away.
  await site
    .getByRole('link', { name: /Español|Leer en español|español/i })
    .first()
    .click();
  await expect(site.getByRole('heading', { level: 1 })).toHaveText(es.title);
  await expect(site.locator('html')).toHaveAttribute('lang', 'es');

  const rss = await (await site.request.get(`${SITE_URL}/feed.xml`)).text();
  expect(rss).toContain(en.title);
  const esRss = await (await site.request.get(`${SITE_URL}/es/feed.xml`)).text();
  expect(esRss).toContain(es.title);

  await site.goto(`${SITE_URL}/search?q=${encodeURIComponent(`vigil ${stamp}`)}`);
  await expect(site.getByRole('link', { name: en.title })).toBeVisible();
  await site.goto(`${SITE_URL}/es/search?q=${encodeURIComponent(`vigilia ${stamp}`)}`);
  await expect(site.getByRole('link', { name: es.title })).toBeVisible();
});
