// Hostile Markdown renders harmless everywhere it is shown: an editor's body full of <script>, onerror=,
// javascript: links, <iframe>, <style> and SVG tricks is published, then checked on the article page, in the RSS,
// Atom and JSON feeds, in the search excerpts and in the admin preview (the API's answer and the editor's panel).
// It lives in the admin project because creating and publishing needs the owner made by admin-setup.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ADMIN_URL, SITE_URL } from '../support/servers.js';

const owner = { email: 'rosa@example.org', password: 'a long and secret passphrase' };

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

async function trpcMutation<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const response = await request.post(`${ADMIN_URL}/trpc/${procedure}`, { data: input });
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

async function trpcQuery<T>(request: APIRequestContext, procedure: string, input: unknown): Promise<T> {
  const response = await request.get(
    `${ADMIN_URL}/trpc/${procedure}?input=${encodeURIComponent(JSON.stringify(input))}`,
  );
  expect(response.status(), `${procedure}: ${await response.text()}`).toBe(200);
  return ((await response.json()) as { result: { data: T } }).result.data;
}

test('a body full of script, handlers, javascript: links, iframes, styles and SVG renders harmless everywhere', async ({
  page,
}) => {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });

  // Sign in through the UI, so the page's request context carries the session cookie.
  await page.goto('/');
  await page.getByLabel('Email').fill(owner.email);
  await page.getByLabel('Password').fill(owner.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
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
      await expect(preview.locator('.prose')).toContainText('quetzal');
      expect(await pwned(page)).toBeUndefined();
      expect(await domOffences(page, '.preview')).toEqual([]);
      await expect(preview.locator('script, iframe, style, svg, math, object, embed')).toHaveCount(0);
      expectHarmless(await preview.locator('.prose').innerHTML(), 'the editor preview');
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
