// A reader signs a petition on the Spanish campaign hub with JavaScript off, as issue 13 asks: the form's errors in
// Spanish with what was typed kept, the email in Spanish at the run's real SMTP server, a plain GET and a HEAD of
// the emailed link (what mail scanners do) leaving the signature uncounted, the button confirming it, the count
// rising (the run's CAMPAIGN_COUNT_SECONDS is 1), the home page's ETag unchanged, and signing again with a Gmail
// dot variant adding nothing and reading the same. Each page is checked by axe.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { createDb, findCampaignBySlug, hashToken, insertSignatureToken, newToken } from '@ayni/db';
import { mailTo } from '../support/mail.js';
import { expectNoAxeViolations } from '../support/axe.js';
import { SITE_URL } from '../support/servers.js';

const HUB_ES = '/es/campaigns/justicia-para-las-mujeres-esterilizadas';
const HUB_EN = '/campaigns/justice-for-sterilised-women';
const SIGNER = 'luz.quispe.e2e@gmail.com';
const CONFIRM_LINK = /https?:\/\/\S+\/es\/campaigns\/confirm\/[\w-]+/;

/** The form's error state, checked by axe with JavaScript on (the form then posts through Remix's fetch). */
async function expectNoAxeViolationsOnRefusedForm(page: Page, path: string) {
  const context = await page.context().browser()!.newContext({ javaScriptEnabled: true, baseURL: SITE_URL });
  try {
    const checked = await context.newPage();
    await checked.goto(path);
    await checked.getByRole('button', { name: 'Firmar la petición' }).click();
    await expect(checked.getByRole('alert').filter({ hasText: 'Hay un problema' })).toBeVisible();
    const results = await new AxeBuilder({ page: checked }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  } finally {
    await context.close();
  }
}

/** The signatures the run's database holds for a canonical email: what a scanner or a second post could add. */
async function signaturesOf(canonicalEmail: string) {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    return await handle.db
      .selectFrom('signatures')
      .select(['status', 'source'])
      .where('canonical_email', '=', canonicalEmail)
      .execute();
  } finally {
    await handle.destroy();
  }
}

/** The count the hub shows now (the words above the bar). */
async function shownCount(page: Page, path: string): Promise<string> {
  await page.goto(path);
  return (await page.locator('.petition-progress .count').textContent()) ?? '';
}

