// Hostile Markdown renders harmless everywhere it is shown: an editor's body full of <script>, onerror=,
// javascript: links, <iframe>, <style> and SVG tricks is published, then checked on the article page, in the RSS,
// Atom and JSON feeds, in the search excerpts and in the admin preview (the API's answer and the editor's panel).
// Then the payloads of issue 10 as plain-text titles and summaries (of news in both languages and of a partner
// item), read from every feed — RSS, Atom, JSON Feed, for all news, a topic, Spanish, and the partners feed — the way
// a feed reader reads them: where a feed says a text is HTML, parsing it as HTML must give back the text, no markup.
// It lives in the admin project because creating and publishing needs the owner made by admin-setup.
import { randomUUID } from 'node:crypto';
import {
  createDb,
  createPartnerFeed,
  deletePartnerFeed,
  markSiteChanged,
  recordPartnerFeedFetched,
  setPartnerFeedPaused,
} from '@ayni/db';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_URL, SITE_URL } from '../support/servers.js';

const TITLE = 'Payload check quetzal';

const PAYLOADS = [
  '<script>window.__pwned=1</script>',
  '<img src=x onerror="window.__pwned=2">',
  '[click](javascript:window.__pwned=3)',
  '<iframe src="https://example.org"></iframe>',
  '<style>body{display:none}</style>',
  '<svg onload="window.__pwned=4"><script>window.__pwned=5</script></svg>',
  '<a href="javascript:alert(1)">x</a>',
  '![img](javascript:alert(1))',
];

// Every payload as its own block (raw HTML blocks and inline), surrounded by the searchable word.
const BODY = [
  'The quetzal flies over the cloud forest, quetzal after quetzal.',
  ...PAYLOADS.map((p) => `quetzal ${p} quetzal`),
  PAYLOADS.join('\n'),
  PAYLOADS.join(' '),
  'A last word about the quetzal.',
].join('\n\n');

/**
 * The tags of an HTML string that could run script or restyle the page: dangerous elements, event-handler
 * attributes, script-bearing URLs. Only tags are inspected — escaped text such as `&lt;script&gt;` is harmless.
 */
function dangerous(html: string): string[] {
  const tags = html.match(/<[^>]*>/g) ?? [];
  return tags.filter(
    (tag) =>
      /^<\/?(script|iframe|style|svg|math|object|embed)\b/i.test(tag) ||
      /\son\w+\s*=/i.test(tag) ||
      /(href|src)\s*=\s*["']?\s*(javascript|data|vbscript):/i.test(tag),
  );
}

/** XML character data → the string it stands for: CDATA sections kept as they are, entities decoded elsewhere. */
function xmlText(raw: string): string {
  return raw
    .split(/(<!\[CDATA\[[\s\S]*?\]\]>)/)
    .map((part) =>
      part.startsWith('<![CDATA[')
        ? part.slice('<![CDATA['.length, -']]>'.length)
        : part
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&apos;|&#39;|&#x27;/g, "'")
            .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
            .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
            .replace(/&amp;/g, '&'),
    )
    .join('');
}

/** The HTML content of the feed entry (RSS <item> or Atom <entry>) whose title is TITLE. */
function feedItemHtml(xml: string, element: 'item' | 'entry'): string {
  const blocks = xml.match(new RegExp(`<${element}\\b[\\s\\S]*?</${element}>`, 'g')) ?? [];
  const block = blocks.find((b) => {
    const title = /<title\b[^>]*>([\s\S]*?)<\/title>/.exec(b)?.[1];
    return title !== undefined && xmlText(title).trim() === TITLE;
  });
  expect(block, `the ${element} titled “${TITLE}”`).toBeDefined();
  const content = /<content(?::encoded)?\b[^>]*>([\s\S]*?)<\/content(?::encoded)?>/.exec(block!)?.[1];
  expect(content, `the content of the ${element}`).toBeDefined();
  return xmlText(content!);
}

/** The checks every rendering must pass: no dangerous tags, no raw dangerous element openers at all. */
function expectHarmless(html: string, where: string) {
  expect(dangerous(html), `dangerous tags in ${where}`).toEqual([]);
  for (const opener of ['<script', '<iframe', '<style', '<svg']) {
    expect(html.toLowerCase(), `${opener} in ${where}`).not.toContain(opener);
  }
  // The surrounding text is still there: the body was rendered, not dropped.
  expect(html, `text of ${where}`).toContain('quetzal');
}

async function pwned(page: Page): Promise<unknown> {
  return page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned);
}

