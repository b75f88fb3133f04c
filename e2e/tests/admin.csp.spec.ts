// The admin works under its Content-Security-Policy in a real browser: signing in, the dashboard and the article
// editor with its preview raise no violation — except the one the policy is for: a draft's image from an http://
// address that is not the organisation's site is not fetched.
import { expect, test } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';
import { fillSignIn, signedOut } from '../support/sign-in.js';

declare global {
  interface Window {
    cspViolations: string[];
  }
}

// Signing in is part of what is checked.
test.use(signedOut);

test('no CSP violation while signing in and previewing a draft; http:// images elsewhere are blocked', async ({
  page,
}) => {
  // Runs before the admin's own scripts, outside its policy (Playwright injects it).
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.cspViolations.push(`${e.effectiveDirective} ${e.blockedURI}`);
    });
  });
  const violations = () => page.evaluate(() => window.cspViolations);

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
  await fillSignIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await page.getByRole('link', { name: 'New article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();
  await page.getByLabel('Title', { exact: true }).fill('Policy check');
  await page
    .getByLabel('Body', { exact: true })
    .fill(
      `## A heading\n\nSome **bold** text.\n\n![From the site](${SITE_URL}/favicon.ico)\n\n` +
        '![From elsewhere](http://127.0.0.1:9/tracker.png)',
    );
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 2, name: 'A heading' })).toBeVisible();
  await expect(preview.getByRole('img')).toHaveCount(2);

  await expect.poll(violations).toEqual(['img-src http://127.0.0.1:9/tracker.png']);
});
