// axe on a page a test opened with JavaScript off: axe runs in the page, so it needs JavaScript — the same address
// is opened again, with no cookies, in a browser context of its own with JavaScript on, and checked there.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { SITE_URL } from './servers.js';

export async function expectNoAxeViolations(page: Page) {
  const browser = page.context().browser()!;
  const context = await browser.newContext({ javaScriptEnabled: true, baseURL: SITE_URL });
  try {
    const checked = await context.newPage();
    await checked.goto(page.url());
    const results = await new AxeBuilder({ page: checked }).analyze();
    expect(
      results.violations.map((v) => `${v.id}: ${v.help}`),
      page.url(),
    ).toEqual([]);
  } finally {
    await context.close();
  }
}
