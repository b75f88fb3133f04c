// What machines read: the feeds (RSS, Atom, JSON Feed) for all news, a topic and Spanish, the sitemap and
// robots.txt, and conditional GET on pages and feeds.
import { expect, test } from '@playwright/test';

const NEWEST = 'Textile workshop collapse puts subcontracting in the spotlight';
const NEWEST_ES = 'Defensores del agua de Cajamarca absueltos tras ocho años';

test('the RSS, Atom and JSON feeds carry the latest news with the right content types', async ({
  request,
}) => {
  const rss = await request.get('/feed.xml');
  expect(rss.status()).toBe(200);
  expect(rss.headers()['content-type']).toContain('application/rss+xml');
  const rssText = await rss.text();
  expect(rssText).toContain('<rss version="2.0"');
  expect(rssText).toContain(`<title><![CDATA[${NEWEST}]]></title>`);
  expect(rssText.indexOf(NEWEST)).toBeLessThan(rssText.indexOf('Water defenders in Cajamarca'));

  const atom = await request.get('/atom.xml');
  expect(atom.headers()['content-type']).toContain('application/atom+xml');
  const atomText = await atom.text();
  expect(atomText).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
  expect(atomText).toContain(NEWEST);

  const json = await request.get('/feed.json');
  expect(json.headers()['content-type']).toContain('application/feed+json');
  const feed = (await json.json()) as {
    version: string;
    language: string;
    items: { title: string; content_html: string; date_published: string; url: string }[];
  };
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(feed.language).toBe('en');
  expect(feed.items).toHaveLength(11);
  expect(feed.items[0]?.title).toBe(NEWEST);
  expect(feed.items[0]?.content_html).toContain('<h2>What we are asking</h2>');
});

test('topic and Spanish feeds hold only their own articles', async ({ request }) => {
  const topic = (await (await request.get('/topics/mining/feed.json')).json()) as {
    items: { title: string }[];
  };
  expect(topic.items.map((i) => i.title)).toEqual([
    'Water defenders in Cajamarca acquitted after eight years',
    'Lead levels in Oroya children still above safe limits',
  ]);
  const es = (await (await request.get('/es/feed.json')).json()) as {
    language: string;
    items: { title: string }[];
  };
  expect(es.language).toBe('es');
  expect(es.items.map((i) => i.title)[0]).toBe(NEWEST_ES);
  expect(es.items).toHaveLength(3);
  const esRss = await request.get('/es/topics/mining/feed.xml');
  expect(esRss.headers()['content-type']).toContain('application/rss+xml');
  expect(await esRss.text()).toContain(NEWEST_ES);
  expect((await request.get('/topics/no-such-topic/feed.xml')).status()).toBe(404);
});

test('every page says where its feeds are', async ({ page }) => {
  for (const url of ['/', '/es/news']) {
    await page.goto(url);
    const prefix = url.startsWith('/es') ? '/es' : '';
    await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]').first()).toHaveAttribute(
      'href',
      `${prefix}/feed.xml`,
    );
    await expect(page.locator('link[rel="alternate"][type="application/atom+xml"]').first()).toHaveAttribute(
      'href',
      `${prefix}/atom.xml`,
    );
    await expect(page.locator('link[rel="alternate"][type="application/feed+json"]').first()).toHaveAttribute(
      'href',
      `${prefix}/feed.json`,
    );
  }
});

test('the sitemap lists articles with their translations, and robots.txt names it', async ({ request }) => {
  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()['content-type']).toContain('xml');
  const xml = await sitemap.text();
  expect(xml).toMatch(
    /<loc>https?:\/\/[^<]+\/news\/textile-workshop-collapse-puts-subcontracting-in-the-spotlight<\/loc>/,
  );
  expect(xml).toMatch(/<loc>https?:\/\/[^<]+\/aims<\/loc>/);
  expect(xml).toMatch(
    /hreflang="es" href="https?:\/\/[^"]+\/es\/news\/esterilizacion-forzada-las-sobrevivientes-llevan-su-caso-a-ginebra"/,
  );
  expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');

  const robots = await request.get('/robots.txt');
  expect(robots.headers()['content-type']).toContain('text/plain');
  expect(await robots.text()).toMatch(/^Sitemap: https?:\/\/\S+\/sitemap\.xml$/m);
});

test('pages and feeds answer a conditional GET with 304 and the same ETag', async ({ request }) => {
  for (const url of [
    '/',
    '/es',
    '/news?page=2',
    '/news/water-defenders-in-cajamarca-acquitted-after-eight-years',
    '/feed.xml',
    '/es/feed.json',
    '/sitemap.xml',
  ]) {
    const first = await request.get(url);
    expect(first.status(), url).toBe(200);
    expect(first.headers()['cache-control'], url).toMatch(/no-cache|max-age=0/);
    const etag = first.headers()['etag'];
    expect(etag, url).toBeTruthy();
    const again = await request.get(url, { headers: { 'If-None-Match': etag! } });
    expect(again.status(), url).toBe(304);
    expect(again.headers()['etag'], url).toBe(etag);
    expect(await again.body(), url).toHaveLength(0);
    const other = await request.get(url, { headers: { 'If-None-Match': 'W/"something-else"' } });
    expect(other.status(), url).toBe(200);
  }
  const en = (await request.get('/news')).headers()['etag'];
  const es = (await request.get('/es/news')).headers()['etag'];
  expect(en).not.toBe(es);
});

test('a page served again from memory is compressed only for clients that accept gzip', async ({
  request,
}) => {
  const url = '/news/water-defenders-in-cajamarca-acquitted-after-eight-years';
  const first = await request.get(url);
  const html = await first.text();
  expect(html).toContain('<h1');
  for (const [acceptEncoding, gzipped] of [
    ['gzip, deflate, br', true],
    ['*', true],
    ['gzip;q=0, br', false],
    ['identity', false],
  ] as const) {
    const again = await request.get(url, { headers: { 'Accept-Encoding': acceptEncoding } });
    expect(again.status(), acceptEncoding).toBe(200);
    expect(again.headers()['content-encoding'] === 'gzip', acceptEncoding).toBe(gzipped);
    expect(again.headers()['vary'], acceptEncoding).toMatch(/Accept-Encoding/i);
    expect(await again.text(), acceptEncoding).toBe(html);
  }
});