test.describe('signing a petition without an account, JavaScript off', () => {
  test.use({ javaScriptEnabled: false, locale: 'es-PE' });

  test('the list, the hub and the campaign in the nav, in both languages', async ({ page }) => {
    await page.goto('/es');
    await page.getByRole('navigation', { name: 'Principal' }).getByRole('link', { name: 'Campañas' }).click();
    await expect(page).toHaveURL(/\/es\/campaigns$/);
    await expect(page.getByRole('heading', { level: 2, name: 'Campañas abiertas' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page
      .getByRole('link', { name: 'Justicia para las mujeres esterilizadas sin su consentimiento' })
      .click();
    await expect(page).toHaveURL(new RegExp(`${HUB_ES}$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Firma la petición' })).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Hitos' })).toBeVisible();
    // The campaign's upcoming event (the relation is set on the event).
    await expect(
      page
        .getByRole('region', { name: 'Eventos' })
        .getByRole('heading', { level: 3, name: 'Proyección: los testimonios de Quipu' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'English' }).click();
    await expect(page).toHaveURL(new RegExp(`${HUB_EN}$`));
    await expect(page.getByRole('heading', { level: 2, name: 'Sign the petition' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.goto('/campaigns');
    await expectNoAxeViolations(page);
  });

  test('signs on the Spanish hub; scanners cannot confirm; the button does, and the count rises', async ({
    page,
    request,
  }) => {
    const homeTag = (await request.get('/')).headers().etag;
    const before = await shownCount(page, HUB_ES);
    expect(before).toMatch(/^\d+ de 1,000 firmas$/);
    const count = Number(before.split(' ')[0]);

    // Nothing filled in: every problem named in Spanish, as links to the fields; what was typed is kept.
    await page.goto(`${HUB_ES}?source=boletin`);
    await page.getByRole('textbox', { name: 'Tu nombre' }).fill('Luz <b>Quispe</b>');
    await page.getByRole('button', { name: 'Firmar la petición' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'Hay un problema' });
    await expect(summary.getByRole('link')).toHaveText([
      'Escribe tu correo electrónico',
      'Marca la casilla para aceptar que guardemos tu firma',
    ]);
    await expect(page.getByRole('textbox', { name: 'Tu nombre' })).toHaveValue('Luz <b>Quispe</b>');
    await expectNoAxeViolationsOnRefusedForm(page, HUB_ES);

    await page.getByRole('textbox', { name: 'Correo electrónico' }).fill(SIGNER);
    await page.getByRole('checkbox', { name: /^Acepto que/ }).check();
    await page.getByRole('checkbox', { name: /^Quiero recibir noticias/ }).check();
    await page.getByRole('button', { name: 'Firmar la petición' }).click();
    await expect(page).toHaveURL(new RegExp(`${HUB_ES}/check-email$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Revisa tu correo' })).toBeVisible();
    const checkEmailPage = await page.locator('main').textContent();
    await expectNoAxeViolations(page);

    await expect.poll(async () => (await mailTo(SIGNER)).length, { timeout: 20_000 }).toBe(1);
    const [mail] = await mailTo(SIGNER);
    expect(mail!.subject).toBe(
      'Confirma tu firma en la petición “Justicia para las mujeres esterilizadas sin su consentimiento”',
    );
    expect(mail!.html).toContain('Luz &lt;b&gt;Quispe&lt;/b&gt;');
    const link = mail!.text?.match(CONFIRM_LINK)?.[0];
    expect(link, 'the confirmation link').toBeDefined();

    // What a scanner does: open the link, or ask for its headers. Neither confirms.
    const scanned = await request.get(link!);
    expect(scanned.status()).toBe(200);
    expect(scanned.headers()['cache-control']).toBe('no-store');
    expect(scanned.headers()['referrer-policy']).toBe('same-origin');
    expect(scanned.headers()['x-robots-tag']).toBe('noindex');
    expect((await request.head(link!)).status()).toBe(200);
    expect(await signaturesOf('luzquispee2e@gmail.com')).toEqual([{ status: 'pending', source: 'boletin' }]);
    expect(await shownCount(page, HUB_ES)).toBe(before);

    // The reader opens it and presses the one button.
    await page.goto(link!);
    await expect(page.getByRole('heading', { level: 1, name: 'Confirma tu firma' })).toBeVisible();
    await expect(page.getByText('Vas a confirmar la firma de Luz <b>Quispe</b>')).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Confirmar mi firma' }).click();
    await expect(page).toHaveURL(new RegExp(`${HUB_ES}/thanks$`));
    await expect(page.getByRole('heading', { level: 1, name: 'Gracias por firmar' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Compartir por WhatsApp' })).toHaveAttribute(
      'href',
      /^https:\/\/wa\.me\/\?text=/,
    );
    await expect(
      page.getByRole('heading', { level: 3, name: 'Ven a un evento de esta campaña' }),
    ).toBeVisible();
    await expect(page.getByText('Proyección: los testimonios de Quipu')).toBeVisible();
    await expectNoAxeViolations(page);

    const after = `${count + 1} de 1,000 firmas`;
    await expect.poll(() => shownCount(page, HUB_ES), { timeout: 10_000 }).toBe(after);
    // A signature is not content: the home page was not rendered again for it.
    expect((await request.get('/')).headers().etag).toBe(homeTag);

    // Pressing the button again (the link kept in the inbox) is harmless: the same thanks, no second count.
    await page.goto(link!);
    await page.getByRole('button', { name: 'Confirmar mi firma' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Gracias por firmar' })).toBeVisible();

    // Signing again with a Gmail dot variant adds nothing and reads the same. (No "you have already signed"
    // email here: the run signs from one address, and a second post within the minute is over its limit; the
    // worker's tests receive that email.)
    await page.goto(HUB_ES);
    await page.getByRole('textbox', { name: 'Tu nombre' }).fill('Luz Q.');
    await page
      .getByRole('textbox', { name: 'Correo electrónico' })
      .fill('L.U.Z.Quispe.E2E+otra@googlemail.com');
    await page.getByRole('checkbox', { name: /^Acepto que/ }).check();
    await page.getByRole('button', { name: 'Firmar la petición' }).click();
    await expect(page).toHaveURL(new RegExp(`${HUB_ES}/check-email$`));
    expect(await page.locator('main').textContent()).toBe(checkEmailPage);
    expect(await signaturesOf('luzquispee2e@gmail.com')).toEqual([
      { status: 'confirmed', source: 'boletin' },
    ]);
    expect(await shownCount(page, HUB_ES)).toBe(after);
  });

  test('a link that does not work explains, and offers the campaigns', async ({ page }) => {
    const response = await page.goto('/es/campaigns/confirm/not-a-real-token');
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Este enlace no funciona' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Ver nuestras campañas' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

/**
 * A pending English signature on the English hub with a working confirmation link, written straight into the run's
 * database (the run signs from one address, so a second signing here would be held): the link's plaintext token.
 */
async function englishConfirmationLink(): Promise<string> {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const campaign = await findCampaignBySlug(handle.db, 'en', 'justice-for-sterilised-women');
    const now = new Date();
    const id = `e2e-en-${now.getTime()}`;
    await handle.db
      .insertInto('signatures')
      .values({
        id,
        campaign_id: campaign!.id,
        name: 'Tom Reader',
        email: `${id}@example.org`,
        canonical_email: `${id}@example.org`,
        country: 'GB',
        consent_statement: 'I agree.',
        consent_version: 'e2e',
        consent_given_at: now.toISOString(),
        consent_source: 'form',
        status: 'pending',
        created_at: now.toISOString(),
        language: 'en',
      })
      .execute();
    const token = newToken();
    await insertSignatureToken(handle.db, {
      signatureId: id,
      tokenHash: hashToken(token),
      createdAt: now,
      expiresAt: new Date(now.getTime() + 86_400_000),
    });
    return `/campaigns/confirm/${token}`;
  } finally {
    await handle.destroy();
  }
}

test.describe('the English campaign pages, JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('check your email, the confirm page, thanks and a broken link read in English and pass axe', async ({
    page,
  }) => {
    await page.goto(`${HUB_EN}/check-email`);
    await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(await englishConfirmationLink());
    await expect(page.getByRole('button', { name: 'Confirm my signature' })).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto(`${HUB_EN}/thanks`);
    await expect(page.getByRole('heading', { level: 1, name: 'Thank you for signing' })).toBeVisible();
    await expect(
      page.getByRole('heading', { level: 3, name: 'Come to an event of this campaign' }),
    ).toBeVisible();
    await expectNoAxeViolations(page);

    const broken = await page.goto('/campaigns/confirm/not-a-real-token');
    expect(broken?.status()).toBe(404);
    await expectNoAxeViolations(page);

    await page.goto(`${HUB_ES}/embed`);
    await expect(page.getByRole('button', { name: 'Firmar la petición' })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});

test.describe('the embed, on another site', () => {
  /** A partner's page on another origin (another port) that frames `paths` of the site. */
  async function partnerPage(paths: string[]): Promise<{ url: string; close: () => Promise<void> }> {
    const server = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(
        `<!doctype html><html lang="en"><title>Partner</title><main>${paths
          .map(
            (p, i) =>
              `<iframe id="f${i}" title="Frame ${i}" src="${SITE_URL}${p}" width="400" height="900"></iframe>`,
          )
          .join('')}</main></html>`,
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}/`,
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  test('shows the count and the sign form inside a partner’s frame; no other page may be framed', async ({
    page,
  }) => {
    const partner = await partnerPage([`${HUB_EN}/embed?source=partner-site`, HUB_EN]);
    try {
      await page.goto(partner.url);
      const embed = page.frameLocator('#f0');
      await expect(embed.getByRole('heading', { level: 1 })).toHaveText(
        'Justice for women sterilised without consent',
      );
      await expect(embed.locator('.petition-progress .count')).toHaveText(/^\d+ of 1,000 signatures$/);
      await expect(embed.getByRole('button', { name: 'Sign the petition' })).toBeVisible();
      await expect(embed.locator('input[name="source"]')).toHaveValue('partner-site');
      // The hub itself refuses to be framed: the frame stays empty.
      const hubFrame = await (await page.locator('#f1').elementHandle())!.contentFrame();
      await expect.poll(() => hubFrame!.url(), { timeout: 10_000 }).toBe('chrome-error://chromewebdata/');
      const hub = await page.request.get(HUB_EN);
      expect(hub.headers()['x-frame-options']).toBe('DENY');
      const framed = await page.request.get(`${HUB_EN}/embed`);
      expect(framed.headers()['content-security-policy']).toContain('frame-ancestors *');
      expect(framed.headers()['x-frame-options']).toBeUndefined();
    } finally {
      await partner.close();
    }
    await page.goto(`${HUB_EN}/embed`);
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });
});
