// The site's public addresses (docs/decisions/0007-spanish-routes.md): English section names in both languages,
// Spanish under /es with Spanish slugs. A section spelt in Spanish, or a Spanish article asked for without /es,
// answers one 301 to its address; the links a Spanish page carries are /es addresses; the language switch of a
// seeded Spanish page goes to its English translation and back.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';

const SPANISH_ARTICLE = 'esterilizacion-forzada-las-sobrevivientes-llevan-su-caso-a-ginebra';

/** Where one request is sent on, without following it: status and Location (relative to the site). */
async function redirectOf(request: APIRequestContext, from: string) {
  const response = await request.get(from, { maxRedirects: 0 });
  const location = response.headers()['location'];
  const url = location === undefined ? null : new URL(location, SITE_URL);
  return {
    status: response.status(),
    location: url && url.origin === new URL(SITE_URL).origin ? url.pathname + url.search : location,
  };
}

test('a section spelt in Spanish answers one 301 to its English name under /es', async ({ request }) => {
  for (const [from, to] of [
    ['/es/noticias', '/es/news'],
    ['/es/noticias?page=2', '/es/news?page=2'],
    [`/es/noticias/${SPANISH_ARTICLE}`, `/es/news/${SPANISH_ARTICLE}`],
    ['/es/temas/mining', '/es/topics/mining'],
    ['/es/temas/mining/feed.xml', '/es/topics/mining/feed.xml'],
    ['/es/temas/mining/atom.xml', '/es/topics/mining/atom.xml'],
    ['/es/contrapartes', '/es/partners'],
    ['/es/buscar?q=agua', '/es/search?q=agua'],
    ['/es/campanas', '/es/campaigns'],
    ['/es/campa%C3%B1as', '/es/campaigns'],
    ['/es/CAMPA%C3%91AS', '/es/campaigns'],
    ['/es/Noticias/', '/es/news'],
    ['/ES/TEMAS/mining', '/es/topics/mining'],
    ['/es/eventos', '/es/events'],
  ]) {
    expect(await redirectOf(request, from!), from).toEqual({ status: 301, location: to });
  }
});

test('the address an alias points at is the page itself, in Spanish', async ({ request, page }) => {
  // One hop: where the alias sends a reader answers 200, not another redirect.
  for (const alias of ['/es/noticias', '/es/temas/mining', '/es/temas/mining/feed.xml', '/es/contrapartes']) {
    const { location } = await redirectOf(request, alias);
    expect((await request.get(location!, { maxRedirects: 0 })).status(), `${alias} → ${location}`).toBe(200);
  }
  await page.goto('/es/noticias');
  await expect(page).toHaveURL(`${SITE_URL}/es/news`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noticias');
  await page.goto('/es/buscar?q=Cajamarca');
  await expect(page).toHaveURL(`${SITE_URL}/es/search?q=Cajamarca`);
  await expect(
    page.getByRole('link', { name: 'Defensores del agua de Cajamarca absueltos tras ocho años' }),
  ).toBeVisible();
});

test('"socios" is no alias of partners: it means members in Spanish', async ({ request }) => {
  expect(await redirectOf(request, '/es/socios')).toEqual({ status: 404, location: undefined });
});

test('a Spanish article asked for without /es answers 301 to its Spanish address', async ({ request }) => {
  expect(await redirectOf(request, `/news/${SPANISH_ARTICLE}`)).toEqual({
    status: 301,
    location: `/es/news/${SPANISH_ARTICLE}`,
  });
  expect(await redirectOf(request, '/objetivos')).toEqual({ status: 301, location: '/es/objetivos' });
  expect(await redirectOf(request, '/unete')).toEqual({ status: 301, location: '/es/unete' });
  // A Spanish news item is not a page, and a Spanish address never names English content.
  expect((await redirectOf(request, `/${SPANISH_ARTICLE}`)).status).toBe(404);
  expect((await redirectOf(request, '/es/aims')).status).toBe(404);
});

test('a Spanish page links to /es addresses, in its navigation, feeds and hreflang', async ({ page }) => {
  await page.goto('/es/objetivos');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuestros objetivos');
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Noticias' })).toHaveAttribute('href', '/es/news');
  await expect(nav.getByRole('link', { name: 'Contrapartes' })).toHaveAttribute('href', '/es/partners');
  const navHrefs = await nav
    .getByRole('link')
    .evaluateAll((links) => links.map((l) => l.getAttribute('href')));
  expect(navHrefs.length).toBeGreaterThan(2);
  for (const href of navHrefs) expect(href).toMatch(/^\/es\/[a-z0-9-]+$/);
  await expect(page.getByRole('banner').getByRole('link', { name: 'Buscar' })).toHaveAttribute(
    'href',
    '/es/search',
  );
  await expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).toHaveAttribute(
    'href',
    '/es/feed.xml',
  );
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', `${SITE_URL}/es/objetivos`);
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute(
    'href',
    `${SITE_URL}/es/objetivos`,
  );
  await expect(page.locator('link[rel="alternate"][hreflang="en"]')).toHaveAttribute(
    'href',
    `${SITE_URL}/aims`,
  );

  await page.goto(`/es/news/${SPANISH_ARTICLE}`);
  await expect(page.getByRole('link', { name: 'Derechos de las mujeres' })).toHaveAttribute(
    'href',
    '/es/topics/womens-rights',
  );
  await expect(page.getByRole('link', { name: /Todas las noticias/ })).toHaveAttribute('href', '/es/news');
});

test('the language switch on a seeded Spanish page goes to its English translation and back', async ({
  page,
}) => {
  await page.goto('/es/objetivos');
  await page.getByRole('banner').getByRole('link', { name: 'Read in English' }).click();
  await expect(page).toHaveURL(`${SITE_URL}/aims`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our aims');

  await page.getByRole('banner').getByRole('link', { name: 'Leer en español' }).click();
  await expect(page).toHaveURL(`${SITE_URL}/es/objetivos`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Nuestros objetivos');
});
