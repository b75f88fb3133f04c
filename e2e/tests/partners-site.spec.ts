// A reader meets partner news: items stored for an English and a Spanish partner feed show on the home page and
// at /partners and /es/partners as links out, hostile titles and summaries stay text, the list pages through
// without JavaScript, the partners feed is RSS 2.0, repeat requests get 304, and axe finds nothing serious.
// The items go straight into the e2e database through the same repository functions the worker uses; the feeds
// are paused so the worker never tries to fetch their made-up addresses. The database is shared, so names carry
// a random suffix, and only five items are dated just ahead of now (the home page's five, also the top of
// /partners); the rest, there to make a second page, are dated years back so they never push other specs'
// partner items off the first page. The feeds and their items are removed at the end, so later specs (the admin
// counts its feeds) find the database as it was.
import { randomUUID } from 'node:crypto';
import { AxeBuilder } from '@axe-core/playwright';
import {
  createDb,
  createPartnerFeed,
  deletePartnerFeed,
  markSiteChanged,
  recordPartnerFeedFetched,
  setPartnerFeedPaused,
} from '@ayni/db';
import { expect, test, type Page } from '@playwright/test';

type FeedInput = Parameters<typeof createPartnerFeed>[1];
type NewItem = Parameters<typeof recordPartnerFeedFetched>[3]['items'][number];

const run = randomUUID().slice(0, 8);
// The last part would end a CDATA section in the partners feed and open an element of its own, were it not defused
// (the feed package breaks only the first "]]>" of a text).
const HOSTILE =
  '<script>alert(1)</script> <img src=x onerror=alert(1)> ]]>]]></title><description>injected</description>';
const EN_SOURCE = `Red Andina ${run}`;
const ES_SOURCE = `Red Andina Sur ${run}`;
const HOSTILE_TITLE = `Hostile headline ${run} ${HOSTILE}`;
const HOSTILE_SUMMARY = `A summary with ${HOSTILE} written as text.`;
const HOSTILE_LINK = `https://red-andina-${run}.example/news/hostile?ref=rss&x=1`;
const EN_COUNT = 22;
const enTitle = (n: number) => `Andean water report ${run} part ${String(n).padStart(2, '0')}`;
const enLink = (n: number) => `https://red-andina-${run}.example/news/${n}`;
const ES_TITLES = [`Informe del agua ${run} primera parte`, `Informe del agua ${run} segunda parte`];

/** The accessible name of an item's link: its title plus the words that mark it as external. */
const linkName = (title: string, lang: 'en' | 'es' = 'en') =>
  `${title} ${lang === 'en' ? '(external link)' : '(enlace externo)'}`;

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** Fails the test if anything on the page opens an alert (the payloads call alert(1)). */
function watchDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

/** The feeds this file created, removed (with their items) when it ends. */
const feedIds: string[] = [];

function openDatabase() {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error('E2E_DATABASE_URL is not set: run through the Playwright global setup');
  return createDb(databaseUrl);
}

test.beforeAll(async () => {
  const handle = openDatabase();
  try {
    const now = new Date();
    // Newest first: the hostile item and parts 01–04 just ahead of now (and of anything another spec imports);
    // parts 05–22 in 2001, one a day going back, so they sort after everyone else's items.
    const top = now.getTime() + 3_600_000;
    const at = (minutesBefore: number) => new Date(top - minutesBefore * 60_000);
    const recent = (part: number) =>
      part <= 4 ? at(part) : new Date(Date.UTC(2001, 5, 1) - part * 24 * 3_600_000);
    const addFeed = async (input: FeedInput, items: NewItem[]) => {
      const feed = await createPartnerFeed(handle.db, input, { id: randomUUID(), now });
      feedIds.push(feed.id);
      await setPartnerFeedPaused(handle.db, feed.id, true, now);
      const { added } = await recordPartnerFeedFetched(
        handle.db,
        feed.id,
        feed.url,
        { etag: null, lastModified: null, items, warnings: [] },
        { now, newId: randomUUID },
      );
      expect(added).toBe(items.length);
      // As the worker's unit of work does after a fetch that found new items.
      await markSiteChanged(handle.db, ['partner-items']);
    };
    await addFeed(
      { url: `https://red-andina-${run}.example/feed.xml`, name: EN_SOURCE, language: 'en', topics: [] },
      [
        {
          key: `hostile-${run}`,
          link: HOSTILE_LINK,
          title: HOSTILE_TITLE,
          summary: HOSTILE_SUMMARY,
          author: `Ana <b>Quispe</b> ${run}`,
          publishedAt: at(0),
        },
        ...Array.from({ length: EN_COUNT }, (_, i) => ({
          key: `en-${i + 1}`,
          link: enLink(i + 1),
          title: enTitle(i + 1),
          summary: i === 0 ? '' : `Findings on water quality around Lake Titicaca, part ${i + 1}.`,
          author: null,
          publishedAt: recent(i + 1),
        })),
      ],
    );
    await addFeed(
      { url: `https://red-andina-sur-${run}.example/feed.xml`, name: ES_SOURCE, language: 'es', topics: [] },
      ES_TITLES.map((title, i) => ({
        key: `es-${i + 1}`,
        link: `https://red-andina-sur-${run}.example/noticias/${i + 1}`,
        title,
        summary: `Resultados sobre la calidad del agua, parte ${i + 1}.`,
        author: null,
        publishedAt: at(i + 1),
      })),
    );
  } finally {
    await handle.destroy();
  }
});

