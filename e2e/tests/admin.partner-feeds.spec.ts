// Partner feeds, across the admin, the worker and the site: staff add a partner's RSS feed (served by a local
// HTTP server in this test), the worker fetches it, the feed shows as healthy with its 3 items, the items are
// listed on the site's /partners page as credited links out, and one click turns an item into a draft article that
// credits the source. A feed whose server answers 500 shows as failing, with the error, and can be removed.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';
import { acceptInvitation, inviteStaff } from '../support/sign-in.js';

test.describe.configure({ mode: 'serial' });

const partner = { name: 'Cusco Weavers Collective' };

const HOUR = 3_600_000;
const now = Date.now();
const items = [
  {
    title: 'Weavers in Chinchero open a community dye garden',
    slug: 'dye-garden',
    author: 'Nilda Huamán',
    at: new Date(now - 2 * HOUR),
    text: 'Families planted cochineal cacti and indigo so that young weavers can learn natural dyes at home.',
  },
  {
    title: 'Fair-price agreement signed with three Lima shops',
    slug: 'fair-price',
    author: 'Julio Ccori',
    at: new Date(now - 26 * HOUR),
    text: 'The collective agreed a minimum price per piece, reviewed every year with the weavers themselves.',
  },
  {
    title: 'Workshop on land titles for highland women',
    slug: 'land-titles',
    author: 'Nilda Huamán',
    at: new Date(now - 50 * HOUR),
    text: 'Lawyers from Cusco explained how widows can register the plots their families have farmed for decades.',
  },
];
const link = (slug: string) => `https://weavers.example.org/news/${slug}`;

/** An original RSS 2.0 fixture: the partner's three latest items. */
function rss(): string {
  const entries = items
    .map(
      (i) => `    <item>
      <title>${i.title}</title>
      <link>${link(i.slug)}</link>
      <guid isPermaLink="false">weavers-${i.slug}</guid>
      <pubDate>${i.at.toUTCString()}</pubDate>
      <dc:creator>${i.author}</dc:creator>
      <description>&lt;p&gt;${i.text}&lt;/p&gt;</description>
    </item>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel>
    <title>Cusco Weavers Collective — news</title>
    <link>https://weavers.example.org/</link>
    <description>News from a weaving collective in the Sacred Valley.</description>
${entries}
  </channel>
</rss>
`;
}

let server: Server;
let base = '';

test.beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/weavers.xml') {
      res.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8' });
      res.end(rss());
    } else if (req.url === '/broken.xml') {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('Something broke on the partner side');
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

async function openFeeds(page: Page) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partner feeds' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partner feeds' })).toBeVisible();
}

/** One feed on the Feeds page, found by its name. */
const feedCard = (page: Page, name: string) => page.getByRole('article', { name });

/** The value shown for one of a feed's facts ("Items", "Last fetched"…). */
const fact = (scope: Locator, label: string) =>
  scope
    .locator('.facts-grid > div')
    .filter({ has: scope.page().getByText(label, { exact: true }) })
    .locator('dd');

async function addFeed(page: Page, fields: { url: string; name: string; topics?: string }) {
  const form = page.getByRole('region', { name: 'Add a partner feed' });
  await form.getByLabel('Feed address').fill(fields.url);
  await form.getByLabel('Display name').fill(fields.name);
  await form.getByLabel('Language').selectOption('en');
  if (fields.topics) await form.getByLabel('Topics').fill(fields.topics);
  await form.getByRole('button', { name: 'Add feed' }).click();
}

