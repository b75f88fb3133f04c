// Registering for events through the unit of work on a real database: places held and given out one registration
// at a time (the event's row locked), the waitlist in arrival order, promotions exactly once even when
// cancellations arrive together, links only as good as their hash, purpose and expiry, and the worker's sweeps.
// Runs on SQLite by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import {
  cancelRegistrationByLink,
  cancelRegistrationByStaff,
  checkIn,
  confirmRegistration,
  deleteOldAccessNeeds,
  fillFreedPlaces,
  fixedClock,
  MAX_REGISTRATION_EMAILS,
  promoteByHand,
  registerForEvent,
  registrationConsents,
  registrationInputSchemaFor,
  releaseExpiredHolds,
  sendRegistrationReminders,
  systemClock,
  type Change,
  type Clock,
  type Event,
  type RegistrationPorts,
  type RegistrationTokenPurpose,
} from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomIds } from './ids.js';
import {
  countRegistrations,
  findRegistrationById,
  insertRegistrationToken,
  listWaitlist,
  registrationRepositories,
} from './repositories/event-registrations.js';
import { insertEvent, listRegistrationsForEvent } from './repositories/events.js';
import { contentVersion } from './repositories/settings.js';
import { anEvent, createTestDatabase, testDialect, type TestDatabase } from './testing.js';
import { hashToken, newToken } from './tokens.js';
import { nobody, runUnitOfWork } from './unit-of-work.js';

const clock = fixedClock('2026-12-04T10:00:00.000Z');
const DAY = 24 * 3_600_000;
let t: TestDatabase;
let sent: { kind: string; registrationId: string; position?: number | null; status: string }[] = [];

const ports = (
  trx: TestDatabase['db'],
  at: Clock = clock,
): RegistrationPorts & ReturnType<typeof registrationRepositories> => ({
  ...registrationRepositories(trx),
  emails: {
    confirmYourRegistration: async (r, _e, position) =>
      void sent.push({ kind: 'confirm', registrationId: r.id, position, status: r.status }),
    registered: async (r) => void sent.push({ kind: 'registered', registrationId: r.id, status: r.status }),
    offTheWaitlist: async (r) => void sent.push({ kind: 'promoted', registrationId: r.id, status: r.status }),
    cancelled: async (r) => void sent.push({ kind: 'cancelled', registrationId: r.id, status: r.status }),
    reminder: async (r) => void sent.push({ kind: 'reminder', registrationId: r.id, status: r.status }),
  },
  clock: at,
  ids: randomIds,
});

function run<T>(work: (p: ReturnType<typeof ports>) => Promise<Change<T>>, at: Clock = clock) {
  return runUnitOfWork(t.db, { clock: at, actor: nobody }, (trx) => work(ports(trx, at))).then(
    (c) => c.result,
  );
}

const register = (event: Event, email: string, extra: Record<string, unknown> = {}, at: Clock = clock) =>
  run(
    (p) =>
      registerForEvent(p, {
        eventId: event.id,
        language: 'es',
        input: registrationInputSchemaFor('es').parse({ name: 'Luz', email, consent: true, ...extra }),
        consents: registrationConsents('es', 'Ayni'),
      }),
    at,
  );

/** A link's token for a registration, as the email minter stores it (only its hash). */
async function link(
  registrationId: string,
  purpose: RegistrationTokenPurpose,
  expiresAt = new Date(clock.now().getTime() + 30 * DAY),
) {
  const token = newToken();
  await insertRegistrationToken(t.db, {
    registrationId,
    purpose,
    tokenHash: hashToken(token),
    createdAt: clock.now(),
    expiresAt,
  });
  return hashToken(token);
}

/** Follows a fresh confirm link for the registration (its hash stored first, outside the use case's transaction). */
async function confirmFor(registrationId: string, at: Clock = clock) {
  const tokenHash = await link(registrationId, 'confirm');
  return run((p) => confirmRegistration(p, { tokenHash }), at);
}

