// Registering for an event with JavaScript off, as issue 14 asks, with the run's real SMTP server and worker: a
// reader takes the last place on the English page, confirms from the email (a GET and a HEAD of the link — what
// mail scanners do — change nothing; the button does), gets the .ics (parsed with ical.js, the online link in it);
// a second reader, on the Spanish page, lands on the waitlist and is told her position; the first cancels from
// the email's link; the second is promoted and emailed, and confirms. The reminder goes out when the sweep runs,
// directly, for an event starting within 24 hours (its dates set when it is made, no clock moved). The online link
// is in no public response. axe: the event page, check-email, confirm and cancel pages in English and Spanish.
import { randomUUID } from 'node:crypto';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import {
  createDb,
  insertEvent,
  markSiteChanged,
  nobody,
  registrationRepositories,
  runUnitOfWork,
} from '@ayni/db';
import { sendRegistrationReminders, systemClock, type Event } from '@ayni/domain';
import { allJobs, createMailer, createQueue, registrationEmails } from '@ayni/jobs';
import ICAL from 'ical.js';
import pino from 'pino';
import type { ParsedMail } from 'mailparser';
import { expectNoAxeViolations } from '../support/axe.js';
import { mailTo } from '../support/mail.js';

test.use({ javaScriptEnabled: false });

const run = randomUUID().slice(0, 8);
const ONLINE = `https://meet.example.org/e2e-${run}`;
const HOUR = 3_600_000;
const ANA = `ana.${run}@example.org`;
const LUZ = `luz.${run}@example.org`;
const CAI = `cai.${run}@example.org`;

function anEvent(slug: string, startsIn: number, capacity: number): Event {
  const now = new Date();
  const startsAt = new Date(now.getTime() + startsIn);
  return {
    id: randomUUID(),
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * HOUR),
    timeZone: 'Europe/London',
    venue: { name: 'Conway Hall', address: '25 Red Lion Square, London' },
    onlineUrl: ONLINE,
    accessibility: 'The lift is at the back entrance.',
    accessibilityFacts: ['step-free', 'hearing-loop'],
    capacity,
    registrationOpen: true,
    registrationMode: 'here',
    registrationUrl: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sequence: 0,
    previousStartsAt: null,
    status: 'published',
    campaignId: null,
    translations: {
      en: { slug: `${slug}-${run}`, title: `Vigil for the defenders ${run}`, summary: 'A vigil.', body: '' },
      es: {
        slug: `${slug}-es-${run}`,
        title: `Vigilia por los defensores ${run}`,
        summary: 'Una vigilia.',
        body: '',
      },
    },
    createdAt: now,
    updatedAt: now,
  };
}

async function withDb<T>(work: (db: ReturnType<typeof createDb>['db']) => Promise<T>): Promise<T> {
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  try {
    return await work(handle.db);
  } finally {
    await handle.destroy();
  }
}

/** The events this spec adds, removed again after it so the specs after it see the seeded site. */
const added: string[] = [];

async function publish(event: Event) {
  await withDb(async (db) => {
    await insertEvent(db, event);
    await markSiteChanged(db, ['events']);
  });
  added.push(event.id);
}

test.afterAll(async () => {
  if (added.length === 0) return;
  // Their registrations and links go with them (ON DELETE CASCADE).
  await withDb(async (db) => {
    await db.deleteFrom('event_translations').where('event_id', 'in', added).execute();
    await db.deleteFrom('events').where('id', 'in', added).execute();
    await markSiteChanged(db, ['events']);
  });
});

async function registrationsOf(event: Event) {
  return withDb((db) =>
    db
      .selectFrom('event_registrations')
      .select(['email', 'status', 'email_confirmed_at'])
      .where('event_id', '=', event.id)
      .orderBy('created_at')
      .execute(),
  );
}

/** The `n`th email to `address`, once the worker has sent it. */
async function nthMail(address: string, n: number): Promise<ParsedMail> {
  await expect
    .poll(async () => (await mailTo(address)).length, { timeout: 30_000 })
    .toBeGreaterThanOrEqual(n);
  return (await mailTo(address))[n - 1]!;
}

/** The path of the email's confirm or cancel link (the site's own address, whatever host the settings name). */
function linkIn(mail: ParsedMail, purpose: 'confirm' | 'cancel'): string {
  const found = new RegExp(`https?://[^/\\s]+((?:/es)?/events/${purpose}/[\\w-]+)`).exec(mail.text ?? '');
  expect(found, `${purpose} link in "${mail.subject}"`).not.toBeNull();
  return found![1]!;
}

/** What scanners do: GET and HEAD the link. Neither changes anything; the page is never cached nor indexed. */
async function scan(request: APIRequestContext, path: string) {
  const got = await request.get(path);
  expect(got.status()).toBe(200);
  expect(got.headers()['cache-control']).toBe('no-store');
  expect(got.headers()['referrer-policy']).toBe('same-origin');
  expect(got.headers()['x-robots-tag']).toBe('noindex');
  expect((await request.head(path)).status()).toBe(200);
}

