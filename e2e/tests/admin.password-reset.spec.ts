// A staff member who forgot their password asks for a link; the worker mints it when it sends the email (the
// message record keeps no link, docs/decisions/0009); the link leads to the admin's reset page, sets the new
// password once, and a second use is refused.
import { expect, test } from '@playwright/test';
import { mailTo } from '../support/mail.js';
import { acceptInvitation, fillSignIn, inviteStaff, signedOut } from '../support/sign-in.js';

const viewer = { email: 'paula@example.org', name: 'Paula Condori', password: 'paula first passphrase' };
const newPassword = 'paula second passphrase';

test('forgot password: the emailed link sets a new password, once', async ({ browser, page }) => {
  // The owner invites Paula, who accepts.
  await page.goto('/');
  const acceptLink = await inviteStaff(page, viewer.email, 'viewer');
  const invited = await acceptInvitation(browser, acceptLink, viewer);
  await invited.context.close();

  // Later, in another browser, Paula has forgotten her password.
  const forgot = await browser.newContext(signedOut);
  const paula = await forgot.newPage();
  await paula.goto('/');
  await paula.getByRole('link', { name: 'Forgot your password?' }).click();
  await paula.getByLabel('Email').fill(viewer.email);
  await paula.getByRole('button', { name: 'Email me a link' }).click();
  const resetMails = async () =>
    (await mailTo(viewer.email)).filter(
      (m) => m.subject === 'Reset your password for Andes Solidarity Network on Ayni',
    );
  await expect.poll(async () => (await resetMails()).length, { timeout: 20_000 }).toBe(1);
  const [reset] = await resetMails();
  const resetLink = reset!.text!.match(/https?:\/\/\S+\/reset-password\/[\w-]+\?callbackURL=\S+/)?.[0];
  expect(resetLink).toBeTruthy();

  await paula.goto(resetLink!);
  await expect(paula.getByRole('heading', { name: 'Choose a new password' })).toBeVisible();
  await paula.getByLabel('New password').fill(newPassword);
  await paula.getByRole('button', { name: 'Change password' }).click();
  await expect(paula.getByText('Your password was changed.')).toBeVisible();

  // The link works once.
  await paula.goto(resetLink!);
  await expect(paula.getByRole('alert')).toContainText('This link is not valid or has expired.');

  await paula.getByRole('link', { name: 'Ask for a new link' }).click();
  await paula.getByRole('link', { name: 'Back to sign in' }).click();
  await fillSignIn(paula, { email: viewer.email, password: newPassword });
  await expect(paula.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  await forgot.close();
});