let serial = 0;
async function newEvent(overrides: Partial<Event> = {}, startsAt = new Date('2027-03-01T18:00:00.000Z')) {
  const event = anEvent(`ev-${++serial}`, startsAt, overrides);
  await insertEvent(t.db, event);
  return event;
}

const statuses = async (event: Event) =>
  (await listRegistrationsForEvent(t.db, event.id)).map((r) => [r.email, r.status]);

beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t?.cleanup();
});

describe(`registering for an event (${testDialect()})`, () => {
  it('holds places while they last, then waitlists in order with positions; re-registering re-sends and reveals nothing', async () => {
    sent = [];
    const event = await newEvent({ capacity: 2 });
    const before = await contentVersion(t.db);
    const a = await register(event, 'ana@example.org', { accessNeeds: 'Rampa', accessNeedsConsent: true });
    const b = await register(event, 'bea@example.org');
    const c = await register(event, 'cai@example.org');
    const d = await register(event, 'dan@example.org');
    expect([a.status, b.status, c.status, d.status]).toEqual([
      'pending',
      'pending',
      'waitlisted',
      'waitlisted',
    ]);
    expect(sent.map((s) => [s.kind, s.position])).toEqual([
      ['confirm', null],
      ['confirm', null],
      ['confirm', 1],
      ['confirm', 2],
    ]);
    const stored = (await findRegistrationById(t.db, a.registrationId))!;
    expect(stored).toMatchObject({
      language: 'es',
      accessNeeds: 'Rampa',
      emailsSent: 1,
      heldUntil: new Date(clock.now().getTime() + 2 * DAY),
      consent: { version: 'event-registration-2026-12' },
      accessNeedsConsent: { version: 'event-access-needs-2026-12' },
    });
    expect(await countRegistrations(t.db, event.id)).toEqual({ confirmed: 0, pending: 2, waitlisted: 2 });
    // A registration touches no part of the site: the page's places left are a minute old instead.
    expect(await contentVersion(t.db)).toBe(before);

    sent = [];
    const again = await register(event, ' CAI@example.org ');
    expect(again).toEqual({ registrationId: c.registrationId, status: 'waitlisted', outcome: 'resent' });
    expect(sent).toEqual([
      { kind: 'confirm', registrationId: c.registrationId, position: 1, status: 'waitlisted' },
    ]);
    for (let i = 2; i < MAX_REGISTRATION_EMAILS; i++) await register(event, 'cai@example.org');
    expect((await register(event, 'cai@example.org')).outcome).toBe('not-emailed');
    expect(await countRegistrations(t.db, event.id)).toEqual({ confirmed: 0, pending: 2, waitlisted: 2 });
  });

  it.each([
    ['cancelled', { status: 'cancelled' as const }, 'This event has been cancelled'],
    ['a draft', { status: 'draft' as const }, 'This event is not open for registration yet'],
    [
      'registering elsewhere',
      { registrationMode: 'elsewhere' as const, registrationUrl: 'https://example.org/' },
      'This event takes no registrations on this site',
    ],
    [
      'taking no registration',
      { registrationMode: 'none' as const },
      'This event takes no registrations on this site',
    ],
    ['switched off', { registrationOpen: false }, 'Registration for this event is closed'],
    [
      'not open yet',
      { registrationOpensAt: new Date('2026-12-05T00:00:00.000Z') },
      'Registration for this event has not opened yet',
    ],
    [
      'closed',
      { registrationClosesAt: new Date('2026-12-04T10:00:00.000Z') },
      'Registration for this event is closed',
    ],
  ])('refuses an event %s', async (_label, overrides, message) => {
    const event = await newEvent(overrides);
    await expect(register(event, 'ana@example.org')).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message,
    });
    expect(await statuses(event)).toEqual([]);
  });

  it('refuses an event that has started', async () => {
    const event = await newEvent({}, new Date('2026-12-04T09:00:00.000Z'));
    await expect(register(event, 'ana@example.org')).rejects.toMatchObject({
      message: 'This event has already started',
    });
  });
});

