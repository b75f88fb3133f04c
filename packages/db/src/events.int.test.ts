// What the public event pages read: upcoming and past events in one language, the events with pages (sitemap),
// and the places registrations hold. Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import type { Event, Registration } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import {
  countPastEvents,
  findEventById,
  insertEvent,
  insertRegistration,
  listEventsWithPages,
  listPastEvents,
  listRegistrationsForEvent,
  listUpcomingEvents,
} from './repositories/events.js';
import { countRegistrations } from './repositories/event-registrations.js';
import { createTestDatabase, testDialect, type TestDatabase } from './testing.js';

const now = new Date('2026-12-04T12:00:00.000Z');
const registrationDefaults = {
  language: 'en' as const,
  consent: null,
  accessNeeds: null,
  accessNeedsConsent: null,
  emailConfirmedAt: null,
  heldUntil: null,
  promotedAt: null,
  remindedAt: null,
  emailsSent: 0,
  cancelReason: null,
  checkedInAt: null,
} satisfies Partial<Registration>;
let t: TestDatabase;

function event(slug: string, startsAt: string, fields: Partial<Event> = {}): Event {
  const start = new Date(startsAt);
  return {
    id: randomIds.id(),
    startsAt: start,
    endsAt: new Date(start.getTime() + 2 * 3_600_000),
    timeZone: 'Europe/London',
    venue: { name: 'Amnesty International House', address: '17–25 New Inn Yard, London' },
    onlineUrl: null,
    accessibility: '',
    capacity: 3,
    registrationOpen: true,
    accessibilityFacts: [],
    registrationMode: 'here',
    registrationUrl: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sequence: 0,
    previousStartsAt: null,
    status: 'published',
    campaignId: null,
    translations: { en: { slug, title: slug, summary: '', body: '' } },
    createdAt: now,
    updatedAt: now,
    ...fields,
  };
}

const events = {
  soon: event('soon', '2026-12-10T18:00:00Z'),
  later: event('later', '2027-01-10T18:00:00Z', {
    translations: {
      en: { slug: 'later', title: 'Later', summary: '', body: '' },
      es: { slug: 'despues', title: 'Después', summary: '', body: '' },
    },
  }),
  cancelled: event('cancelled', '2026-12-20T18:00:00Z', { status: 'cancelled' }),
  draft: event('draft', '2026-12-11T18:00:00Z', { status: 'draft' }),
  lastMonth: event('last-month', '2026-11-01T18:00:00Z'),
  lastYear: event('last-year', '2025-11-01T18:00:00Z'),
  pastCancelled: event('past-cancelled', '2026-10-01T18:00:00Z', { status: 'cancelled' }),
};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const e of Object.values(events)) await insertEvent(t.db, e);
});
afterAll(async () => {
  await t?.cleanup();
});

describe(`event pages on ${testDialect()}`, () => {
  it('lists upcoming events soonest first, cancelled ones only when asked, drafts never', async () => {
    const slugs = async (options = {}) =>
      (await listUpcomingEvents(t.db, 'en', now, 10, options)).map((e) => e.slug);
    expect(await slugs()).toEqual(['soon', 'later']);
    expect(await slugs({ includeCancelled: true })).toEqual(['soon', 'cancelled', 'later']);
    expect((await listUpcomingEvents(t.db, 'es', now, 10)).map((e) => e.slug)).toEqual(['despues']);
  });

  it('pages through past events, the latest first, without cancelled ones or drafts', async () => {
    expect(await countPastEvents(t.db, 'en', now)).toBe(2);
    expect(await countPastEvents(t.db, 'es', now)).toBe(0);
    const first = await listPastEvents(t.db, 'en', now, { limit: 1 });
    const second = await listPastEvents(t.db, 'en', now, { limit: 1, offset: 1 });
    expect([...first, ...second].map((e) => e.slug)).toEqual(['last-month', 'last-year']);
  });

  it('gives the sitemap every event with a page, with all its languages', async () => {
    const listed = await listEventsWithPages(t.db);
    expect(listed.map((e) => e.translations.en?.slug).sort()).toEqual(
      ['cancelled', 'last-month', 'last-year', 'later', 'past-cancelled', 'soon'].sort(),
    );
    expect(listed.find((e) => e.id === events.later.id)?.translations.es?.slug).toBe('despues');
  });

  it("keeps an event's registration settings, facts and calendar sequence", async () => {
    const e = await insertEvent(
      t.db,
      event('with-settings', '2026-12-20T18:00:00.000Z', {
        accessibilityFacts: ['step-free', 'hearing-loop'],
        registrationMode: 'elsewhere',
        registrationUrl: 'https://tickets.example.org/vigil',
        registrationOpensAt: new Date('2026-12-05T09:00:00.000Z'),
        registrationClosesAt: new Date('2026-12-19T12:00:00.000Z'),
        sequence: 3,
        previousStartsAt: new Date('2026-12-13T18:00:00.000Z'),
      }),
    );
    expect(await findEventById(t.db, e.id)).toEqual(e);
  });

  it('keeps every field of a registration, consents and access needs included', async () => {
    const r: Registration = {
      id: randomIds.id(),
      eventId: events.soon.id,
      name: 'Ana',
      email: 'Ana@Example.org',
      canonicalEmail: 'ana@example.org',
      status: 'pending',
      createdAt: now,
      cancelledAt: null,
      language: 'es',
      consent: { statement: 'Acepto…', version: 'registration-2026-12', givenAt: now },
      accessNeeds: 'Silla de ruedas',
      accessNeedsConsent: { statement: 'Acepto que…', version: 'access-needs-2026-12', givenAt: now },
      emailConfirmedAt: null,
      heldUntil: new Date(now.getTime() + 48 * 3_600_000),
      promotedAt: null,
      remindedAt: null,
      emailsSent: 1,
      cancelReason: null,
      checkedInAt: null,
    };
    await insertRegistration(t.db, r);
    expect(await listRegistrationsForEvent(t.db, events.soon.id)).toEqual([r]);
  });

  it('counts the places confirmed and pending registrations hold, not waitlisted or cancelled ones', async () => {
    const register = (status: Registration['status'], n: number) =>
      insertRegistration(t.db, {
        id: randomIds.id(),
        eventId: events.soon.id,
        name: `Person ${n}`,
        email: `person${n}@example.org`,
        canonicalEmail: `person${n}@example.org`,
        status,
        createdAt: now,
        cancelledAt: status === 'cancelled' ? now : null,
        ...registrationDefaults,
      });
    // Ana's pending registration (the test above) holds one already.
    expect(await countRegistrations(t.db, events.soon.id)).toEqual({
      confirmed: 0,
      pending: 1,
      waitlisted: 0,
    });
    await register('confirmed', 1);
    await register('pending', 2);
    await register('waitlisted', 3);
    await register('cancelled', 4);
    expect(await countRegistrations(t.db, events.soon.id)).toEqual({
      confirmed: 1,
      pending: 2,
      waitlisted: 1,
    });
    expect(await countRegistrations(t.db, events.later.id)).toEqual({
      confirmed: 0,
      pending: 0,
      waitlisted: 0,
    });
  });
});
