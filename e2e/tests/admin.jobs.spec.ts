// Staff check that email works and see what the background jobs did: the test message goes through the queue,
// the worker delivers it to the run's SMTP server, and the Messages and Jobs pages show it.
import { createDb } from '@ayni/db';
import { expect, test } from '@playwright/test';
import { mailTo } from '../support/mail.js';
import { owner } from '../support/sign-in.js';

async function sentMessages(): Promise<number> {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const row = await handle.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', 'sent')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await handle.destroy();
  }
}

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

test('a test email is queued, delivered by the worker, and listed as sent', async ({ page }) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Messages' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Messages' })).toBeVisible();
  await page.getByRole('button', { name: 'Send me a test email' }).click();
  await expect(page.getByText(`Test message queued for ${owner.email}`)).toBeVisible();

  await expect
    .poll(async () => (await mailTo(owner.email)).map((m) => m.subject), { timeout: 20_000 })
    .toEqual(['Test message from Andes Solidarity Network']);
  const [mail] = await mailTo(owner.email);
  expect(mail!.text).toContain('Rosa Apaza');
  expect(mail!.html).toContain('lang="en"');

  const row = page.getByRole('row', { name: /rosa@example\.org/ });
  await expect(row.getByText('Sent')).toBeVisible({ timeout: 20_000 });
  await expect(row).toContainText('Test message from Andes Solidarity Network');
});

test('the Jobs page shows counts per job, and the recurring sweep', async ({ page }, testInfo) => {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Jobs' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Jobs' })).toBeVisible();
  // Jobs are named by what they do, with their technical name beside it.
  // One done email job per message sent: the test email above, and whatever the site's journeys sent (a signer's
  // confirmation), counted in the run's database rather than assumed from the order the specs run in.
  const emailRow = page.getByRole('row', { name: /^Send an email \(email\.send\)/ });
  await expect(emailRow.getByRole('cell').nth(2)).toHaveText(String(await sentMessages()));
  const sweep = page
    .getByRole('region', { name: 'Recurring schedules' })
    .getByRole('row', { name: /^Regular checks/ });
  await expect(sweep).toContainText('Every minute');
  await expect(sweep).toContainText('publish the scheduled articles whose time has come');
  await expect(sweep).toContainText('close the campaigns whose petition deadline has passed');
  await expect(sweep).toContainText('* * * * *');
  await expect(sweep).toContainText('Europe/London');
  await expect(page.getByText('No failed jobs.')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('jobs.png'), fullPage: true });
});