describe(`confirming and cancelling by link (${testDialect()})`, () => {
  it('confirms a held place once, confirms a waitlisted email without a place, and refuses bad links', async () => {
    const event = await newEvent({ capacity: 1 });
    const a = await register(event, 'ana@example.org');
    const b = await register(event, 'bea@example.org');
    sent = [];
    const hashA = await link(a.registrationId, 'confirm');
    const first = await run((p) => confirmRegistration(p, { tokenHash: hashA }));
    expect([first.status, 'now' in first && first.now]).toEqual(['confirmed', true]);
    const second = await run((p) => confirmRegistration(p, { tokenHash: hashA }));
    expect([second.status, 'now' in second && second.now]).toEqual(['confirmed', false]);
    expect(sent).toEqual([{ kind: 'registered', registrationId: a.registrationId, status: 'confirmed' }]);

    const waiting = await confirmFor(b.registrationId);
    expect(waiting).toMatchObject({ status: 'waitlisted', position: 1, now: true });
    expect((await findRegistrationById(t.db, b.registrationId))?.emailConfirmedAt).toEqual(clock.now());

    // A cancel link does not confirm, an expired link and an unknown one are refused.
    const cancelHash = await link(b.registrationId, 'cancel');
    expect(await run((p) => confirmRegistration(p, { tokenHash: cancelHash }))).toEqual({
      status: 'invalid',
    });
    const expired = await link(a.registrationId, 'confirm', clock.now());
    expect(await run((p) => confirmRegistration(p, { tokenHash: expired }))).toEqual({ status: 'invalid' });
    expect(await run((p) => confirmRegistration(p, { tokenHash: hashToken('nope') }))).toEqual({
      status: 'invalid',
    });
  });

  it('a cancellation from the link promotes the first in line once; a second press changes nothing', async () => {
    const event = await newEvent({ capacity: 1 });
    const a = await register(event, 'ana@example.org');
    const b = await register(event, 'bea@example.org');
    const c = await register(event, 'cai@example.org');
    await confirmFor(b.registrationId);
    sent = [];
    const cancelHash = await link(a.registrationId, 'cancel');
    const cancelled = await run((p) => cancelRegistrationByLink(p, { tokenHash: cancelHash }));
    expect(cancelled).toMatchObject({
      status: 'cancelled',
      now: true,
      registration: { cancelReason: 'person' },
    });
    // b had confirmed their email while waiting: promoted straight to confirmed.
    expect(sent).toEqual([
      { kind: 'promoted', registrationId: b.registrationId, status: 'confirmed' },
      { kind: 'cancelled', registrationId: a.registrationId, status: 'cancelled' },
    ]);
    sent = [];
    expect(await run((p) => cancelRegistrationByLink(p, { tokenHash: cancelHash }))).toMatchObject({
      now: false,
    });
    expect(sent).toEqual([]);
    expect(await statuses(event)).toEqual([
      ['ana@example.org', 'cancelled'],
      ['bea@example.org', 'confirmed'],
      ['cai@example.org', 'waitlisted'],
    ]);
    expect((await listWaitlist(t.db, event.id, 10)).map((r) => r.id)).toEqual([c.registrationId]);
  });

  it('a hold that ran out is released by the confirm link itself, and the place goes to the next in line', async () => {
    const event = await newEvent({ capacity: 1 });
    const a = await register(event, 'ana@example.org');
    const b = await register(event, 'bea@example.org');
    const later = fixedClock(new Date(clock.now().getTime() + 2 * DAY));
    sent = [];
    const hash = await link(a.registrationId, 'confirm');
    expect(await run((p) => confirmRegistration(p, { tokenHash: hash }), later)).toMatchObject({
      status: 'expired',
    });
    // b had not confirmed their email: a new 48-hour hold, and the email carries the confirm link.
    expect(sent).toEqual([{ kind: 'promoted', registrationId: b.registrationId, status: 'pending' }]);
    expect(await findRegistrationById(t.db, b.registrationId)).toMatchObject({
      status: 'pending',
      heldUntil: new Date(later.now().getTime() + 2 * DAY),
      promotedAt: later.now(),
    });
  });
});

