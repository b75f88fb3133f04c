// An editor writes a news article (Markdown body, a new topic), previews it as the site will render it, saves
// the draft, publishes it and finds it on the public site's home page. Two tabs on the same article: the second
// save is refused, the person's text stays in the form, and they can load the other version.
import { expect, test, type Page } from '@playwright/test';
import { SITE_URL } from '../support/servers.js';

// Signed in as the owner already (the admin project's storageState).
test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Dashboard' })).toBeVisible();
});

/** Opens a new article from the Articles page, fills it in and saves the draft; returns the editor's address. */
async function writeDraft(
  page: Page,
  fields: { title: string; summary: string; body: string; topics?: string },
) {
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
  await page.getByRole('link', { name: 'New article' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();

  await page.getByLabel('Title', { exact: true }).fill(fields.title);
  await page.getByLabel('Summary', { exact: true }).fill(fields.summary);
  await page.getByLabel('Body', { exact: true }).fill(fields.body);
  if (fields.topics) await page.getByLabel('Topics', { exact: true }).fill(fields.topics);
  await page.getByLabel('Kind', { exact: true }).selectOption('news');
  await page.getByLabel('Language', { exact: true }).selectOption('en');
  return fields;
}

test('write, preview, save and publish a news article; it is on the public site', async ({
  page,
}, testInfo) => {
  const title = `Puno water defenders meet the ombudsman ${Date.now()}`;
  await writeDraft(page, {
    title,
    summary: 'Community leaders from Puno took their case about the polluted river to the ombudsman.',
    body: '## What happened\n\nLeaders from **Puno** met the ombudsman in Lima.\n\n- Water samples\n- Testimonies',
    topics: 'Water rights',
  });
  const slug = page.getByLabel('Slug', { exact: true });
  await expect(slug).toHaveAttribute('placeholder', /^puno-water-defenders-meet-the-ombudsman-\d+$/);

  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.getByRole('heading', { level: 2, name: 'What happened' })).toBeVisible();
  await expect(preview.locator('strong', { hasText: 'Puno' })).toBeVisible();
  await expect(preview.getByRole('listitem')).toHaveCount(2);

  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page).toHaveURL(/\/articles\/[^/]+$/);
  await expect(page).not.toHaveURL(/\/articles\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status).toContainText('Draft');
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue(title);
  await expect(page.getByLabel('Topics', { exact: true })).toHaveValue(/Water rights/i);

  await status.getByRole('button', { name: 'Publish now' }).click();
  await expect(status.getByText('Published.')).toBeVisible();
  await expect(status.locator('.badge')).toHaveText('Published');
  const publicLink = status.getByRole('link', { name: /^http/ });
  await expect(publicLink).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('article-published.png'), fullPage: true });

  // Taking it off the site asks first; choosing Cancel (or Escape) leaves it published.
  await status.getByRole('button', { name: 'Unpublish' }).click();
  const ask = page.getByRole('dialog', { name: `Unpublish “${title}”?` });
  await expect(ask).toContainText('It leaves the public site and becomes a draft again.');
  await page.keyboard.press('Escape');
  await expect(ask).toHaveCount(0);
  await expect(status.locator('.badge')).toHaveText('Published');

  // In the list, with its status.
  await page.getByRole('link', { name: '← All articles' }).click();
  const row = page.getByRole('row', { name: new RegExp(title) });
  await expect(row.getByText('Published', { exact: true })).toBeVisible();

  // On the public site's home page, and its own page renders the Markdown.
  await page.goto(SITE_URL);
  const item = page.getByRole('region', { name: 'Latest news' }).getByRole('link', { name: title });
  await expect(item).toBeVisible();
  await item.click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'What happened' })).toBeVisible();
});

