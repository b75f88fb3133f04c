// Staff rescheduling and cancelling an event, end to end on a real database and a real SMTP server (smtp-server, in
// this process): a reschedule through the domain's use case emails each person registered (pending, confirmed,
// waitlisted — not the cancelled) once, in their language, with the old and new times in the event's zone; the
// fan-out run again sends nothing more; the cancellation afterwards tells them again, once; a job overtaken by a
// later change sends nothing. Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import {
  eventEditingRepository,
  findEventById,
  insertEvent,
  insertRegistration,
  listMessages,
  nobody,
  randomIds,
  runUnitOfWork,
  saveSettings,
} from '@ayni/db';
import { aRegistration, anEvent, createTestDatabase, testDialect, type TestDatabase } from '@ayni/db/testing';
import { cancelEvent, rescheduleEvent, systemClock, type EventEditingPorts } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventAnnouncements, eventChangeEmailsJob } from './event-change-emails.js';
import type { Queue } from './queue.js';
import { allJobs } from './registry.js';
import { testQueue, waitFor } from './testing/helpers.js';
import { capturingLogger, startTestSmtp, type TestSmtp } from './testing/smtp.js';

let t: TestDatabase;
let smtp: TestSmtp;
let queue: Queue;
const logs = capturingLogger();

const event = anEvent('ev-vigil', new Date('2027-03-30T17:00:00.000Z'), {
  translations: {
    en: { slug: 'vigil-for-cusco', title: 'Vigil for Cusco', summary: '', body: '' },
    es: { slug: 'vigilia-por-cusco', title: 'Vigilia por Cusco', summary: '', body: '' },
  },
});

beforeAll(async () => {
  smtp = await startTestSmtp({ logger: logs.logger });
  t = await createTestDatabase();
  await saveSettings(t.db, {
    organisationName: 'Andes Solidarity Network',
    siteUrl: 'https://andes.example.org',
  });
  queue = testQueue(t, allJobs, { mailer: smtp.mailer, logger: logs.logger });
  await queue.start();
  await queue.work({ concurrency: 4 });
  await insertEvent(t.db, event);
  for (const r of [
    aRegistration('ana', event.id),
    aRegistration('luz', event.id, { language: 'es', status: 'waitlisted' }),
    aRegistration('pia', event.id, { status: 'pending' }),
    aRegistration('gone', event.id, { status: 'cancelled', cancelReason: 'person' }),
  ]) {
    await insertRegistration(t.db, r);
  }
}, 60_000);
afterAll(async () => {
  await queue?.stop(5_000);
  await smtp?.close();
  await t?.cleanup();
});

const mailTo = (who: string) => smtp.mailTo(`${who}@example.org`);
const ports = (trx: TestDatabase['db']): EventEditingPorts => ({
  events: eventEditingRepository(trx),
  announcements: eventAnnouncements(trx, queue),
  places: { fillFreedPlaces: async () => 0, followMove: async () => {} },
  clock: systemClock,
  ids: randomIds,
});
const completedFanOuts = async () =>
  (await queue.counts()).find((c) => c.name === eventChangeEmailsJob.name)?.completed ?? 0;
const sentMessages = async () =>
  (await listMessages(t.db, { limit: 100 })).filter((m) => m.status === 'sent').length;
const current = async () => (await findEventById(t.db, event.id))!;

describe(`event change emails on ${testDialect()}`, () => {
  it('a reschedule emails everyone registered once, in their language, with both times', async () => {
    const before = await current();
    await runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) =>
      rescheduleEvent(ports(trx), {
        id: event.id,
        expectedUpdatedAt: before.updatedAt,
        startsAt: new Date('2027-04-06T17:00:00.000Z'),
        endsAt: new Date('2027-04-06T19:00:00.000Z'),
      }),
    );
    await waitFor(
      async () => (await completedFanOuts()) === 1 && (await sentMessages()) === 3,
      30_000,
      'three emails',
    );
    expect(smtp.received).toHaveLength(3);
    const [ana] = mailTo('ana');
    expect(ana!.subject).toBe('New date for “Vigil for Cusco”');
    const text = ana!.text!.replace(/\s+/g, ' ');
    expect(text).toContain(
      '“Vigil for Cusco” has moved from Tue 30 March 2027, 6.00pm–8.00pm, London time to Tue 6 April 2027, 6.00pm–8.00pm, London time.',
    );
    expect(text).toContain('https://andes.example.org/events/vigil-for-cusco');
    const [luz] = mailTo('luz');
    expect(luz!.subject).toBe('Nueva fecha para “Vigilia por Cusco”');
    expect(luz!.html).toContain('lang="es"');
    expect(luz!.text).toContain('https://andes.example.org/es/events/vigilia-por-cusco');
    expect(mailTo('pia')).toHaveLength(1);
    expect(mailTo('gone')).toEqual([]);
  }, 60_000);

  it('sends nothing more when the fan-out runs again', async () => {
    const e = await current();
    await queue.enqueue(t.db, eventChangeEmailsJob, {
      eventId: e.id,
      kind: 'rescheduled',
      sequence: e.sequence,
      startsAt: e.startsAt.toISOString(),
    });
    await waitFor(async () => (await completedFanOuts()) === 2, 30_000, 'the second run');
    expect((await listMessages(t.db, { limit: 100 })).length).toBe(3);
  }, 60_000);

  it('a cancellation tells them again, once; the overtaken reschedule’s job then sends nothing', async () => {
    const before = await current();
    await runUnitOfWork(t.db, { clock: systemClock, actor: nobody }, (trx) =>
      cancelEvent(ports(trx), { id: event.id, expectedUpdatedAt: before.updatedAt }),
    );
    await waitFor(
      async () => (await completedFanOuts()) === 3 && (await sentMessages()) === 6,
      30_000,
      'the cancellation emails',
    );
    expect(mailTo('ana').map((m) => m.subject)).toEqual([
      'New date for “Vigil for Cusco”',
      'Cancelled: “Vigil for Cusco”',
    ]);
    expect(mailTo('luz').at(-1)!.subject).toBe('Cancelado: “Vigilia por Cusco”');
    await queue.enqueue(t.db, eventChangeEmailsJob, {
      eventId: event.id,
      kind: 'rescheduled',
      sequence: before.sequence + 5,
      startsAt: before.startsAt.toISOString(),
    });
    await waitFor(async () => (await completedFanOuts()) === 4, 30_000, 'the overtaken job');
    expect((await listMessages(t.db, { limit: 100 })).length).toBe(6);
  }, 60_000);
});
