import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { sequentialIds } from '../shared/ids.js';
import { registrationConsents } from './consent.js';
import {
  assertCanRegister,
  cancelledRegistration,
  checkedInRegistration,
  confirmRegistrationEmail,
  eventInLanguage,
  holdExpired,
  newRegistration,
  openStreetMapSearchUrl,
  placeFor,
  placesLeft,
  promotedRegistration,
  transitionEvent,
  type EventAction,
} from './rules.js';
import type { Event, EventStatus, Registration, RegistrationStatus } from './schema.js';
import { catchError } from '../test-helpers.js';

const NOW = '2026-06-01T12:00:00.000Z';
const now = new Date(NOW);

function event(overrides: Partial<Event> = {}): Event {
  return {
    id: 'ev-1',
    translations: {
      en: { slug: 'defending-defenders', title: 'Defending the defenders', summary: '', body: '' },
    },
    startsAt: new Date('2026-06-21T17:00:00.000Z'),
    endsAt: new Date('2026-06-21T19:00:00.000Z'),
    timeZone: 'Europe/London',
    venue: { name: 'Human Rights Action Centre', address: '25 New Inn Yard, London' },
    onlineUrl: null,
    accessibility: 'Step-free access; hearing loop.',
    capacity: 2,
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
    createdAt: new Date('2026-05-01T00:00:00.000Z'),
    updatedAt: new Date('2026-05-01T00:00:00.000Z'),
    ...overrides,
  };
}

function reg(
  id: string,
  status: RegistrationStatus,
  createdAt: string,
  email = `${id}@example.org`,
): Registration {
  return {
    id,
    eventId: 'ev-1',
    name: id,
    email,
    canonicalEmail: email.toLowerCase(),
    status,
    createdAt: new Date(createdAt),
    cancelledAt: status === 'cancelled' ? new Date(createdAt) : null,
    language: 'en',
    consent: null,
    accessNeeds: null,
    accessNeedsConsent: null,
    emailConfirmedAt: new Date(createdAt),
    heldUntil: null,
    promotedAt: null,
    remindedAt: null,
    emailsSent: 0,
    cancelReason: null,
    checkedInAt: null,
  };
}

describe('assertCanRegister', () => {
  it.each([
    ['published and open', event(), NOW, null],
    ['rescheduled and open', event({ status: 'rescheduled' }), NOW, null],
    ['one millisecond before the start', event(), '2026-06-21T16:59:59.999Z', null],
    ['at the start', event(), '2026-06-21T17:00:00.000Z', 'This event has already started'],
    ['draft', event({ status: 'draft' }), NOW, 'This event is not open for registration yet'],
    ['cancelled', event({ status: 'cancelled' }), NOW, 'This event has been cancelled'],
    ['registration closed', event({ registrationOpen: false }), NOW, 'Registration for this event is closed'],
    [
      'registers elsewhere',
      event({ registrationMode: 'elsewhere', registrationUrl: 'https://example.org/r' }),
      NOW,
      'This event takes no registrations on this site',
    ],
    [
      'no registration',
      event({ registrationMode: 'none' }),
      NOW,
      'This event takes no registrations on this site',
    ],
    [
      'before opening',
      event({ registrationOpensAt: new Date('2026-06-01T12:00:00.001Z') }),
      NOW,
      'Registration for this event has not opened yet',
    ],
    ['at opening', event({ registrationOpensAt: now }), NOW, null],
    ['at closing', event({ registrationClosesAt: now }), NOW, 'Registration for this event is closed'],
  ])('%s', (_label, e, at, message) => {
    const run = () => assertCanRegister(e, fixedClock(at));
    if (message === null) {
      expect(run()).toBeUndefined();
    } else {
      const error = catchError(run);
      expect([error.code, error.message]).toEqual(['INVALID_TRANSITION', message]);
    }
  });
});

