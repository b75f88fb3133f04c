// What the admin's events pages read and write: the save refused on an old copy, slugs unique per language, the
// events list's tabs with keyset pages and counts, the registrations list (status, search, waitlist positions in
// arrival order, access needs only when asked for), and the record of who was told about a change. Runs on SQLite
// by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import type { Event, Registration } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import {
  countRegistrationsByStatus,
  eventEditingRepository,
  findEventDetail,
  listEventChangeRecipients,
  listStaffEvents,
  listStaffRegistrations,
  recordEventChangeEmail,
} from './repositories/event-editing.js';
import { findEventById, insertEvent, insertRegistration } from './repositories/events.js';
import { aRegistration, anEvent, createTestDatabase, testDialect, type TestDatabase } from './testing.js';

const now = new Date('2026-12-04T12:00:00.000Z');
let t: TestDatabase;

const event = (slug: string, startsAt: string, fields: Partial<Event> = {}) =>
  anEvent(randomIds.id(), new Date(startsAt), {
    translations: { en: { slug, title: slug, summary: '', body: '' } },
    createdAt: now,
    updatedAt: now,
    ...fields,
  });

const registration = (eventId: string, name: string, at: string, fields: Partial<Registration> = {}) => {
  const email = `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`;
  return aRegistration(randomIds.id(), eventId, {
    name,
    email,
    canonicalEmail: email,
    createdAt: new Date(at),
    ...fields,
  });
};

const events = {
  soon: event('soon', '2026-12-10T18:00:00Z'),
  later: event('later', '2027-01-10T18:00:00Z', { status: 'rescheduled' }),
  cancelled: event('cancelled', '2026-12-20T18:00:00Z', { status: 'cancelled' }),
  draft: event('draft', '2026-12-11T18:00:00Z', { status: 'draft' }),
  past: event('past', '2026-11-01T18:00:00Z'),
};

const regs = {
  ana: registration(events.soon.id, 'Ana Quispe', '2026-12-01T10:00:00Z', { accessNeeds: 'Step-free seat' }),
  ben: registration(events.soon.id, 'Ben Ortiz', '2026-12-01T11:00:00Z'),
  cai: registration(events.soon.id, 'Cai Luna', '2026-12-01T12:00:00Z', { status: 'waitlisted' }),
  dee: registration(events.soon.id, 'Dee Ramos', '2026-12-01T13:00:00Z', {
    status: 'pending',
    language: 'es',
  }),
  eva: registration(events.soon.id, 'Eva Soto', '2026-12-01T14:00:00Z', { status: 'waitlisted' }),
  fin: registration(events.soon.id, 'Fin Cruz', '2026-12-01T15:00:00Z', { status: 'cancelled' }),
};

beforeAll(async () => {
  t = await createTestDatabase();
  for (const e of Object.values(events)) await insertEvent(t.db, e);
  for (const r of Object.values(regs)) await insertRegistration(t.db, r);
});
afterAll(async () => {
  await t?.cleanup();
});

