// Signing in to the admin as a person does, through its sign-in form; the owner's signed-in state, saved once
// for the admin journeys to start from; and bringing a second staff member in through the real invitation (the
// email at the run's SMTP server, then the accept page in a browser of their own).
import { fileURLToPath } from 'node:url';
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { mailTo } from './mail.js';

/**
 * The owner the admin-setup project creates on first run; every other admin journey is them. Their credentials
 * are here and nowhere else.
 */
export const owner = {
  name: 'Rosa Apaza',
  email: 'rosa@example.org',
  password: 'a long and secret passphrase',
};

/**
 * The owner's signed-in browser state (better-auth's session cookie for the admin's origin), written by
 * admin-auth.setup.ts after one sign-in through the form; the `admin` project's pages start from it. Ignored by git.
 */
export const ownerState = fileURLToPath(new URL('../.auth/owner.json', import.meta.url));

/**
 * Signed out: for a spec that signs in itself, or signs out (which would end the shared session), `test.use(signedOut)`;
 * for another person's browser, `browser.newContext(signedOut)`, since in a test `browser.newContext()` takes the
 * project's `use` options, the owner's storageState with them.
 */
export const signedOut = { storageState: { cookies: [], origins: [] } };

/** Fills in the sign-in form already on the page and sends it. */
export async function fillSignIn(
  page: Page,
  who: { email: string; password: string } = owner,
): Promise<void> {
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password').fill(who.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Opens the admin (`url`, its home by default) and signs in there through the form. */
export async function signIn(
  page: Page,
  who: { email: string; password: string } = owner,
  url = '/',
): Promise<void> {
  await page.goto(url);
  await fillSignIn(page, who);
}

const ACCEPT_LINK = /https?:\/\/\S+\/accept-invitation\?token=[\w-]+/;

/**
 * From the Staff page of a signed-in owner, invites `email` with `role` and waits for the invitation email;
 * gives the accept link it carries.
 */
export async function inviteStaff(page: Page, email: string, role: string): Promise<string> {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
  const invite = page.getByRole('region', { name: 'Invite a staff member' });
  await invite.getByLabel('Email address').fill(email);
  await invite.getByLabel('Role').selectOption(role);
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect.poll(async () => (await mailTo(email)).length, { timeout: 20_000 }).toBe(1);
  const link = (await mailTo(email))[0]!.text?.match(ACCEPT_LINK)?.[0];
  if (!link) throw new Error(`The invitation to ${email} carries no accept link`);
  return link;
}

/**
 * The invited person, in a browser of their own, follows the link, chooses a name and password and lands on the
 * Dashboard. Close the context when done with it.
 */
export async function acceptInvitation(
  browser: Browser,
  link: string,
  person: { name: string; password: string },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(signedOut);
  const page = await context.newPage();
  await page.goto(link);
  await page.getByLabel('Your name').fill(person.name);
  await page.getByLabel('Choose a password').fill(person.password);
  await page.getByRole('button', { name: 'Create my account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  return { context, page };
}