test.afterAll(async () => {
  const handle = openDatabase();
  try {
    for (const id of feedIds.splice(0)) await deletePartnerFeed(handle.db, id);
  } finally {
    await handle.destroy();
  }
});

test('/partners lists partner news as marked links out, with hostile text shown as text', async ({
  page,
}, testInfo) => {
  const dialogs = watchDialogs(page);
  const response = await page.goto('/partners');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News from our partners');
  await expect(page.getByText('What the organisations we work with are publishing')).toBeVisible();
  await expect(page).toHaveTitle(/^News from our partners – /);

  const list = page.locator('.partner-list');
  await expect(list.locator(':scope > li')).toHaveCount(20);
  const hostile = page.getByRole('link', { name: linkName(HOSTILE_TITLE), exact: true });
  await expect(hostile).toHaveAttribute('href', HOSTILE_LINK);
  const rel = ((await hostile.getAttribute('rel')) ?? '').split(/\s+/);
  expect(rel).toEqual(expect.arrayContaining(['noopener', 'noreferrer', 'nofollow']));
  // The first item: hostile title and summary as visible text, credited, dated, with its author.
  const first = list.locator(':scope > li').first();
  await expect(first.getByRole('heading', { level: 2 })).toContainText(HOSTILE_TITLE);
  await expect(first).toContainText(HOSTILE_SUMMARY);
  await expect(first).toContainText(`via ${EN_SOURCE}`);
  await expect(first).toContainText(`by Ana <b>Quispe</b> ${run}`);
  await expect(first.locator('time')).toHaveText(/^\d{1,2} [A-Z][a-z]+ \d{4}$/);
  await expect(page.locator('main script, main img, main b')).toHaveCount(0);

  const part1 = page.getByRole('link', { name: linkName(enTitle(1)), exact: true });
  await expect(part1).toHaveAttribute('href', enLink(1));
  expect(new URL((await part1.getAttribute('href'))!).host).not.toBe(new URL(page.url()).host);
  // Every item on the page points out of the site and keeps the opener and referrer to itself.
  const links = await list
    .locator('a')
    .evaluateAll((as) =>
      as.map((a) => ({ host: new URL((a as HTMLAnchorElement).href).host, rel: a.getAttribute('rel') })),
    );
  for (const link of links) {
    expect(link.host).not.toBe(new URL(page.url()).host);
    expect(link.rel).toContain('noopener');
  }
  await expect(page.getByText(ES_TITLES[0]!)).toHaveCount(0);

  // Head: canonical, hreflang pair, the partners feed.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/partners$/);
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute(
    'href',
    /\/es\/partners$/,
  );
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    'href',
    /[^s]\/partners$/,
  );
  await expect(
    page.locator('link[rel="alternate"][type="application/rss+xml"][href="/partners/feed.xml"]'),
  ).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('partners-desktop.png'), fullPage: true });
  await expectNoSeriousAxeViolations(page);

  // Following a link leaves for the partner's site (answered here without the network).
  await page.route(`https://red-andina-${run}.example/**`, (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Partner</title><h1>Partner site</h1>' }),
  );
  await part1.click();
  await expect(page).toHaveURL(enLink(1));
  expect(dialogs).toEqual([]);
});