/** What the DOM under `selector` holds that could run script or hide the page. */
async function domOffences(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => {
    const offences: string[] = [];
    const roots = Array.from(document.querySelectorAll(sel));
    if (roots.length === 0) return [`no element matches ${sel}`];
    for (const root of roots) {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        const name = el.tagName.toLowerCase();
        if (
          [
            'script',
            'iframe',
            'style',
            'svg',
            'math',
            'object',
            'embed',
            'frame',
            'link',
            'meta',
            'base',
          ].includes(name)
        ) {
          offences.push(`<${name}> element`);
        }
        for (const attr of Array.from(el.attributes)) {
          if (/^on/i.test(attr.name)) offences.push(`${name}[${attr.name}]`);
          if (
            ['href', 'src', 'xlink:href', 'action', 'formaction', 'srcdoc'].includes(attr.name.toLowerCase())
          ) {
            if (/^\s*(javascript|data|vbscript):/i.test(attr.value) || attr.name.toLowerCase() === 'srcdoc') {
              offences.push(`${name}[${attr.name}="${attr.value}"]`);
            }
          }
          if (attr.name.toLowerCase() === 'style') offences.push(`${name}[style]`);
        }
      }
    }
    return offences;
  }, selector);
}

// The API speaks superjson: inputs and answers travel as `{ json }` (these inputs and the answers read here are
// plain JSON values, so there is no `meta` to add or read).
async function trpcMutation<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const response = await request.post(`${ADMIN_URL}/trpc/${procedure}`, { data: { json: input } });
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

