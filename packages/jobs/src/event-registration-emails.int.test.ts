// A registration's emails end to end on a real database and a real SMTP server (smtp-server, in this process): the
// confirmation (its link's token stored only as a hash: not in messages, job payloads or logs), "you are
// registered" with the event's .ics attached and the online link, the waitlist position, "off the waitlist" after a
// cancellation from the emailed link, the cancellation, and the worker's sweepers: the reminder (each registrant
// once) and deleting access needs. Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import {
  findRegistrationById,
  hashToken,
  insertEvent,
  nobody,
  registrationRepositories,
  runUnitOfWork,
  saveSettings,
  randomIds,
} from '@ayni/db';
import {
  anEvent,
  createTestDatabase,
  tablesContaining,
  testDialect,
  type TestDatabase,
} from '@ayni/db/testing';
import {
  cancelRegistrationByLink,
  confirmRegistration,
  fixedClock,
  registerForEvent,
  registrationConsents,
  registrationInputSchemaFor,
  systemClock,
  type Change,
  type Clock,
  type Event,
  type Language,
  type RegistrationPorts,
} from '@ayni/domain';
import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from './define.js';
import { eventRegistrationLinks } from './email/links.js';
import { registrationEmails } from './email/registrations.js';
import { deleteAccessNeedsSweeper, registrationRemindersSweeper } from './event-sweeps.js';
import type { Queue } from './queue.js';
import { allJobs } from './registry.js';
import { testQueue, waitFor } from './testing/helpers.js';
import { capturingLogger, startTestSmtp, type TestSmtp } from './testing/smtp.js';

let t: TestDatabase;
let smtp: TestSmtp;
let queue: Queue;
const logs = capturingLogger();
const HOUR = 3_600_000;
const ONLINE = 'https://meet.example.org/room-42';

beforeAll(async () => {
  smtp = await startTestSmtp({ logger: logs.logger });
  t = await createTestDatabase();
  await saveSettings(t.db, {
    organisationName: 'Andes Solidarity Network',
    siteUrl: 'https://andes.example.org',
  });
  queue = testQueue(t, allJobs, {
    mailer: smtp.mailer,
    links: { 'event-registration': eventRegistrationLinks },
    logger: logs.logger,
  });
  await queue.start();
  await queue.work({ concurrency: 4 });
}, 60_000);
afterAll(async () => {
  await queue?.stop(5_000);
  await smtp?.close();
  await t?.cleanup();
});

const ports = (trx: TestDatabase['db'], clock: Clock = systemClock): RegistrationPorts => ({
  ...registrationRepositories(trx),
  emails: registrationEmails(trx, queue, { clock }),
  clock,
  ids: randomIds,
});
const run = <T>(work: (p: RegistrationPorts) => Promise<Change<T>>) =>
  runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) => work(ports(trx))).then((c) => c.result);
const register = (event: Event, who: string, language: Language, extra: Record<string, unknown> = {}) =>
  run((p) =>
    registerForEvent(p, {
      eventId: event.id,
      language,
      input: registrationInputSchemaFor(language).parse({
        name: who,
        email: `${who}@example.org`,
        consent: true,
        ...extra,
      }),
      consents: registrationConsents(language, 'Andes Solidarity Network'),
    }),
  );
const ctx = (clock: Clock): JobContext => ({
  jobId: 'sweep',
  attempt: 1,
  db: t.db,
  dialect: t.dialect,
  clock,
  logger: logs.logger,
  queue,
  services: { mailer: smtp.mailer },
});

/** The `n`th email to `who` once it has arrived. */
const mail = (who: string, n: number) =>
  waitFor(() => smtp.mailTo(`${who}@example.org`)[n - 1], 30_000, `email ${n} to ${who}`);
const tokenIn = (m: ParsedMail, purpose: 'confirm' | 'cancel') => {
  const found = new RegExp(`https://andes\\.example\\.org(?:/es)?/events/${purpose}/([A-Za-z0-9_-]+)`).exec(
    m.text ?? '',
  );
  if (!found) throw new Error(`no ${purpose} link in "${m.subject}"`);
  return found[1]!;
};

function event(id: string, startsIn: number, overrides: Partial<Event> = {}): Event {
  return anEvent(id, new Date(Date.now() + startsIn), {
    onlineUrl: ONLINE,
    translations: {
      en: { slug: `${id}-en`, title: 'Defending the defenders', summary: 'A talk.', body: '' },
      es: { slug: `${id}-es`, title: 'Defender a quienes defienden', summary: 'Una charla.', body: '' },
    },
    ...overrides,
  });
}