describe(`staff and worker (${testDialect()})`, () => {
  it('releases expired holds and fills the places; fills as many as fit after a capacity raise', async () => {
    const event = await newEvent({ capacity: 2 });
    // Registered an hour before the other tests' registrations, so only these holds have run out at `later`.
    const earlier = fixedClock(new Date(clock.now().getTime() - 3_600_000));
    for (const who of ['a', 'b', 'c', 'd', 'e', 'f'])
      await register(event, `${who}@example.org`, {}, earlier);
    const later = fixedClock(new Date(earlier.now().getTime() + 2 * DAY + 1));
    sent = [];
    const released = await run((p) => releaseExpiredHolds(p, { limit: 100 }), later);
    expect(released).toEqual({ released: 2, promoted: 2 });
    expect(await statuses(event)).toEqual([
      ['a@example.org', 'cancelled'],
      ['b@example.org', 'cancelled'],
      ['c@example.org', 'pending'],
      ['d@example.org', 'pending'],
      ['e@example.org', 'waitlisted'],
      ['f@example.org', 'waitlisted'],
    ]);
    expect(
      (await findRegistrationById(t.db, (await listRegistrationsForEvent(t.db, event.id))[0]!.id))
        ?.cancelReason,
    ).toBe('expired');
    // A second sweep finds nothing.
    expect(await run((p) => releaseExpiredHolds(p, { limit: 100 }), later)).toEqual({
      released: 0,
      promoted: 0,
    });

    await t.db.updateTable('events').set({ capacity: 10 }).where('id', '=', event.id).execute();
    const promoted = await run((p) => fillFreedPlaces(p, { eventId: event.id }), later);
    expect(promoted.map((r) => r.email)).toEqual(['e@example.org', 'f@example.org']);
    expect(sent.filter((s) => s.kind === 'promoted')).toHaveLength(4);
  });

  it('moves someone off the waitlist by hand only while a place is free; cancels and checks in', async () => {
    const event = await newEvent({ capacity: 1 });
    const a = await register(event, 'ana@example.org');
    const b = await register(event, 'bea@example.org');
    const c = await register(event, 'cai@example.org');
    await expect(run((p) => promoteByHand(p, { registrationId: c.registrationId }))).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'No place is free: raise the capacity or cancel a registration first',
    });
    await t.db.updateTable('events').set({ capacity: 2 }).where('id', '=', event.id).execute();
    // Not the first in line: staff may choose.
    expect(await run((p) => promoteByHand(p, { registrationId: c.registrationId }))).toMatchObject({
      status: 'pending',
    });
    await expect(run((p) => checkIn(p, { registrationId: a.registrationId }))).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    await confirmFor(a.registrationId);
    expect(await run((p) => checkIn(p, { registrationId: a.registrationId }))).toMatchObject({
      checkedInAt: clock.now(),
    });
    sent = [];
    expect(
      await run((p) => cancelRegistrationByStaff(p, { registrationId: a.registrationId })),
    ).toMatchObject({
      status: 'cancelled',
      cancelReason: 'staff',
    });
    expect(sent.map((s) => [s.kind, s.registrationId])).toEqual([
      ['promoted', b.registrationId],
      ['cancelled', a.registrationId],
    ]);
    const audit = await t.db
      .selectFrom('audit_log')
      .select(['action', 'resource_id'])
      .where('resource_id', '=', a.registrationId)
      .execute();
    expect(audit.map((e) => e.action).sort()).toEqual([
      'event.registration.cancel',
      'event.registration.check-in',
    ]);
  });

  it('reminds each confirmed registrant of an event starting within 24 hours once', async () => {
    const soon = await newEvent({ capacity: 5 }, new Date(clock.now().getTime() + 20 * 3_600_000));
    const notYet = await newEvent({ capacity: 5 }, new Date(clock.now().getTime() + 30 * 3_600_000));
    const a = await register(soon, 'ana@example.org');
    await register(soon, 'bea@example.org'); // pending: not reminded
    const c = await register(notYet, 'cai@example.org');
    for (const r of [a, c]) await confirmFor(r.registrationId);
    sent = [];
    expect(await run((p) => sendRegistrationReminders(p, { limit: 100 }))).toBe(1);
    expect(await run((p) => sendRegistrationReminders(p, { limit: 100 }))).toBe(0);
    expect(sent).toEqual([{ kind: 'reminder', registrationId: a.registrationId, status: 'confirmed' }]);
    expect((await findRegistrationById(t.db, a.registrationId))?.remindedAt).toEqual(clock.now());
  });

  it('deletes access needs and their consent 30 days after the event ends, keeping the registration', async () => {
    const old = await newEvent({ capacity: 5 }, new Date(clock.now().getTime() + DAY));
    const r = await register(old, 'ana@example.org', { accessNeeds: 'Bucle', accessNeedsConsent: true });
    const within = fixedClock(new Date(old.endsAt.getTime() + 30 * DAY - 1));
    expect(await run((p) => deleteOldAccessNeeds(p, { limit: 100 }), within)).toBe(0);
    const after = fixedClock(new Date(old.endsAt.getTime() + 30 * DAY + 1));
    expect(await run((p) => deleteOldAccessNeeds(p, { limit: 100 }), after)).toBe(1);
    expect(await findRegistrationById(t.db, r.registrationId)).toMatchObject({
      status: 'pending',
      accessNeeds: null,
      accessNeedsConsent: null,
      consent: { version: 'event-registration-2026-12' },
    });
  });
});