describe('placesLeft / placeFor', () => {
  it.each([
    ['unlimited', null, { confirmed: 5, pending: 5, waitlisted: 0 }, null, 'pending'],
    ['empty', 2, { confirmed: 0, pending: 0, waitlisted: 0 }, 2, 'pending'],
    ['pending holds a place', 2, { confirmed: 0, pending: 1, waitlisted: 0 }, 1, 'pending'],
    ['full with pending', 2, { confirmed: 1, pending: 1, waitlisted: 0 }, 0, 'waitlisted'],
    ['waitlisted do not take places', 2, { confirmed: 1, pending: 0, waitlisted: 4 }, 1, 'pending'],
    ['over capacity is 0, not below', 2, { confirmed: 3, pending: 0, waitlisted: 0 }, 0, 'waitlisted'],
  ] as const)('%s', (_label, capacity, counts, left, place) => {
    expect(placesLeft({ capacity }, counts)).toBe(left);
    expect(placeFor({ capacity }, counts)).toBe(place);
  });
});

const consents = registrationConsents('en', 'Ayni');
const input = (accessNeeds: string | null = null) => ({
  name: 'Ana',
  email: 'Ana.Quispe+events@googlemail.com',
  accessNeeds,
  consent: true as const,
  accessNeedsConsent: accessNeeds !== null,
});

describe('newRegistration', () => {
  const ctx = (place: 'pending' | 'waitlisted') => ({
    clock: fixedClock(NOW),
    ids: sequentialIds('r'),
    consents,
    language: 'es' as const,
    place,
  });

  it('holds a place for 48 hours with the consent as shown, in the page language', () => {
    const r = newRegistration(event(), input(), ctx('pending'));
    expect(r).toMatchObject({
      status: 'pending',
      canonicalEmail: 'anaquispe@gmail.com',
      language: 'es',
      heldUntil: new Date('2026-06-03T12:00:00.000Z'),
      consent: { ...consents.registration, givenAt: now },
      accessNeeds: null,
      accessNeedsConsent: null,
      emailConfirmedAt: null,
    });
  });

  it('keeps access needs with their own consent; a waitlisted registration holds nothing', () => {
    const r = newRegistration(event(), input('Wheelchair user'), ctx('waitlisted'));
    expect([r.status, r.heldUntil, r.accessNeeds, r.accessNeedsConsent]).toEqual([
      'waitlisted',
      null,
      'Wheelchair user',
      { ...consents.accessNeeds, givenAt: now },
    ]);
  });

  it('refuses when the event takes no registration now', () => {
    const error = catchError(() => newRegistration(event({ status: 'cancelled' }), input(), ctx('pending')));
    expect(error.code).toBe('INVALID_TRANSITION');
  });
});