async function registerOn(page: Page, path: string, name: string, email: string, words: typeof EN) {
  await page.goto(path);
  await page.getByRole('textbox', { name: words.name }).fill(name);
  await page.getByRole('textbox', { name: words.email, exact: true }).fill(email);
  await page.getByRole('checkbox', { name: words.consent }).check();
  await page.getByRole('button', { name: words.button, exact: true }).click();
}

const EN = {
  name: 'Your name',
  email: 'Your email address',
  consent: /^I agree that .* keeps my name/,
  button: 'Register',
};
const ES = {
  name: 'Tu nombre',
  email: 'Tu correo electrónico',
  consent: /^Acepto que .* guarde mi nombre/,
  button: 'Inscribirme',
};

test('a reader takes the last place, confirms from the email, cancels; the next in line is promoted', async ({
  page,
  request,
}) => {
  const event = anEvent('vigil', 30 * 24 * HOUR, 1);
  await publish(event);
  const en = `/events/${event.translations.en!.slug}`;
  const es = `/es/events/${event.translations.es!.slug}`;

  // The facts in words before the form, places left; nothing filled in: every problem named, what was typed kept.
  await page.goto(en);
  const access = page.locator('.access-facts');
  await expect(access.getByRole('listitem')).toHaveText(['Step-free access', 'Hearing loop']);
  await expect(page.getByText('1 places', { exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Your name' }).fill('Ana <b>Quispe</b>');
  await page.getByRole('textbox', { name: 'Access needs (optional)' }).fill('A chair near the front');
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Enter your email address',
    'Tick the box to agree to us keeping your registration',
  ]);
  await expect(page.getByRole('textbox', { name: 'Your name' })).toHaveValue('Ana <b>Quispe</b>');
  await expect(page.getByRole('textbox', { name: 'Access needs (optional)' })).toHaveValue(
    'A chair near the front',
  );
  // Access needs without their own consent are not kept: the form asks for it.
  await page.getByRole('textbox', { name: 'Your email address', exact: true }).fill(ANA);
  await page.getByRole('checkbox', { name: EN.consent }).check();
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText([
    'Tick the box to agree to us keeping your access needs, or leave the access needs empty',
  ]);
  expect(await registrationsOf(event)).toEqual([]);

  await registerOn(page, en, 'Ana Quispe', ANA, EN);
  await expect(page).toHaveURL(new RegExp(`${en}/check-email$`));
  await expect(page.getByRole('heading', { level: 1, name: 'Check your email' })).toBeVisible();
  await expectNoAxeViolations(page);

  const confirmMail = await nthMail(ANA, 1);
  expect(confirmMail.subject).toBe(`Confirm your registration for “Vigil for the defenders ${run}”`);
  const confirmPath = linkIn(confirmMail, 'confirm');
  await scan(request, confirmPath);
  expect(await registrationsOf(event)).toEqual([{ email: ANA, status: 'pending', email_confirmed_at: null }]);

  await page.goto(confirmPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirm your registration' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Confirm my registration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your registration is confirmed' })).toBeVisible();

  // The confirmation: the online link, the cancel link, and the event as a calendar file.
  const registered = await nthMail(ANA, 2);
  expect(registered.subject).toBe(`You have a place at “Vigil for the defenders ${run}”`);
  expect(registered.text).toContain(ONLINE);
  const ics = registered.attachments.find((a) => a.filename === 'event.ics');
  expect(ics?.contentType).toBe('text/calendar');
  const calendar = new ICAL.Component(ICAL.parse(ics!.content.toString('utf8')));
  for (const zone of calendar.getAllSubcomponents('vtimezone'))
    ICAL.TimezoneService.register(new ICAL.Timezone(zone));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  expect(vevent.getFirstPropertyValue('uid')).toBe(`${event.id}@localhost`);
  expect(String(vevent.getFirstPropertyValue('description'))).toContain(ONLINE);
  const dtstart = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
  expect(dtstart.toJSDate().getTime()).toBe(event.startsAt.getTime() - (event.startsAt.getTime() % 1000));

  // A second reader, on the Spanish page: the event is full, she joins the waitlist and is told her position.
  await page.goto(es);
  await expect(
    page.getByText('El evento está completo: inscríbete para entrar en la lista de espera.', {
      exact: false,
    }),
  ).toBeVisible();
  await expectNoAxeViolations(page);
  await registerOn(page, es, 'Luz Mamani', LUZ, ES);
  await expect(page.getByRole('heading', { level: 1, name: 'Revisa tu correo' })).toBeVisible();
  await expectNoAxeViolations(page);
  const waitMail = await nthMail(LUZ, 1);
  expect(waitMail.subject).toBe(
    `Estás en la lista de espera de “Vigilia por los defensores ${run}”: confirma tu correo`,
  );
  expect(waitMail.text).toContain('eres el número 1 de la lista de espera');

  // Ana cancels from the email's link: the page shows one button; a GET changes nothing.
  const cancelPath = linkIn(registered, 'cancel');
  await scan(request, cancelPath);
  expect((await registrationsOf(event)).map((r) => r.status)).toEqual(['confirmed', 'waitlisted']);
  await page.goto(cancelPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Cancel your registration' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Cancel my registration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your registration is cancelled' })).toBeVisible();
  expect((await nthMail(ANA, 3)).subject).toBe(
    `Your registration for “Vigil for the defenders ${run}” is cancelled`,
  );

  // Luz is promoted, once, and emailed in Spanish: a 48-hour hold and the confirm link (she had not confirmed).
  const promoted = await nthMail(LUZ, 2);
  expect(promoted.subject).toBe(
    `Ya no estás en la lista de espera de “Vigilia por los defensores ${run}”: tienes plaza`,
  );
  expect((await registrationsOf(event)).map((r) => r.status)).toEqual(['cancelled', 'pending']);
  const luzCancel = linkIn(promoted, 'cancel');
  await scan(request, luzCancel);
  await page.goto(luzCancel);
  await expect(page.getByRole('heading', { level: 1, name: 'Cancela tu inscripción' })).toBeVisible();
  await expectNoAxeViolations(page);
  const luzConfirm = linkIn(promoted, 'confirm');
  await scan(request, luzConfirm);
  await page.goto(luzConfirm);
  await expect(page.getByRole('heading', { level: 1, name: 'Confirma tu inscripción' })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('button', { name: 'Confirmar mi inscripción' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Tu inscripción está confirmada' })).toBeVisible();
  expect((await registrationsOf(event)).map((r) => r.status)).toEqual(['cancelled', 'confirmed']);
  await expect.poll(async () => (await mailTo(LUZ)).length, { timeout: 30_000 }).toBe(3);

  // The online link is in no public response: the pages, both calendar files, the feeds, the JSON-LD.
  for (const path of [
    en,
    es,
    `${en}/calendar.ics`,
    `${es}/calendar.ics`,
    '/events.ics',
    '/es/events.ics',
    '/events',
    '/es/events',
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).not.toContain(ONLINE);
  }
});

test('the reminder goes out, once, when the sweep runs for an event starting within 24 hours', async ({
  page,
}) => {
  const soon = anEvent('reminder', 20 * HOUR, 10);
  await publish(soon);
  const en = `/events/${soon.translations.en!.slug}`;
  await registerOn(page, en, 'Cai Huaman', CAI, EN);
  await page.goto(linkIn(await nthMail(CAI, 1), 'confirm'));
  await page.getByRole('button', { name: 'Confirm my registration' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Your registration is confirmed' })).toBeVisible();
  await nthMail(CAI, 2);

  // The sweep, run here on the run's database: its reminders are queued for the run's worker to send.
  const handle = createDb(process.env.E2E_DATABASE_URL!);
  const logger = pino({ level: 'silent' });
  const queue = createQueue({
    handle,
    definitions: allJobs,
    clock: systemClock,
    logger,
    services: { mailer: createMailer({ outboxDir: '/nonexistent', logger }) },
    timeZone: 'Europe/London',
    role: 'producer',
  });
  await queue.start();
  try {
    const sweep = () =>
      runUnitOfWork(handle.db, { clock: systemClock, actor: nobody }, (trx) =>
        sendRegistrationReminders(
          {
            ...registrationRepositories(trx),
            emails: registrationEmails(trx, queue, { clock: systemClock }),
            clock: systemClock,
          },
          { limit: 100 },
        ),
      );
    const first = await sweep();
    const second = await sweep();
    // The run's worker sweeps every minute too: between them, this registrant is reminded once.
    expect(first.result + second.result).toBeLessThanOrEqual(1);
    const [registration] = await registrationsOf(soon);
    expect(registration?.status).toBe('confirmed');
    const reminded = await handle.db
      .selectFrom('event_registrations')
      .select('reminded_at')
      .where('event_id', '=', soon.id)
      .executeTakeFirstOrThrow();
    expect(reminded.reminded_at).not.toBeNull();
  } finally {
    await queue.stop(5_000);
    await handle.destroy();
  }
  const reminder = await nthMail(CAI, 3);
  expect(reminder.subject).toBe(`Reminder: “Vigil for the defenders ${run}” is coming up`);
  expect(reminder.text).toContain(ONLINE);
  expect(reminder.text).toMatch(/\/events\/cancel\/[\w-]+/);
  expect(await mailTo(CAI)).toHaveLength(3);
});
