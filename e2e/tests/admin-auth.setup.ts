// After the owner exists (admin-setup), they sign in once through the form, and that session is saved for the
// admin journeys: each starts signed in as the owner instead of signing in again (Playwright's storageState).
import { expect, test as setup } from '@playwright/test';
import { ownerState, signIn } from '../support/sign-in.js';

setup('the owner signs in once for the admin journeys', async ({ page }) => {
  await signIn(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await page.context().storageState({ path: ownerState });
});