test('staff add a partner feed; the worker imports it; the items are on /partners; one becomes a draft', async ({
  page,
}, testInfo) => {
  await openFeeds(page);
  const form = page.getByRole('region', { name: 'Add a partner feed' });

  // The server's validation message is shown next to the field it is about.
  await addFeed(page, { url: 'ftp://weavers.example.org/feed', name: partner.name });
  const address = form.getByLabel('Feed address');
  await expect(address).toHaveAttribute('aria-invalid', 'true');
  await expect(address).toHaveAccessibleDescription(/must start with http:\/\/ or https:\/\//);

  await address.fill(`${base}/weavers.xml`);
  await form.getByLabel('Topics').fill('Indigenous rights, Fair trade');
  await form.getByRole('button', { name: 'Add feed' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added “${partner.name}”` })).toBeVisible();
  await expect(form.getByLabel('Feed address')).toHaveValue('');

  // Creating the feed enqueues a fetch at once; the page refreshes itself until it is done.
  const card = feedCard(page, partner.name);
  await expect(card.getByText(`${base}/weavers.xml`)).toBeVisible();
  await expect(card.getByText('Healthy', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(fact(card, 'Items')).toHaveText('3');
  await expect(fact(card, 'Last fetched')).not.toHaveText('Not yet');
  await expect(fact(card, 'Last new item')).not.toHaveText('None yet');
  const topicLine = card.getByText(/^Topics for drafts:/);
  await expect(topicLine).toContainText(/indigenous rights/i);
  await expect(topicLine).toContainText(/fair trade/i);
  await page.screenshot({ path: testInfo.outputPath('feeds.png'), fullPage: true });

  // On the site, credited to the partner, as links out.
  const site = await page.context().newPage();
  const first = items[0]!;
  const siteLink = site.getByRole('link', { name: new RegExp(first.title) });
  await expect(async () => {
    await site.goto(`${SITE_URL}/partners`);
    await expect(siteLink).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 20_000 });
  for (const item of items) {
    // Marked as external for screen readers too (an icon alone would say nothing), and credited to the partner.
    const a = site.getByRole('link', { name: `${item.title} (external link)` });
    await expect(a).toHaveAttribute('href', link(item.slug));
    await expect(a).toHaveAttribute('rel', /\bnoopener\b/);
    const entry = site.getByRole('listitem').filter({ has: a });
    await expect(entry).toContainText(`via ${partner.name}`);
    await expect(entry).toContainText(item.author);
  }
  await site.screenshot({ path: testInfo.outputPath('site-partners.png'), fullPage: true });
  await site.close();

  // The feed's own page: its latest items, newest first, each a link out with its date and author.
  await card.getByRole('link', { name: partner.name }).click();
  await expect(page.getByRole('heading', { level: 1, name: partner.name })).toBeVisible();
  const list = page.getByRole('region', { name: 'Latest items' }).getByRole('listitem');
  await expect(list).toHaveCount(3);
  await expect(list.nth(0)).toContainText(first.title);
  await expect(list.nth(0)).toContainText(`by ${first.author}`);
  const out = list.nth(0).getByRole('link', { name: new RegExp(first.title) });
  await expect(out).toHaveAttribute('href', link(first.slug));
  await expect(out).toHaveAttribute('rel', 'noopener noreferrer');

  // One click: a draft with the partner's title, crediting and linking the source.
  await list
    .nth(0)
    .getByRole('button', { name: /^Make draft/ })
    .click();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(first.title);
  const body = page.getByLabel('Body', { exact: true });
  await expect(body).toHaveValue(new RegExp(`Source: \\[${partner.name}\\]\\(<${link(first.slug)}>\\)`));
  await expect(body).toHaveValue(new RegExp(`by ${first.author}`));
  await expect(page.getByLabel('Topics', { exact: true })).toHaveValue(/Indigenous rights/i);
  await expect(page.getByRole('region', { name: 'Status' })).toContainText('Draft');

  // Back on the feed, that item now opens its draft instead of making another.
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: partner.name })).toBeVisible();
  await expect(list.nth(0).getByRole('link', { name: /^Open draft/ })).toBeVisible();
  await expect(list.nth(0).getByRole('button', { name: /^Make draft/ })).toHaveCount(0);
  await expect(list.nth(1).getByRole('button', { name: /^Make draft/ })).toBeVisible();
});

test('a feed whose server answers 500 shows as failing, with the error; it can be paused and removed', async ({
  page,
}, testInfo) => {
  await openFeeds(page);
  const name = 'Puno Radio Network';
  await addFeed(page, { url: `${base}/broken.xml`, name });
  const card = feedCard(page, name);
  await expect(card.getByText('Failing', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(card).toContainText('The last fetch failed.');
  await expect(card).toContainText(/HTTP 500/);
  await expect(fact(card, 'Items')).toHaveText('0');
  // The healthy feed is untouched.
  await expect(feedCard(page, partner.name).getByText('Healthy', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /2 feeds.*1 failing/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('feeds-failing.png'), fullPage: true });

  // The dashboard says so too, with the way to the feeds.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Dashboard' }).click();
  const feeds = page.getByRole('region', { name: 'Partner feeds' });
  await expect(feeds.getByText('A partner feed is failing')).toBeVisible();
  await feeds.getByRole('link', { name: 'see what went wrong' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partner feeds' })).toBeVisible();

  await card.getByRole('button', { name: `Pause ${name}` }).click();
  await expect(card.getByText('Paused', { exact: true })).toBeVisible();
  await expect(card.getByRole('button', { name: `Resume ${name}` })).toBeVisible();
  // The error stays on record while paused.
  await expect(fact(card, 'Last error')).toContainText(/HTTP 500/);

  // Removing asks first, in the admin's own dialog: Cancel keeps the feed, the dialog's Remove goes ahead.
  await card.getByRole('button', { name: `Remove ${name}` }).click();
  const ask = page.getByRole('dialog', { name: `Remove “${name}”?` });
  await expect(ask).toContainText('Drafts already made from them are kept.');
  await ask.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toHaveCount(0);
  await expect(card).toHaveCount(1);
  await card.getByRole('button', { name: `Remove ${name}` }).click();
  await page
    .getByRole('dialog', { name: `Remove “${name}”?` })
    .getByRole('button', { name: 'Remove' })
    .click();
  await expect(page.getByRole('status').filter({ hasText: `Removed “${name}”` })).toBeVisible();
  await expect(card).toHaveCount(0);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('the Feeds page and a feed’s page fit a 390px screen', async ({ page }, testInfo) => {
    await openFeeds(page);
    await expect(feedCard(page, partner.name).getByText('Healthy', { exact: true })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('feeds-phone.png'), fullPage: true });

    await feedCard(page, partner.name).getByRole('link', { name: partner.name }).click();
    await expect(page.getByRole('region', { name: 'Latest items' }).getByRole('listitem')).toHaveCount(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('feed-phone.png'), fullPage: true });
  });
});

test('a viewer sees the feeds and their items, without the controls', async ({ browser, page }) => {
  const viewer = { email: 'vera@example.org', name: 'Vera Mamani', password: 'vera long passphrase' };
  const invitation = await inviteStaff(page, viewer.email, 'viewer');

  const { context, page: reader } = await acceptInvitation(browser, invitation, viewer);

  await openFeeds(reader);
  const card = feedCard(reader, partner.name);
  await expect(card.getByText('Healthy', { exact: true })).toBeVisible();
  await expect(fact(card, 'Items')).toHaveText('3');
  await expect(reader.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(reader.getByRole('region', { name: 'Add a partner feed' })).toHaveCount(0);

  await card.getByRole('link', { name: partner.name }).click();
  const list = reader.getByRole('region', { name: 'Latest items' }).getByRole('listitem');
  await expect(list).toHaveCount(3);
  // The draft made earlier can be opened (read-only); no new drafts, no feed controls, no edit form.
  await expect(list.nth(0).getByRole('link', { name: /^Open draft/ })).toBeVisible();
  await expect(reader.getByRole('main').getByRole('button')).toHaveCount(0);
  await expect(reader.getByRole('region', { name: 'Change this feed' })).toHaveCount(0);
  await context.close();
});
