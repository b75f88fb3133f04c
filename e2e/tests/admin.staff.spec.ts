// The owner invites an editor; the invitation email arrives at the run's SMTP server; the editor follows its
// link, sets a name and password, is signed in, and cannot open Staff; the owner suspends them and the editor's
// open session stops working at once.
import { expect, test } from '@playwright/test';
import { mailTo } from '../support/mail.js';
import { fillSignIn, signedOut } from '../support/sign-in.js';

const editor = { email: 'eddie@example.org', name: 'Eddie Quispe', password: 'eddie long passphrase' };

test('invite, accept, limited access, suspension', async ({ browser, page }, testInfo) => {
  await page.goto('/');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Staff' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();

  const invite = page.getByRole('region', { name: 'Invite a staff member' });
  await invite.getByLabel('Email address').fill(editor.email);
  await invite.getByLabel('Role').selectOption('editor');
  await invite.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText(`Invitation sent to ${editor.email}`)).toBeVisible();

  await expect.poll(async () => (await mailTo(editor.email)).length, { timeout: 20_000 }).toBe(1);
  const [mail] = await mailTo(editor.email);
  expect(mail!.subject).toBe("You're invited to join Andes Solidarity Network on Ayni");
  const link = mail!.text!.match(/https?:\/\/\S+\/accept-invitation\?token=[\w-]+/)?.[0];
  expect(link).toBeTruthy();

  // The editor, in their own browser.
  const editorContext = await browser.newContext(signedOut);
  const editorPage = await editorContext.newPage();
  await editorPage.goto(link!);
  await expect(editorPage.getByRole('heading', { name: 'Accept your invitation' })).toBeVisible();
  await editorPage.getByLabel('Your name').fill(editor.name);
  await editorPage.getByLabel('Choose a password').fill(editor.password);
  await editorPage.getByRole('button', { name: 'Create my account' }).click();
  await expect(editorPage.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
  const nav = editorPage.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'Staff' })).toHaveCount(0);
  await editorPage.goto(new URL('/staff', link!).toString());
  await expect(editorPage.getByText('You do not have access to this page')).toBeVisible();
  const refused = await editorPage.request.get(new URL('/trpc/staff.list', link!).toString());
  expect(refused.status()).toBe(403);

  // The owner suspends the editor; the editor's open session stops working.
  await page.reload();
  // Suspending asks first, in a dialog that keeps the keyboard inside it: Escape says no and gives the focus back
  // to the button that asked; Tab stays on the dialog's two buttons.
  const suspendButton = page.getByRole('button', { name: `Suspend ${editor.name}` });
  await suspendButton.click();
  const ask = page.getByRole('dialog', { name: `Suspend ${editor.name}?` });
  await expect(ask).toContainText('They will be signed out at once');
  await expect(ask.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.screenshot({ path: testInfo.outputPath('staff-confirm.png') });
  await page.keyboard.press('Tab');
  await expect(ask.getByRole('button', { name: 'Suspend' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(suspendButton).toBeFocused();
  await expect(page.getByText(/Suspended Eddie Quispe/)).toHaveCount(0);
  await page.keyboard.press('Enter');
  await ask.getByRole('button', { name: 'Suspend' }).click();
  await expect(page.getByText(/Suspended Eddie Quispe/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('staff.png'), fullPage: true });
  const afterSuspension = await editorPage.request.get(new URL('/trpc/account.me', link!).toString());
  expect(afterSuspension.status()).toBe(401);
  await editorPage.reload();
  await expect(editorPage.getByRole('heading', { name: 'Sign in to Ayni' })).toBeVisible();
  await fillSignIn(editorPage, editor);
  await expect(editorPage.getByRole('alert')).toHaveText(
    'This account is suspended. Ask an owner or admin of your organisation.',
  );
  await editorContext.close();
});