test('the home page shows the five latest partner items in its language and links to the rest', async ({
  page,
}, testInfo) => {
  const dialogs = watchDialogs(page);
  await page.goto('/');
  const section = page.getByRole('region', { name: 'From our partners' });
  await expect(section.getByRole('heading', { level: 3 })).toHaveCount(5);
  await expect(section.getByRole('link', { name: linkName(HOSTILE_TITLE), exact: true })).toHaveAttribute(
    'href',
    HOSTILE_LINK,
  );
  await expect(section).toContainText(HOSTILE_TITLE);
  for (const n of [1, 2, 3, 4]) {
    await expect(section.getByRole('link', { name: linkName(enTitle(n)), exact: true })).toHaveAttribute(
      'href',
      enLink(n),
    );
  }
  await expect(section.getByText(enTitle(5))).toHaveCount(0);
  await expect(section).toContainText(`via ${EN_SOURCE}`);
  await expect(section.locator('script, img')).toHaveCount(0);
  await section.screenshot({ path: testInfo.outputPath('home-partners.png') });
  await section.getByRole('link', { name: 'All news from our partners' }).click();
  await expect(page).toHaveURL(/\/partners$/);

  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Partners' }).click();
  await expect(page).toHaveURL(/\/partners$/);

  await page.goto('/es');
  const es = page.getByRole('region', { name: 'De nuestras contrapartes' });
  await expect(es.getByRole('link', { name: linkName(ES_TITLES[0]!, 'es'), exact: true })).toBeVisible();
  await expect(es).toContainText(`vía ${ES_SOURCE}`);
  await expect(es).not.toContainText(enTitle(1));
  await expect(page.locator('.partner-list time').first()).toHaveText(/^\d{1,2} de [a-z]+ de \d{4}$/);
  expect(dialogs).toEqual([]);
});

