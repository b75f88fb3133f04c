// A reader on the public site: the latest news, an article, a static page, the 404 page — with and without
// JavaScript, on a phone, with the keyboard, and checked by axe.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

async function expectNoSeriousAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the home page lists the latest news, newest first, with dates and summaries', async ({ page }) => {
  const response = await page.goto('/');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Latest news' })).toBeVisible();
  const titles = page.locator('.news-list h2');
  await expect(titles).toHaveCount(10);
  await expect(titles.nth(0)).toHaveText('Textile workshop collapse puts subcontracting in the spotlight');
  await expect(titles.nth(1)).toHaveText('Water defenders in Cajamarca acquitted after eight years');
  const dates = await page
    .locator('.news-list time')
    .evaluateAll((els) => els.map((e) => e.getAttribute('datetime')!));
  expect([...dates].sort().reverse()).toEqual(dates);
  await expect(page.getByRole('heading', { name: 'Upcoming events' })).toBeVisible();
  await expect(page.getByText('Screening: the Quipu testimonies')).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link')).toHaveText([
    'News',
    'Campaigns',
    'Events',
    'Partners',
    'Our aims',
    'History',
    'Human rights',
    'Join us',
  ]);
  await expectNoSeriousAxeViolations(page);
});

test('an article opens from the home page and renders its Markdown body', async ({ page }) => {
  await page.goto('/');
  await page
    .getByRole('link', { name: 'Textile workshop collapse puts subcontracting in the spotlight' })
    .click();
  await expect(page).toHaveURL(/\/news\/textile-workshop-collapse-puts-subcontracting-in-the-spotlight$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Textile workshop collapse puts subcontracting in the spotlight',
  );
  await expect(page.getByRole('heading', { level: 2, name: 'What we are asking' })).toBeVisible();
  await expect(page.locator('.body li')).toHaveCount(3);
  await expectNoSeriousAxeViolations(page);
});

test('static pages are served at the top level', async ({ page }) => {
  await page.goto('/aims');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Our aims');
  await expectNoSeriousAxeViolations(page);
});

test('unknown addresses answer 404 with a helpful page', async ({ page }) => {
  for (const url of ['/no-such-page', '/news/no-such-article', '/a/b/c']) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
    await expect(page.getByRole('link', { name: 'Go to the latest news' })).toBeVisible();
  }
  await expectNoSeriousAxeViolations(page);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the home page and an article work', async ({ page }) => {
    await page.goto('/');
    await expect(page.locator('.news-list h2').first()).toHaveText(
      'Textile workshop collapse puts subcontracting in the spotlight',
    );
    await page
      .getByRole('link', { name: 'Water defenders in Cajamarca acquitted after eight years' })
      .click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Water defenders in Cajamarca acquitted after eight years',
    );
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the home page fits the screen without sideways scrolling', async ({ page }, testInfo) => {
    await page.goto('/');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(375);
    await page.screenshot({ path: testInfo.outputPath('home-phone.png'), fullPage: true });
  });
});

test('keyboard users can skip to the content', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});