describe('confirmRegistrationEmail / promotedRegistration / cancelledRegistration / checkedInRegistration', () => {
  const clock = fixedClock(NOW);
  const unconfirmed = (status: RegistrationStatus) => ({ ...reg('a', status, NOW), emailConfirmedAt: null });

  it('confirms a pending registration once; a waitlisted one only records the email', () => {
    const pending = { ...unconfirmed('pending'), heldUntil: new Date('2026-06-03T12:00:00.000Z') };
    const confirmed = confirmRegistrationEmail(pending, clock);
    expect([confirmed.status, confirmed.emailConfirmedAt, confirmed.heldUntil]).toEqual([
      'confirmed',
      now,
      null,
    ]);
    expect(confirmRegistrationEmail(confirmed, fixedClock('2026-06-02T00:00:00.000Z'))).toBe(confirmed);
    const waiting = confirmRegistrationEmail(unconfirmed('waitlisted'), clock);
    expect([waiting.status, waiting.emailConfirmedAt]).toEqual(['waitlisted', now]);
  });

  it('promotes to confirmed when the email was confirmed, else to a new 48-hour hold', () => {
    expect(promotedRegistration(reg('a', 'waitlisted', NOW), clock)).toMatchObject({
      status: 'confirmed',
      promotedAt: now,
      heldUntil: null,
    });
    expect(promotedRegistration(unconfirmed('waitlisted'), clock)).toMatchObject({
      status: 'pending',
      promotedAt: now,
      heldUntil: new Date('2026-06-03T12:00:00.000Z'),
    });
    expect(catchError(() => promotedRegistration(reg('a', 'confirmed', NOW), clock)).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('cancels with a reason, once', () => {
    const cancelled = cancelledRegistration(reg('a', 'pending', NOW), 'expired', clock);
    expect([cancelled.status, cancelled.cancelReason, cancelled.cancelledAt]).toEqual([
      'cancelled',
      'expired',
      now,
    ]);
    expect(cancelledRegistration(cancelled, 'person', fixedClock('2026-06-05T00:00:00.000Z'))).toBe(
      cancelled,
    );
  });

  it('holds an expired hold as expired only at or after heldUntil', () => {
    const pending = { ...reg('a', 'pending', NOW), heldUntil: now };
    expect(holdExpired(pending, new Date(now.getTime() - 1))).toBe(false);
    expect(holdExpired(pending, now)).toBe(true);
    expect(holdExpired({ ...pending, status: 'confirmed' }, now)).toBe(false);
  });

  it('checks in a confirmed registration once', () => {
    const checked = checkedInRegistration(reg('a', 'confirmed', NOW), clock);
    expect(checked.checkedInAt).toEqual(now);
    expect(checkedInRegistration(checked, fixedClock('2026-06-05T00:00:00.000Z'))).toBe(checked);
    expect(catchError(() => checkedInRegistration(reg('a', 'waitlisted', NOW), clock)).code).toBe(
      'INVALID_TRANSITION',
    );
  });
});

describe('transitionEvent', () => {
  it.each([
    ['draft', 'publish', 'published'],
    ['published', 'unpublish', 'draft'],
    ['rescheduled', 'unpublish', 'draft'],
    ['published', 'cancel', 'cancelled'],
    ['rescheduled', 'cancel', 'cancelled'],
    ['draft', 'cancel', 'Cannot cancel an event that is draft'],
    ['rescheduled', 'publish', 'Cannot publish an event that is rescheduled'],
    ['published', 'publish', 'Cannot publish an event that is published'],
    ['cancelled', 'publish', 'Cannot publish an event that is cancelled'],
    ['cancelled', 'cancel', 'Cannot cancel an event that is cancelled'],
    ['draft', 'unpublish', 'Cannot unpublish an event that is draft'],
  ] as [EventStatus, EventAction, string][])('%s + %s → %s', (status, action, expected) => {
    const run = () => transitionEvent(event({ status }), action, fixedClock(NOW));
    if (expected.startsWith('Cannot')) {
      const error = catchError(run);
      expect([error.code, error.message]).toEqual(['INVALID_TRANSITION', expected]);
    } else {
      expect(run()).toEqual(event({ status: expected as EventStatus, updatedAt: now }));
    }
  });
});

describe('eventInLanguage', () => {
  const both = event({
    translations: {
      en: { slug: 'defending-defenders', title: 'Defending the defenders', summary: 'A talk', body: '' },
      es: {
        slug: 'defender-a-defensores',
        title: 'Defender a quienes defienden',
        summary: 'Charla',
        body: '',
      },
    },
  });

  it('gives the event with the texts of the language asked for', () => {
    const { translations: _t, ...fields } = both;
    expect(eventInLanguage(both, 'es')).toEqual({
      ...fields,
      language: 'es',
      slug: 'defender-a-defensores',
      title: 'Defender a quienes defienden',
      summary: 'Charla',
      body: '',
    });
    expect(eventInLanguage(both, 'en')?.title).toBe('Defending the defenders');
  });

  it('gives null for a language the event is not written in', () => {
    expect(eventInLanguage(event(), 'es')).toBeNull();
  });
});

describe('openStreetMapSearchUrl', () => {
  it('searches for the venue and its address, encoded', () => {
    expect(
      openStreetMapSearchUrl({ name: 'Conway Hall', address: '25 Red Lion Square, London WC1R 4RL' }),
    ).toBe(
      'https://www.openstreetmap.org/search?query=Conway%20Hall%2C%2025%20Red%20Lion%20Square%2C%20London%20WC1R%204RL',
    );
    expect(openStreetMapSearchUrl({ name: 'Plaza de Armas & café', address: '' })).toBe(
      'https://www.openstreetmap.org/search?query=Plaza%20de%20Armas%20%26%20caf%C3%A9',
    );
  });
});