test('/es/partners holds only Spanish partner news, in Spanish', async ({ page }) => {
  const response = await page.goto('/es/partners');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noticias de nuestras contrapartes');
  for (const title of ES_TITLES) {
    await expect(page.getByRole('link', { name: linkName(title, 'es'), exact: true })).toBeVisible();
  }
  await expect(page.getByText(`vía ${ES_SOURCE}`).first()).toBeVisible();
  await expect(page.getByText(enTitle(1))).toHaveCount(0);
  await expect(page.getByText(HOSTILE_TITLE)).toHaveCount(0);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', /\/es\/partners$/);
  await expect(
    page.locator('link[rel="alternate"][type="application/rss+xml"][href="/es/partners/feed.xml"]'),
  ).toHaveCount(1);
  await expect(
    page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Contrapartes' }),
  ).toHaveAttribute('href', '/es/partners');
  await page
    .getByRole('banner')
    .getByRole('link', { name: /english/i })
    .click();
  await expect(page).toHaveURL(/\/partners$/);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await page.goto('/es/partners');
  await expectNoSeriousAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('/partners pages through with plain links', async ({ page }) => {
    await page.goto('/partners');
    const items = page.locator('.partner-list > li');
    await expect(items).toHaveCount(20);
    await expect(items.nth(1)).toContainText(enTitle(1));
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(pages.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(pages.getByRole('link', { name: 'Previous' })).toHaveCount(0);
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/partners\?page=2$/);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(/^News from our partners – page 2 of \d+$/);
    const last = Number(/of (\d+)$/.exec((await heading.textContent()) ?? '')?.[1]);
    await expect(pages.getByRole('link', { name: 'Page 2', exact: true })).toHaveAttribute(
      'aria-current',
      'page',
    );
    await expect(page.getByText(enTitle(1))).toHaveCount(0);
    await pages.getByRole('link', { name: 'Previous' }).click();
    await expect(page).toHaveURL(/\/partners$/);
    await expect(items.nth(1)).toContainText(enTitle(1));
    // The oldest item (part 22, in 2001) closes the last page, which has no Next.
    await pages.getByRole('link', { name: `Page ${last}`, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/partners\\?page=${last}$`));
    await expect(items.last()).toContainText(enTitle(EN_COUNT));
    await expect(pages.getByRole('link', { name: 'Next' })).toHaveCount(0);
    expect((await page.request.get(`/partners?page=${last + 1}`)).status()).toBe(404);
    expect((await page.request.get('/partners?page=abc')).status()).toBe(404);
  });
});

test('the partners feeds are RSS 2.0 with each item linking to the partner', async ({ page, request }) => {
  const response = await request.get('/partners/feed.xml');
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toContain('application/rss+xml');
  const xml = await response.text();
  await page.goto('about:blank');
  const parse = (source: string) =>
    page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const one = (el: Element, name: string) =>
        Array.from(el.children).find((c) => c.localName === name)?.textContent ?? null;
      const channel = doc.querySelector('rss > channel');
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.localName,
        version: doc.documentElement.getAttribute('version'),
        channel: channel
          ? {
              title: one(channel, 'title'),
              link: one(channel, 'link'),
              description: one(channel, 'description'),
              language: one(channel, 'language'),
            }
          : null,
        items: Array.from(doc.querySelectorAll('rss > channel > item')).map((item) => {
          const description = one(item, 'description');
          const html = description ? new DOMParser().parseFromString(description, 'text/html') : null;
          return {
            title: one(item, 'title'),
            link: one(item, 'link'),
            guid: one(item, 'guid'),
            permaLink: item.querySelector('guid')?.getAttribute('isPermaLink') ?? null,
            pubDate: one(item, 'pubDate'),
            creator: one(item, 'creator'),
            descriptionText: html?.body.textContent ?? null,
            descriptionElements: html
              ? Array.from(html.body.querySelectorAll('*')).map((e) => e.localName)
              : [],
          };
        }),
      };
    }, source);

  const feed = await parse(xml);
  expect(feed.error).toBeNull();
  expect(feed.root).toBe('rss');
  expect(feed.version).toBe('2.0');
  expect(feed.channel).toMatchObject({ language: 'en', link: expect.stringMatching(/\/partners$/) });
  expect(feed.channel?.title).toMatch(/From our partners$/);
  expect(feed.channel?.description).toBeTruthy();
  expect(feed.items.length).toBe(20);
  for (const item of feed.items) {
    expect(item.title).toBeTruthy();
    expect(item.link).toMatch(/^https?:\/\//);
    expect(item.guid).toBeTruthy();
    expect(item.permaLink).toBe('false');
    expect(Number.isNaN(Date.parse(item.pubDate ?? ''))).toBe(false);
  }
  const hostile = feed.items[0]!;
  expect(hostile).toMatchObject({
    // RSS titles are plain text in CDATA: the "]]>" that would have ended it is written "]]&gt;".
    title: `${HOSTILE_TITLE.replaceAll(']]>', ']]&gt;')} (via ${EN_SOURCE})`,
    link: HOSTILE_LINK,
    creator: `Ana <b>Quispe</b> ${run}`,
    descriptionText: HOSTILE_SUMMARY,
    descriptionElements: ['p'],
  });
  expect(feed.items[1]).toMatchObject({ title: `${enTitle(1)} (via ${EN_SOURCE})`, link: enLink(1) });
  expect(feed.items.some((i) => i.descriptionText === 'injected')).toBe(false);
  expect(feed.items.some((i) => i.title?.startsWith(ES_TITLES[0]!))).toBe(false);

  const es = await parse(await (await request.get('/es/partners/feed.xml')).text());
  expect(es.error).toBeNull();
  expect(es.channel?.language).toBe('es');
  expect(es.items.map((i) => i.title)).toEqual(
    expect.arrayContaining(ES_TITLES.map((t) => `${t} (vía ${ES_SOURCE})`)),
  );
  expect(es.items.some((i) => i.title?.includes(run) && i.title.startsWith('Andean'))).toBe(false);
});

test('partner pages and feeds answer a conditional GET with 304', async ({ request }) => {
  for (const url of [
    '/partners',
    '/es/partners',
    '/partners?page=2',
    '/partners/feed.xml',
    '/es/partners/feed.xml',
  ]) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    const etag = first.headers()['etag'];
    expect(etag, url).toBeTruthy();
    const again = await request.get(url, { headers: { 'If-None-Match': etag! } });
    expect(again.status(), url).toBe(304);
    expect(await again.body(), url).toHaveLength(0);
  }
  const sitemap = await (await request.get('/sitemap.xml')).text();
  expect(sitemap).toMatch(/<loc>https?:\/\/[^<]+\/es\/partners<\/loc>/);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('/partners fits the screen without sideways scrolling', async ({ page }, testInfo) => {
    await page.goto('/partners');
    await expect(page.locator('.partner-list > li')).toHaveCount(20);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.screenshot({ path: testInfo.outputPath('partners-phone.png'), fullPage: true });
  });
});