describe(`at the same time (${testDialect()})`, () => {
  it('N registrations at once for k places: exactly k hold a place, the rest wait in arrival order', async () => {
    const event = await newEvent({ capacity: 5 });
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) => register(event, `p${i}@example.org`, {}, systemClock)),
    );
    expect(results.filter((r) => r.status === 'pending')).toHaveLength(5);
    const all = await listRegistrationsForEvent(t.db, event.id);
    const held = all.filter((r) => r.status === 'pending');
    const waiting = await listWaitlist(t.db, event.id, 100);
    expect([held.length, waiting.length]).toEqual([5, 11]);
    // Places went to those who arrived (took the lock) first.
    const lastHeld = Math.max(...held.map((r) => r.createdAt.getTime()));
    expect(waiting.every((r) => r.createdAt.getTime() >= lastHeld)).toBe(true);
    const positions = await Promise.all(
      waiting.map((r) => registrationRepositories(t.db).registrations.waitlistPosition(r)),
    );
    expect(positions).toEqual(waiting.map((_, i) => i + 1));
  });

  it('two cancellations at once: two distinct promotions, each emailed once', async () => {
    const event = await newEvent({ capacity: 2 });
    const regs = [];
    for (const who of ['a', 'b', 'c', 'd', 'e']) regs.push(await register(event, `${who}@example.org`));
    const [a, b, c, d] = regs;
    const hashes = [await link(a!.registrationId, 'cancel'), await link(b!.registrationId, 'cancel')];
    sent = [];
    await Promise.all(hashes.map((tokenHash) => run((p) => cancelRegistrationByLink(p, { tokenHash }))));
    const promotions = sent.filter((s) => s.kind === 'promoted').map((s) => s.registrationId);
    expect(promotions.sort()).toEqual([c!.registrationId, d!.registrationId].sort());
    expect(await countRegistrations(t.db, event.id)).toEqual({ confirmed: 0, pending: 2, waitlisted: 1 });
  });
});
