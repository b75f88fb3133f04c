// A reader browsing the news in English and Spanish: pagination without JavaScript, the Spanish site, the
// language switch on a translated article, topics, search in both directions — each page checked by axe.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const SPANISH_STERILISATION = 'Esterilización forzada: las sobrevivientes llevan su caso a Ginebra';
const ENGLISH_STERILISATION = 'Survivors of forced sterilisation take their case to Geneva';

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the news pages through with plain links', async ({ page }) => {
    await page.goto('/');
    await page.getByRole('link', { name: 'More news' }).click();
    await expect(page).toHaveURL(/\/news$/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('News');
    await expect(page.locator('.news-list h2')).toHaveCount(10);
    const pages = page.getByRole('navigation', { name: 'Pages' });
    await expect(pages.getByRole('link', { name: 'Page 1' })).toHaveAttribute('aria-current', 'page');
    await pages.getByRole('link', { name: 'Next' }).click();
    await expect(page).toHaveURL(/\/news\?page=2$/);
    await expect(page.locator('.news-list h2')).toHaveText(['Members’ evening: a report from Puno']);
    await expect(pages.getByRole('link', { name: 'Page 2' })).toHaveAttribute('aria-current', 'page');
    await expect(pages.getByRole('link', { name: 'Next' })).toHaveCount(0);
    await pages.getByRole('link', { name: 'Previous' }).click();
    await expect(page).toHaveURL(/\/news$/);
    expect((await page.request.get('/news?page=99')).status()).toBe(404);
  });

  test('search works as a plain form', async ({ page }) => {
    await page.goto('/search');
    await page.getByRole('searchbox', { name: 'Search the news' }).fill('Cajamarca');
    await page.getByRole('button', { name: 'Search' }).click();
    await expect(page).toHaveURL(/\/search\?q=Cajamarca$/);
    await expect(
      page.getByRole('link', { name: 'Water defenders in Cajamarca acquitted after eight years' }),
    ).toBeVisible();
    await expect(page.locator('.excerpt mark').first()).toHaveText(/Cajamarca/i);
  });
});

test('the Spanish home shows Spanish news and Spanish interface text', async ({ page }) => {
  const response = await page.goto('/es');
  expect(response?.status()).toBe(200);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1, name: 'Últimas noticias' })).toBeVisible();
  await expect(page.locator('.news-list h2')).toHaveText([
    'Defensores del agua de Cajamarca absueltos tras ocho años',
    'Radio comunitaria quechua recibe premio a la libertad de prensa',
    SPANISH_STERILISATION,
  ]);
  await expect(page.getByRole('link', { name: 'Saltar al contenido' })).toBeAttached();
  await expect(page.getByRole('link', { name: 'Más noticias' })).toHaveAttribute('href', '/es/news');
  await expect(page.getByRole('heading', { name: 'Próximos eventos' })).toBeVisible();
  // The event in Spanish only: its Spanish title, and not the English one beside it.
  const events = page.locator('.event-list');
  await expect(events.locator('.event-title')).toHaveText(['Proyección: los testimonios de Quipu']);
  // The static pages exist in Spanish too, and the Spanish navigation lists them.
  const nav = page.getByRole('navigation', { name: 'Principal' });
  await expect(nav.getByRole('link', { name: 'Nuestros objetivos' })).toHaveAttribute(
    'href',
    '/es/objetivos',
  );
  await expect(nav.getByRole('link', { name: 'Únete' })).toHaveAttribute('href', '/es/unete');
  await expect(page.locator('.news-list time').first()).toHaveText(/^\d{1,2} de [a-z]+ de \d{4}$/);
  await expectNoSeriousAxeViolations(page);

  await page.goto('/es/news');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noticias');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expectNoSeriousAxeViolations(page);
});

