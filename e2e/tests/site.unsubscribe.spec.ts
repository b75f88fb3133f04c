// The page a milestone email's unsubscribe link opens, JavaScript off (issue 13): a GET (what a mail scanner does)
// leaves the signer's news on; the button stops them, with the time, the signature kept; a second press reads the
// same; a bad token explains. RFC 8058's one-click POST — the body `List-Unsubscribe=One-Click`, no cookies, from the
// mail provider's servers, with or without an Origin of theirs — is accepted on that address alone; any other
// cross-site POST there is still refused. Each page is checked by axe, in both languages.
import { randomBytes } from 'node:crypto';
import { expect, test } from '@playwright/test';
import { createDb, findCampaignBySlug, hashToken, insertSignature, insertUnsubscribeToken } from '@ayni/db';
import { aSignature } from '@ayni/db/testing';
import { expectNoAxeViolations } from '../support/axe.js';
import { SITE_URL } from '../support/servers.js';

const HUB_SLUG_ES = 'justicia-para-las-mujeres-esterilizadas';

/** A confirmed signer who asked for news, and the token of an unsubscribe link made for them (stored as its hash). */
async function aSignerWithLink(language: 'en' | 'es'): Promise<{ id: string; token: string }> {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const campaign = await findCampaignBySlug(handle.db, 'es', HUB_SLUG_ES);
    const id = `e2e-unsub-${randomBytes(6).toString('hex')}`;
    const now = new Date();
    await insertSignature(
      handle.db,
      aSignature(id, campaign!.id, { language, status: 'confirmed', confirmedAt: now, createdAt: now }),
    );
    const token = randomBytes(32).toString('base64url');
    await insertUnsubscribeToken(handle.db, { signatureId: id, tokenHash: hashToken(token), createdAt: now });
    return { id, token };
  } finally {
    await handle.destroy();
  }
}

async function newsStoppedAt(id: string) {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    const row = await handle.db
      .selectFrom('signatures')
      .select(['status', 'updates_consent_statement', 'updates_withdrawn_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('confirmed');
    expect(row.updates_consent_statement).toBe('Keep me updated.');
    return row.updates_withdrawn_at;
  } finally {
    await handle.destroy();
  }
}

test.describe('stopping a campaign’s emails from the link, JavaScript off', () => {
  test.use({ javaScriptEnabled: false });

  test('in Spanish: a GET changes nothing, the button stops the news, a second press reads the same', async ({
    page,
  }) => {
    const { id, token } = await aSignerWithLink('es');
    const response = await page.goto(`/es/unsubscribe/${token}`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()['cache-control']).toBe('no-store');
    expect(response!.headers()['referrer-policy']).toBe('same-origin');
    expect(response!.headers()['x-robots-tag']).toBe('noindex');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'Dejar de recibir correos sobre esta campaña',
    );
    await expectNoAxeViolations(page);
    expect(await newsStoppedAt(id)).toBeNull();

    await page.getByRole('button', { name: 'Dejar de recibir correos sobre esta campaña' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(
      'No recibirás más correos sobre esta campaña',
    );
    await expect(page.getByText('Tu firma se mantiene y sigue contando.')).toBeVisible();
    await expectNoAxeViolations(page);
    const stopped = await newsStoppedAt(id);
    expect(stopped).not.toBeNull();

    const again = await page.request.post(`/es/unsubscribe/${token}`, {
      headers: { Origin: SITE_URL },
      form: {},
    });
    expect(again.status()).toBe(200);
    expect(await again.text()).toContain('No recibirás más correos sobre esta campaña');
    expect(String(await newsStoppedAt(id))).toBe(String(stopped));
  });

  test('in English, and a link that does not work explains', async ({ page }) => {
    const { token } = await aSignerWithLink('en');
    await page.goto(`/unsubscribe/${token}`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Stop emails about this campaign');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Stop emails about this campaign' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('No more emails about this campaign');
    await expectNoAxeViolations(page);

    const bad = await page.goto('/unsubscribe/not-a-real-token');
    expect(bad!.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('This link does not work');
    await expectNoAxeViolations(page);
  });

  test('the mail provider’s one-click POST stops the news, from another origin too; other cross-site posts do not', async ({
    playwright,
  }) => {
    const provider = await playwright.request.newContext({ baseURL: SITE_URL });
    try {
      const first = await aSignerWithLink('es');
      // No Origin, no cookies: what a mail provider's server sends.
      const plain = await provider.post(`/es/unsubscribe/${first.token}`, {
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        data: 'List-Unsubscribe=One-Click',
      });
      expect(plain.status()).toBe(200);
      expect(await newsStoppedAt(first.id)).not.toBeNull();

      const second = await aSignerWithLink('en');
      const refused = [
        { Origin: 'https://mail.example.com', body: 'List-Unsubscribe=One-Click&extra=1' },
        { Origin: 'https://mail.example.com', body: 'Something=Else' },
      ];
      for (const { Origin, body } of refused) {
        const response = await provider.post(`/unsubscribe/${second.token}`, {
          headers: { Origin, 'Content-Type': 'application/x-www-form-urlencoded' },
          data: body,
        });
        expect(response.status(), body).toBe(403);
      }
      const elsewhere = await provider.post('/es/campaigns/' + HUB_SLUG_ES, {
        headers: { Origin: 'https://mail.example.com', 'Content-Type': 'application/x-www-form-urlencoded' },
        data: 'List-Unsubscribe=One-Click',
      });
      expect(elsewhere.status()).toBe(403);
      expect(await newsStoppedAt(second.id)).toBeNull();

      const fromWebmail = await provider.post(`/unsubscribe/${second.token}`, {
        headers: { Origin: 'https://mail.example.com', 'Content-Type': 'application/x-www-form-urlencoded' },
        data: 'List-Unsubscribe=One-Click',
      });
      expect(fromWebmail.status()).toBe(200);
      expect(await newsStoppedAt(second.id)).not.toBeNull();
    } finally {
      await provider.dispose();
    }
  });
});