async function trpcQuery<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const response = await request.get(
    `${ADMIN_URL}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: { json: T } } }).result.data.json;
}

test('a body full of script, handlers, javascript: links, iframes, styles and SVG renders harmless everywhere', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // Signed in already (the admin project's storageState): the page's request context carries the session cookie.
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const created = await trpcMutation<{ id: string; version: number }>(page.request, 'articles.create', {
    kind: 'news',
    language: 'en',
    title: TITLE,
    summary: 'Payload summary',
    topics: [],
    body: BODY,
  });
  const published = await trpcMutation<{ id: string; version: number; status: string }>(
    page.request,
    'articles.transition',
    { id: created.id, version: created.version, action: 'publish' },
  );
  expect(published.status).toBe('published');
  const article = await trpcQuery<{ slug: string; body: string; version: number }>(
    page.request,
    'articles.get',
    {
      id: created.id,
    },
  );
  expect(article.body).toBe(BODY);

  try {
    // The article page.
    await test.step('article page', async () => {
      await page.goto(`${SITE_URL}/news/${article.slug}`);
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      const body = page.locator('article .body');
      await expect(body).toContainText('quetzal');
      await page.waitForLoadState('load');
      expect(await pwned(page)).toBeUndefined();
      expect(await domOffences(page, 'article .body')).toEqual([]);
      await expect(body.locator('script, iframe, style, svg, math, object, embed')).toHaveCount(0);
      await expect(body.locator('a[href^="javascript:" i], img[src^="javascript:" i]')).toHaveCount(0);
      expectHarmless(await body.innerHTML(), 'the article page');
      await expect(page.locator('body')).toBeVisible();
      await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
      // Clicking every link in the body runs nothing either.
      const links = body.locator('a');
      for (let i = 0; i < (await links.count()); i++) {
        const href = await links.nth(i).getAttribute('href');
        expect(href ?? '', 'link target').toMatch(/^(https?:|mailto:|\/|#)/);
      }
      expect(await pwned(page)).toBeUndefined();
    });

    await test.step('feeds', async () => {
      const json = (await (await page.request.get(`${SITE_URL}/feed.json`)).json()) as {
        items: { title: string; content_html: string }[];
      };
      const jsonItem = json.items.find((i) => i.title === TITLE);
      expect(jsonItem, 'the JSON Feed item').toBeDefined();
      expectHarmless(jsonItem!.content_html, 'the JSON Feed');

      const rss = await (await page.request.get(`${SITE_URL}/feed.xml`)).text();
      expectHarmless(feedItemHtml(rss, 'item'), 'the RSS feed');

      const atom = await (await page.request.get(`${SITE_URL}/atom.xml`)).text();
      expectHarmless(feedItemHtml(atom, 'entry'), 'the Atom feed');
    });

    await test.step('search excerpts', async () => {
      await page.goto(`${SITE_URL}/search?q=quetzal`);
      const results = page.locator('.search-results');
      const result = results.locator('li', { has: page.getByRole('link', { name: TITLE }) });
      await expect(result).toHaveCount(1);
      await page.waitForLoadState('load');
      expect(await pwned(page)).toBeUndefined();
      await expect(results.locator('mark').first()).toHaveText(/quetzal/i);
      // The excerpt really carries the payload — as text a reader sees, not as markup.
      await expect(result.locator('.excerpt')).toContainText(/pwned|onerror|javascript:|iframe|display:none/);
      expect(await domOffences(page, '.search-results')).toEqual([]);
      await expect(results.locator('script, iframe, style, svg, math, object, embed')).toHaveCount(0);
      expect(dangerous(await results.innerHTML()), 'dangerous tags in the search results').toEqual([]);
      await expect(page.locator('body')).toBeVisible();
    });

    await test.step('admin preview', async () => {
      const { html } = await trpcMutation<{ html: string }>(page.request, 'articles.preview', { body: BODY });
      expectHarmless(html, 'the preview API');

      await page.goto(`/articles/${created.id}`);
      await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
      await page.getByRole('button', { name: 'Preview', exact: true }).click();
      const preview = page.getByRole('region', { name: 'Preview' });
      await expect(preview.locator('.article-body')).toContainText('quetzal');
      expect(await pwned(page)).toBeUndefined();
      expect(await domOffences(page, '.preview')).toEqual([]);
      await expect(preview.locator('script, iframe, style, svg, math, object, embed')).toHaveCount(0);
      expectHarmless(await preview.locator('.article-body').innerHTML(), 'the editor preview');
      await expect(page.locator('body')).toBeVisible();
    });

    expect(dialogs, 'dialogs opened by the payload').toEqual([]);
  } finally {
    // Leave the public site as the demo content has it.
    const current = await trpcQuery<{ version: number }>(page.request, 'articles.get', { id: created.id });
    await trpcMutation(page.request, 'articles.transition', {
      id: created.id,
      version: current.version,
      action: 'unpublish',
    });
  }
});

/** A field of a feed entry as a reader gets it: its text, and what that text holds when the feed says it is HTML. */
interface ReadField {
  type: 'text' | 'html';
  text: string;
  elements: string[];
}

/**
 * Every entry of an RSS or Atom document, read by Chromium's own parsers: XML first, then, for each field the format
 * defines as HTML (RSS descriptions, Atom text constructs with type="html"), the field's text parsed as HTML.
 */
async function readFeed(page: Page, xml: string): Promise<{ title: ReadField; summary: ReadField | null }[]> {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'application/xml');
    if (doc.querySelector('parsererror')) throw new Error('not well-formed XML');
    const read = (el: Element | null, type: 'text' | 'html') => {
      if (!el) return null;
      const text = el.textContent ?? '';
      if (type === 'text') return { type, text, elements: [] };
      const html = new DOMParser().parseFromString(`<!doctype html><body>${text}`, 'text/html');
      const elements = Array.from(html.body.querySelectorAll('*')).map((e) =>
        [e.tagName.toLowerCase(), ...Array.from(e.attributes).map((a) => `[${a.name}]`)].join(''),
      );
      return { type, text: html.body.textContent ?? '', elements };
    };
    const atomType = (el: Element | null) => (el?.getAttribute('type') === 'html' ? 'html' : 'text');
    if (doc.documentElement.localName === 'rss') {
      return Array.from(doc.querySelectorAll('item')).map((item) => ({
        title: read(item.querySelector('title'), 'text')!,
        summary: read(item.querySelector('description'), 'html'),
      }));
    }
    return Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'entry')).map((entry) => {
      const title = entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'title')[0] ?? null;
      const summary = entry.getElementsByTagNameNS('http://www.w3.org/2005/Atom', 'summary')[0] ?? null;
      return { title: read(title, atomType(title))!, summary: read(summary, atomType(summary)) };
    });
  }, xml);
}

test('hostile plain-text titles and summaries are shown literally by every feed', async ({ page }) => {
  const run = randomUUID().slice(0, 8);
  // The probe's payloads (issue 10), each in a title and in a summary.
  const payload = `<script>alert('t1')</script><img src=x onerror=alert('t2')> <svg onload=alert('t3')> ]]> & <b>bold</b>`;
  const titles = { en: `Feed payload ${run} ${payload}`, es: `Carga de prueba ${run} ${payload}` };
  const summary = (lang: string) =>
    `Summary ${lang} ${run}: ${payload} <a href="javascript:alert('t4')">x</a>`;
  const partnerTitle = `Partner payload ${run} ${payload}`;
  const partnerSummary = `Partner summary ${run}: ${payload}`;

  await page.goto(ADMIN_URL);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  const ids: string[] = [];
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  let partnerFeedId: string | undefined;
  try {
    for (const lang of ['en', 'es'] as const) {
      const created = await trpcMutation<{ id: string; version: number }>(page.request, 'articles.create', {
        kind: 'news',
        language: lang,
        title: titles[lang],
        summary: summary(lang),
        topics: ['mining'],
        body: 'A plain body.',
      });
      ids.push(created.id);
      await trpcMutation(page.request, 'articles.transition', {
        id: created.id,
        version: created.version,
        action: 'publish',
      });
    }
    const now = new Date();
    const feed = await createPartnerFeed(
      handle.db,
      {
        url: `https://payload-${run}.example/feed.xml`,
        name: `Payload partner ${run}`,
        language: 'en',
        topics: [],
      },
      { id: randomUUID(), now },
    );
    partnerFeedId = feed.id;
    await setPartnerFeedPaused(handle.db, feed.id, true, now);
    await recordPartnerFeedFetched(
      handle.db,
      feed.id,
      feed.url,
      {
        etag: null,
        lastModified: null,
        warnings: [],
        items: [
          {
            key: `payload-${run}`,
            link: `https://payload-${run}.example/news/1`,
            title: partnerTitle,
            summary: partnerSummary,
            author: null,
            publishedAt: new Date(now.getTime() + 7_200_000),
          },
        ],
      },
      { now, newId: randomUUID },
    );
    // As the worker's unit of work does after a fetch that found new items.
    await markSiteChanged(handle.db, ['partner-items']);

    await page.goto('about:blank');
    const xmlFeeds: [url: string, title: string, summary: string][] = [];
    for (const [prefix, lang] of [
      ['', 'en'],
      ['/es', 'es'],
    ] as const) {
      for (const base of [`${prefix}`, `${prefix}/topics/mining`]) {
        for (const file of ['feed.xml', 'atom.xml'])
          xmlFeeds.push([`${base}/${file}`, titles[lang], summary(lang)]);
      }
    }
    xmlFeeds.push(['/partners/feed.xml', `${partnerTitle} (via Payload partner ${run})`, partnerSummary]);

    for (const [url, title, text] of xmlFeeds) {
      await test.step(url, async () => {
        const response = await page.request.get(`${SITE_URL}${url}`);
        expect(response.status(), url).toBe(200);
        const entries = await readFeed(page, await response.text());
        const entry = entries.find((e) => e.title.text.includes(run));
        expect(entry, `the payload entry of ${url}`).toBeDefined();
        // Read as a reader reads it, the title is the text, whole, and holds no markup.
        expect(entry!.title.elements, `markup in the title of ${url}`).toEqual([]);
        // (RSS titles are plain text, in CDATA; the feed package can only split one "]]>" per section, so
        // xml-text.ts writes it as "]]&gt;" there — ugly, never markup.)
        expect(entry!.title.text.replace(']]&gt;', ']]>'), `title of ${url}`).toBe(title);
        expect(entry!.summary, `summary of ${url}`).not.toBeNull();
        expect(entry!.summary!.type, `summary of ${url}`).toBe('html');
        // A paragraph around the text is the only markup a summary may bring.
        expect(
          entry!.summary!.elements.filter((e) => e !== 'p'),
          `markup in the summary of ${url}`,
        ).toEqual([]);
        expect(entry!.summary!.text.trim(), `summary of ${url}`).toBe(text);
      });
    }

    for (const [url, lang] of [
      ['/feed.json', 'en'],
      ['/topics/mining/feed.json', 'en'],
      ['/es/feed.json', 'es'],
      ['/es/topics/mining/feed.json', 'es'],
    ] as const) {
      const json = (await (await page.request.get(`${SITE_URL}${url}`)).json()) as {
        items: { title: string; summary?: string }[];
      };
      const item = json.items.find((i) => i.title.includes(run));
      // JSON Feed's title and summary are plain text by definition: the reader shows them as they are.
      expect(item?.title, url).toBe(titles[lang]);
      expect(item?.summary, url).toBe(summary(lang));
    }
  } finally {
    for (const id of ids) {
      const current = await trpcQuery<{ version: number }>(page.request, 'articles.get', { id });
      await trpcMutation(page.request, 'articles.transition', {
        id,
        version: current.version,
        action: 'unpublish',
      });
    }
    if (partnerFeedId) await deletePartnerFeed(handle.db, partnerFeedId);
    await handle.destroy();
  }
});