test('the language switch on a translated article goes to its other version', async ({ page }) => {
  await page.goto('/news/survivors-of-forced-sterilisation-take-their-case-to-geneva');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGLISH_STERILISATION);
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute(
    'href',
    /\/es\/news\/esterilizacion-forzada-las-sobrevivientes-llevan-su-caso-a-ginebra$/,
  );
  await expect(page.locator('link[rel="alternate"][hreflang="x-default"]')).toHaveCount(1);
  await expectNoSeriousAxeViolations(page);

  await page
    .getByRole('banner')
    .getByRole('link', { name: /español/i })
    .click();
  await expect(page).toHaveURL(
    /\/es\/news\/esterilizacion-forzada-las-sobrevivientes-llevan-su-caso-a-ginebra$/,
  );
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SPANISH_STERILISATION);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { name: 'Temas' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
  // Topics carry their Spanish names on Spanish pages.
  await page.getByRole('link', { name: 'Derechos de las mujeres' }).click();
  await expect(page).toHaveURL(/\/es\/topics\/womens-rights$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Noticias sobre Derechos de las mujeres');
  await page.goBack();

  await page
    .getByRole('banner')
    .getByRole('link', { name: /english/i })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(ENGLISH_STERILISATION);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('an untranslated article switches to the other language home', async ({ page }) => {
  await page.goto('/news/textile-workshop-collapse-puts-subcontracting-in-the-spotlight');
  await expect(page.getByRole('banner').getByRole('link', { name: /español/i })).toHaveAttribute(
    'href',
    '/es',
  );
});

test('an article links its topics, and a topic lists its news', async ({ page }) => {
  await page.goto('/news/water-defenders-in-cajamarca-acquitted-after-eight-years');
  await expect(page.getByRole('heading', { level: 2, name: 'Related news' })).toBeVisible();
  const jsonLd = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
  expect(jsonLd).toMatchObject({
    '@type': 'NewsArticle',
    headline: 'Water defenders in Cajamarca acquitted after eight years',
    inLanguage: 'en',
    publisher: { name: 'Andes Solidarity Network' },
  });
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
    'href',
    /\/news\/water-defenders-in-cajamarca-acquitted-after-eight-years$/,
  );
  await page.getByRole('link', { name: 'Mining' }).click();
  await expect(page).toHaveURL(/\/topics\/mining$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('News about Mining');
  await expect(page.locator('.news-list h2')).toHaveText([
    'Water defenders in Cajamarca acquitted after eight years',
    'Lead levels in Oroya children still above safe limits',
  ]);
  await expect(
    page.locator('link[rel="alternate"][type="application/rss+xml"][href="/topics/mining/feed.xml"]'),
  ).toHaveCount(1);
});

test('search finds articles across accents, in each language', async ({ page }) => {
  await page.goto('/es/search?q=esterilizacion');
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Buscar');
  await expect(page.getByRole('link', { name: SPANISH_STERILISATION })).toBeVisible();
  await expect(page.getByRole('status')).toHaveText(/^1 resultado para «esterilizacion»$/);
  await expectNoSeriousAxeViolations(page);

  await page.goto('/search?q=Cajamarca');
  await expect(
    page.getByRole('link', { name: 'Water defenders in Cajamarca acquitted after eight years' }),
  ).toBeVisible();
  await expect(
    page.getByRole('link', { name: 'Defensores del agua de Cajamarca absueltos tras ocho años' }),
  ).toHaveCount(0);
  await expectNoSeriousAxeViolations(page);

  await page.goto('/es/search?q=Cajamarca');
  await expect(
    page.getByRole('link', { name: 'Defensores del agua de Cajamarca absueltos tras ocho años' }),
  ).toBeVisible();

  await page.goto('/search?q=zzzzqqq');
  await expect(page.getByRole('status')).toHaveText(/No results for “zzzzqqq”/);
  await page.goto('/es/search?q=zzzzqqq');
  await expect(page.getByRole('status')).toHaveText(/No hay resultados para «zzzzqqq»/);
  await page.goto('/search');
  await expect(page.getByRole('searchbox', { name: 'Search the news' })).toBeVisible();
  await expectNoSeriousAxeViolations(page);
});

test('archived, unknown and Spanish-less addresses answer in the page language', async ({ page }) => {
  const response = await page.goto('/es/no-existe');
  expect(response?.status()).toBe(404);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Página no encontrada');
  expect((await page.request.get('/fr')).status()).toBe(404);
  expect(
    (await page.request.get('/es/news/survivors-of-forced-sterilisation-take-their-case-to-geneva')).status(),
  ).toBe(404);
  expect((await page.request.get('/topics/no-such-topic')).status()).toBe(404);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  for (const url of [
    '/es',
    '/news?page=2',
    '/news/textile-workshop-collapse-puts-subcontracting-in-the-spotlight',
    '/search?q=Cajamarca',
  ]) {
    test(`${url} fits the screen without sideways scrolling`, async ({ page }) => {
      await page.goto(url);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    });
  }
});