describe(`registration emails on ${testDialect()}`, () => {
  it('confirm, registered with the .ics, waitlist position, off the waitlist, cancelled; no token stored', async () => {
    const ev = event('ev-mail', 30 * 24 * HOUR, { capacity: 1 });
    await insertEvent(t.db, ev);
    await register(ev, 'ana', 'es');
    const confirmMail = await mail('ana', 1);
    expect(confirmMail.subject).toBe('Confirma tu inscripción en “Defender a quienes defienden”');
    expect(confirmMail.headers.get('content-language')).toBe('es');
    // The online link only once registered.
    expect(confirmMail.text).not.toContain(ONLINE);
    const confirmToken = tokenIn(confirmMail, 'confirm');
    expect(await tablesContaining(t, confirmToken)).toEqual([]);
    expect(logs.text()).not.toContain(confirmToken);

    await register(ev, 'bea', 'en');
    const waitMail = await mail('bea', 1);
    expect(waitMail.subject).toBe(
      'You are on the waitlist for “Defending the defenders”: confirm your email',
    );
    expect(waitMail.text).toContain('you are number 1 on the waitlist');

    await run((p) => confirmRegistration(p, { tokenHash: hashToken(confirmToken) }));
    const registered = await mail('ana', 2);
    expect(registered.subject).toBe('Tienes plaza en “Defender a quienes defienden”');
    expect(registered.text).toContain(ONLINE);
    expect(registered.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['event.ics', 'text/calendar'],
    ]);
    const ics = registered.attachments[0]!.content.toString('utf8').replace(/\r\n[ \t]/g, '');
    expect(ics).toContain(`UID:ev-mail@andes.example.org`);
    expect(ics).toContain(ONLINE);
    expect(ics).toContain('METHOD:PUBLISH');

    const cancelToken = tokenIn(registered, 'cancel');
    expect(await tablesContaining(t, cancelToken)).toEqual([]);
    await run((p) => cancelRegistrationByLink(p, { tokenHash: hashToken(cancelToken) }));
    const cancelled = await mail('ana', 3);
    expect(cancelled.subject).toBe('Tu inscripción en “Defender a quienes defienden” está cancelada');
    const promoted = await mail('bea', 2);
    expect(promoted.subject).toBe('You are off the waitlist for “Defending the defenders”: you have a place');
    // Bea had not confirmed her email: a 48-hour hold and the confirm link, no calendar file yet.
    expect(promoted.attachments).toEqual([]);
    const beaToken = tokenIn(promoted, 'confirm');
    const confirmed = await run((p) => confirmRegistration(p, { tokenHash: hashToken(beaToken) }));
    expect(confirmed.status).toBe('confirmed');
    expect((await mail('bea', 3)).subject).toBe('You have a place at “Defending the defenders”');
  }, 60_000);

  it('the reminder sweeper emails each confirmed registrant of an event starting within 24 hours once', async () => {
    const soon = event('ev-soon', 20 * HOUR, { capacity: 10 });
    await insertEvent(t.db, soon);
    const r = await register(soon, 'cai', 'en', { accessNeeds: 'Step-free route', accessNeedsConsent: true });
    const token = tokenIn(await mail('cai', 1), 'confirm');
    await run((p) => confirmRegistration(p, { tokenHash: hashToken(token) }));
    await mail('cai', 2);
    await registrationRemindersSweeper.sweep(ctx(systemClock));
    await registrationRemindersSweeper.sweep(ctx(systemClock));
    const reminder = await mail('cai', 3);
    expect(reminder.subject).toBe('Reminder: “Defending the defenders” is coming up');
    expect(reminder.text).toContain(ONLINE);
    expect(reminder.text).toMatch(/https:\/\/andes\.example\.org\/events\/cancel\//);
    await waitFor(
      async () => (await queue.counts()).every((c) => c.active === 0 && c.queued === 0),
      30_000,
      'idle',
    );
    expect(smtp.mailTo('cai@example.org')).toHaveLength(3);

    // 30 days after the event's end, its access needs go; the registration stays.
    const after = fixedClock(new Date(soon.endsAt.getTime() + 30 * 24 * HOUR + 1));
    await deleteAccessNeedsSweeper.sweep(ctx(after));
    expect(await findRegistrationById(t.db, r.registrationId)).toMatchObject({
      status: 'confirmed',
      accessNeeds: null,
      accessNeedsConsent: null,
    });
  }, 60_000);
});
