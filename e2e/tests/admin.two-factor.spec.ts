// Two-factor sign-in from the admin: the owner turns it on in "Your account" with a code from an authenticator
// (computed here from the key the page shows), then signing in asks for a code; finally they turn it off again.
import { base32 } from '@better-auth/utils/base32';
import { createOTP } from '@better-auth/utils/otp';
import { expect, test, type Page } from '@playwright/test';
import { owner, signedOut, signIn } from '../support/sign-in.js';

// Signs in and out itself: the owner's shared session must not be the one signed out.
test.use(signedOut);

async function signInWithPassword(page: Page) {
  await signIn(page);
}

test('turn on two-factor sign-in, sign in with a code, turn it off', async ({ page }) => {
  await signInWithPassword(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
  const section = page.getByRole('region', { name: 'Two-factor sign-in' });
  await section.getByLabel('Your password').fill(owner.password);
  await section.getByRole('button', { name: 'Set up two-factor sign-in' }).click();
  const key = (await section.locator('code.secret').textContent())!.trim();
  const secret = base32.decode(key);
  await expect(section.locator('.backup-codes li')).toHaveCount(10);
  await section.getByLabel('Code from your app').fill(await createOTP(secret).totp());
  await section.getByRole('button', { name: 'Turn on two-factor sign-in' }).click();
  await expect(section.getByText('Two-factor sign-in is on.')).toBeVisible();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await signInWithPassword(page);
  await expect(page.getByRole('heading', { name: 'Enter your authentication code' })).toBeVisible();
  await page.getByLabel('Authentication code').fill('000000');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('alert')).toContainText('That code is not right.');
  await page.getByLabel('Authentication code').fill(await createOTP(secret).totp());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your account' }).click();
  await section.getByLabel('Your password').fill(owner.password);
  await section.getByRole('button', { name: 'Turn off two-factor sign-in' }).click();
  await expect(section.getByText('Two-factor sign-in is off.')).toBeVisible();
});