test('a new article: its address shown as typed, a formatting toolbar from the keyboard, the preview beside the text, published in one step', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const title = `Vigil for the defenders ${Date.now()}`;
  await writeDraft(page, { title, summary: 'A candlelit vigil.', body: 'We meet at six.' });
  const slug = page.getByLabel('Slug', { exact: true });
  await expect(slug).toHaveAccessibleDescription(/The address will be \/news\/vigil-for-the-defenders-\d+$/);
  await page.getByLabel('Language', { exact: true }).selectOption('es');
  await slug.fill('vigilia');
  await expect(slug).toHaveAccessibleDescription(/The address will be \/es\/news\/vigilia$/);
  await page.getByLabel('Language', { exact: true }).selectOption('en');
  await slug.fill('');

  // The toolbar is one Tab stop; arrows move along it; a button formats the selected words.
  const body = page.getByLabel('Body', { exact: true });
  await body.focus();
  await body.evaluate((el: HTMLTextAreaElement) => el.setSelectionRange(11, 14)); // "six"
  const toolbar = page.getByRole('toolbar', { name: 'Formatting' });
  await toolbar.getByRole('button', { name: 'Heading' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Bold' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(body).toHaveValue('We meet at **six**.');
  await expect(body).toBeFocused();
  await page.keyboard.press('Control+i');
  await expect(body).toHaveValue('We meet at ***six***.');

  // On a wide screen the preview sits beside the text and follows the typing.
  await page.getByRole('button', { name: 'Preview' }).click();
  const preview = page.getByRole('region', { name: 'Preview' });
  await expect(preview.locator('strong')).toHaveText('six');
  await body.fill('We meet at **seven**.');
  await expect(preview.locator('strong')).toHaveText('seven');
  const [text, shown] = [await body.boundingBox(), await preview.boundingBox()];
  expect(shown!.x).toBeGreaterThan(text!.x + text!.width - 1);
  await page.screenshot({ path: testInfo.outputPath('editor-side-by-side.png'), fullPage: true });

  // Published straight from the new article's form.
  await page.getByRole('button', { name: 'Save and publish now' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  const status = page.getByRole('region', { name: 'Status' });
  await expect(status.locator('.badge')).toHaveText('Published');
  await expect(status.getByText('Published.')).toBeVisible();
});

test('the list shows an article with its translation, and opens it filtered from its address', async ({
  page,
}) => {
  await page.goto('/articles?kind=page&language=en');
  await expect(page.getByLabel('Kind', { exact: true })).toHaveValue('page');
  const row = page.getByRole('row', { name: /^Our aims/ });
  await expect(row).toContainText('English · Spanish: Nuestros objetivos (published)');
  await row.getByRole('link', { name: 'Nuestros objetivos' }).click();
  await expect(page.getByLabel('Title', { exact: true })).toHaveValue('Nuestros objetivos');
});

test('a stale save is refused, keeps the typed text, and offers their version', async ({ page }) => {
  const title = `Milk labelling: what the new rules mean ${Date.now()}`;
  await writeDraft(page, {
    title,
    summary: 'A first summary.',
    body: 'The first version of the body.',
  });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  const address = page.url();

  // The same person (or a colleague) has it open in a second tab.
  const other = await page.context().newPage();
  await other.goto(address);
  await expect(other.getByLabel('Title', { exact: true })).toHaveValue(title);

  // The first tab saves a change.
  await page.getByLabel('Summary', { exact: true }).fill('Summary changed in the first tab.');
  const saved = page.waitForResponse((r) => r.url().includes('articles.update') && r.ok());
  await page.getByRole('button', { name: 'Save draft' }).click();
  await saved;
  await expect(page.getByRole('status').filter({ hasText: /^Saved at \d\d:\d\d$/ })).toBeVisible();

  // The second tab, still on the old version, tries to save its own text.
  const typed = 'Text typed in the second tab, which must not be lost.';
  await other.getByLabel('Body', { exact: true }).fill(typed);
  await other.getByRole('button', { name: 'Save draft' }).click();
  await expect(
    other
      .getByRole('alert')
      .filter({ hasText: 'This article was changed by someone else since you opened it.' }),
  ).toBeVisible();
  await expect(other.getByLabel('Body', { exact: true })).toHaveValue(typed);

  // Loading their version shows the first tab's change.
  await other.getByRole('button', { name: 'Reload their version' }).click();
  await expect(other.getByLabel('Summary', { exact: true })).toHaveValue('Summary changed in the first tab.');
  await expect(other.getByLabel('Body', { exact: true })).toHaveValue('The first version of the body.');
  await expect(other.getByRole('alert')).toHaveCount(0);
  await other.close();
});

test('drafts save themselves, leaving with changes asks first, and scheduling uses the organisation time', async ({
  page,
}) => {
  await writeDraft(page, {
    title: `Vigil for the Puno defenders ${Date.now()}`,
    summary: 'A vigil outside the embassy.',
    body: 'We will meet at six.',
  });
  await page.getByRole('button', { name: 'Save draft' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();

  // Autosave: a change to a draft is saved after a few seconds without typing, with no click.
  const autosaved = page.waitForResponse((r) => r.url().includes('articles.update') && r.ok(), {
    timeout: 20_000,
  });
  await page.getByLabel('Summary', { exact: true }).fill('A candlelit vigil outside the embassy.');
  await expect(page.getByText('Unsaved changes', { exact: true })).toBeVisible();
  await autosaved;
  await expect(page.getByText('Unsaved changes', { exact: true })).toHaveCount(0);

  // Leaving with unsaved changes asks; choosing to stay keeps the text.
  await page.getByLabel('Body', { exact: true }).fill('We will meet at six, with candles.');
  const asked = new Promise<string>((resolve) =>
    page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }),
  );
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Articles' }).click();
  expect(await asked).toContain('not saved');
  await expect(page.getByRole('heading', { level: 1, name: 'Edit article' })).toBeVisible();
  await expect(page.getByLabel('Body', { exact: true })).toHaveValue('We will meet at six, with candles.');

  // Scheduling: the time is entered and shown in the organisation's time zone; unsaved edits are saved first.
  const year = new Date().getFullYear() + 1;
  const status = page.getByRole('region', { name: 'Status' });
  await status.getByRole('button', { name: 'Schedule…' }).click();
  await expect(status.getByText('Europe/London time')).toBeVisible();
  await status.getByLabel('Publish at').fill(`${year}-06-21T18:00`);
  // The control shows the browser's own format; beside it, the moment in the admin's format and the zone.
  await expect(status.getByLabel('Publish at')).toHaveAccessibleDescription(
    `Publishes on 21 Jun ${year}, 18:00, Europe/London time.`,
  );
  await status.getByRole('button', { name: 'Schedule', exact: true }).click();
  await expect(status.getByText(`Scheduled for 21 Jun ${year}, 18:00 (Europe/London time).`)).toBeVisible();
  await expect(status.locator('.badge')).toHaveText('Scheduled');
  await expect(page.getByText('Unsaved changes', { exact: true })).toHaveCount(0);

  await status.getByRole('button', { name: 'Unschedule' }).click();
  await expect(status.locator('.badge')).toHaveText('Draft');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test('the articles list and the editor fit a 375px screen', async ({ page }, testInfo) => {
    await page.goto('/articles');
    await expect(page.getByRole('heading', { level: 1, name: 'Articles' })).toBeVisible();
    await expect(page.getByRole('table')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // Each article is a card: every value, the date included, is on screen without scrolling sideways.
    await expectRowsOnScreen(page, 375);
    await page.screenshot({ path: testInfo.outputPath('articles-phone.png'), fullPage: true });
    await page.getByRole('link', { name: 'New article' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New article' })).toBeVisible();
    await page.getByLabel('Kind', { exact: true }).selectOption('page');
    await expect(page.getByLabel('Navigation order')).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await page.screenshot({ path: testInfo.outputPath('article-editor-phone.png'), fullPage: true });
  });

  test('the Staff page keeps each person’s role, status and actions on a 390px screen', async ({
    page,
  }, testInfo) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/staff');
    await expect(page.getByRole('heading', { level: 1, name: 'Staff' })).toBeVisible();
    const people = page.getByRole('table', { name: 'Staff members and their roles' });
    await expect(people.getByRole('combobox').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectRowsOnScreen(page, 390);
    await page.screenshot({ path: testInfo.outputPath('staff-phone.png'), fullPage: true });
  });
});

/** Every cell of every table row lies within the screen's width (no column is off to the side). */
async function expectRowsOnScreen(page: Page, width: number) {
  for (const cell of await page.getByRole('table').locator('tbody').locator('th, td').all()) {
    const box = await cell.boundingBox();
    if (!box) continue; // an empty cell is not shown
    expect(box.x + box.width, (await cell.textContent()) ?? '').toBeLessThanOrEqual(width);
  }
}