describe(`the admin's events on ${testDialect()}`, () => {
  it('lists each tab in its order, a page at a time, with counts per status', async () => {
    const tab = async (name: 'upcoming' | 'past' | 'drafts') =>
      (await listStaffEvents(t.db, { tab: name, now, limit: 10 })).map((e) => e.titles.en);
    expect(await tab('upcoming')).toEqual(['soon', 'cancelled', 'later']);
    expect(await tab('past')).toEqual(['past']);
    expect(await tab('drafts')).toEqual(['draft']);
    const first = await listStaffEvents(t.db, { tab: 'upcoming', now, limit: 2 });
    const last = first.at(-1)!;
    const next = await listStaffEvents(t.db, {
      tab: 'upcoming',
      now,
      limit: 2,
      after: { at: last.startsAt, id: last.id },
    });
    expect(next.map((e) => e.titles.en)).toEqual(['later']);
    expect(first[0]!.counts).toEqual({ pending: 1, confirmed: 2, waitlisted: 2, cancelled: 1 });
    expect(await countRegistrationsByStatus(t.db, events.later.id)).toEqual({
      pending: 0,
      confirmed: 0,
      waitlisted: 0,
      cancelled: 0,
    });
  });

  it('saves on the copy it was made on only, and keeps slugs unique per language', async () => {
    const repo = eventEditingRepository(t.db);
    const stored = (await findEventDetail(t.db, events.past.id))!;
    expect(stored.counts.confirmed).toBe(0);
    const later = new Date(now.getTime() + 1000);
    const edited: Event = {
      ...stored,
      capacity: 9,
      sequence: 1,
      translations: {
        en: { slug: 'past-renamed', title: 'Past, renamed', summary: '', body: '' },
        es: { slug: 'pasado', title: 'Pasado', summary: '', body: '' },
      },
      updatedAt: later,
    };
    await repo.update(edited, stored.updatedAt);
    const read = (await findEventById(t.db, events.past.id))!;
    expect(read).toMatchObject({ capacity: 9, sequence: 1, updatedAt: later });
    expect(read.translations.es?.slug).toBe('pasado');
    await expect(repo.update({ ...edited, capacity: 3 }, stored.updatedAt)).rejects.toMatchObject({
      code: 'STALE_VERSION',
    });
    await expect(
      repo.update({ ...edited, translations: { en: { ...edited.translations.en!, slug: 'soon' } } }, later),
    ).rejects.toMatchObject({ code: 'CONFLICT', field: 'slug' });
    expect(await repo.slugsLike('en', 'past')).toEqual(new Set(['past-renamed']));
    expect(await repo.campaignExists('no-such-campaign')).toBe(false);
  });
});

describe(`the admin's registrations on ${testDialect()}`, () => {
  const list = (f: Partial<Parameters<typeof listStaffRegistrations>[1]> = {}) =>
    listStaffRegistrations(t.db, { eventId: events.soon.id, withAccessNeeds: false, limit: 50, ...f });

  it('lists them in arrival order, the waitlisted with their place in line, without access needs unless asked', async () => {
    const all = await list();
    expect(all.map((r) => [r.name, r.status, r.position])).toEqual([
      ['Ana Quispe', 'confirmed', null],
      ['Ben Ortiz', 'confirmed', null],
      ['Cai Luna', 'waitlisted', 1],
      ['Dee Ramos', 'pending', null],
      ['Eva Soto', 'waitlisted', 2],
      ['Fin Cruz', 'cancelled', null],
    ]);
    expect(all[0]!.accessNeeds).toBeNull();
    expect((await list({ withAccessNeeds: true }))[0]!.accessNeeds).toBe('Step-free seat');
  });

  it('filters by status and by part of the name or email, keeping positions, and pages by arrival', async () => {
    expect((await list({ status: 'waitlisted', search: 'SOTO' })).map((r) => [r.name, r.position])).toEqual([
      ['Eva Soto', 2],
    ]);
    expect((await list({ search: 'ben.ortiz@' })).map((r) => r.name)).toEqual(['Ben Ortiz']);
    expect(await list({ search: '%' })).toEqual([]);
    const first = await list({ limit: 2 });
    const next = await list({ limit: 2, after: { at: first[1]!.createdAt, id: first[1]!.id } });
    expect(next.map((r) => r.name)).toEqual(['Cai Luna', 'Dee Ramos']);
  });

  it('gives a change’s fan-out everyone registered (not the cancelled), and records each person once', async () => {
    const recipients = await listEventChangeRecipients(t.db, events.soon.id, null, 100);
    expect(recipients.map((r) => r.name).sort()).toEqual([
      'Ana Quispe',
      'Ben Ortiz',
      'Cai Luna',
      'Dee Ramos',
      'Eva Soto',
    ]);
    expect(recipients.find((r) => r.name === 'Dee Ramos')?.language).toBe('es');
    const firstTwo = await listEventChangeRecipients(t.db, events.soon.id, null, 2);
    const rest = await listEventChangeRecipients(t.db, events.soon.id, firstTwo[1]!.registrationId, 100);
    expect(firstTwo.length + rest.length).toBe(5);
    expect(await recordEventChangeEmail(t.db, regs.ana.id, 2, now)).toBe(true);
    expect(await recordEventChangeEmail(t.db, regs.ana.id, 2, now)).toBe(false);
    expect(await recordEventChangeEmail(t.db, regs.ana.id, 3, now)).toBe(true);
  });
});
