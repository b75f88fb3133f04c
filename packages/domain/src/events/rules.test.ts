import { describe, expect, it } from 'vitest';
import { fixedClock } from '../shared/clock.js';
import { sequentialIds } from '../shared/ids.js';
import {
  assertCanRegister,
  assertNotRegistered,
  cancelRegistration,
  newRegistration,
  placeFor,
  placesLeft,
  openStreetMapSearchUrl,
  placesLeftWhenHeld,
  eventInLanguage,
  promoteFromWaitlist,
  transitionEvent,
  waitlistOrder,
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

describe('placeFor', () => {
  it.each([
    ['unlimited', null, [reg('a', 'confirmed', NOW), reg('b', 'confirmed', NOW)], 'confirmed'],
    ['empty', 2, [], 'confirmed'],
    ['one place left', 2, [reg('a', 'confirmed', NOW), reg('b', 'cancelled', NOW)], 'confirmed'],
    ['full', 2, [reg('a', 'confirmed', NOW), reg('b', 'confirmed', NOW)], 'waitlisted'],
    [
      'waitlisted do not take places',
      2,
      [reg('a', 'confirmed', NOW), reg('b', 'waitlisted', NOW)],
      'confirmed',
    ],
    ['other events do not count', 1, [{ ...reg('a', 'confirmed', NOW), eventId: 'ev-2' }], 'confirmed'],
  ] as const)('%s', (_label, capacity, registrations, expected) => {
    expect(placeFor(event({ capacity }), registrations)).toBe(expected);
  });
});

describe('assertNotRegistered / newRegistration', () => {
  const existing = [
    reg('a', 'confirmed', '2026-05-10T00:00:00.000Z', 'anaquispe@gmail.com'),
    reg('b', 'cancelled', '2026-05-11T00:00:00.000Z', 'jose@example.pe'),
  ];

  it('refuses the same person twice, comparing canonical emails', () => {
    const error = catchError(() =>
      assertNotRegistered(event(), existing, ' Ana.Quispe+events@googlemail.com'),
    );
    expect([error.code, error.field, error.message]).toEqual([
      'CONFLICT',
      'email',
      'This email address is already registered for this event',
    ]);
  });

  it('lets someone register again after cancelling', () => {
    expect(assertNotRegistered(event(), existing, 'jose@example.pe')).toBeUndefined();
  });

  it('confirms while there is room, then waitlists', () => {
    const clock = fixedClock(NOW);
    const ids = sequentialIds('reg');
    const second = newRegistration(
      event(),
      existing,
      { name: 'José', email: 'Jose@Example.pe' },
      { clock, ids },
    );
    expect(second).toEqual({
      id: 'reg-1',
      eventId: 'ev-1',
      name: 'José',
      email: 'Jose@Example.pe',
      canonicalEmail: 'jose@example.pe',
      status: 'confirmed',
      createdAt: now,
      cancelledAt: null,
      language: 'en',
      consent: null,
      accessNeeds: null,
      accessNeedsConsent: null,
      emailConfirmedAt: now,
      heldUntil: null,
      promotedAt: null,
      remindedAt: null,
      emailsSent: 0,
      cancelReason: null,
      checkedInAt: null,
    });
    const third = newRegistration(
      event(),
      [...existing, second],
      { name: 'Rosa', email: 'rosa@example.org' },
      { clock, ids },
    );
    expect([third.id, third.status]).toEqual(['reg-2', 'waitlisted']);
  });

  it('refuses when the event is closed', () => {
    const error = catchError(() =>
      newRegistration(
        event({ registrationOpen: false }),
        [],
        { name: 'R', email: 'r@example.org' },
        {
          clock: fixedClock(NOW),
          ids: sequentialIds(),
        },
      ),
    );
    expect(error.code).toBe('INVALID_TRANSITION');
  });
});

describe('cancelRegistration', () => {
  const registrations = [
    reg('a', 'confirmed', '2026-05-01T00:00:00.000Z'),
    reg('b', 'confirmed', '2026-05-02T00:00:00.000Z'),
    reg('w3', 'waitlisted', '2026-05-04T00:00:00.000Z'),
    reg('w2', 'waitlisted', '2026-05-03T00:00:00.000Z'),
    reg('w1', 'waitlisted', '2026-05-03T00:00:00.000Z'),
    reg('x', 'cancelled', '2026-05-01T00:00:00.000Z'),
  ];

  it('promotes the earliest waitlisted (ties by id) when a confirmed place is cancelled', () => {
    const result = cancelRegistration(event(), registrations, 'b', fixedClock(NOW));
    expect(result).toEqual({
      cancelled: {
        ...reg('b', 'confirmed', '2026-05-02T00:00:00.000Z'),
        status: 'cancelled',
        cancelledAt: now,
      },
      promoted: { ...reg('w1', 'waitlisted', '2026-05-03T00:00:00.000Z'), status: 'confirmed' },
    });
  });

  it('promotes nobody when a waitlisted registration is cancelled', () => {
    const result = cancelRegistration(event(), registrations, 'w2', fixedClock(NOW));
    expect(result).toEqual({
      cancelled: {
        ...reg('w2', 'waitlisted', '2026-05-03T00:00:00.000Z'),
        status: 'cancelled',
        cancelledAt: now,
      },
      promoted: null,
    });
  });

  it('promotes nobody when nobody is waiting', () => {
    const result = cancelRegistration(event(), registrations.slice(0, 2), 'a', fixedClock(NOW));
    expect(result.promoted).toBeNull();
    expect(result.cancelled.status).toBe('cancelled');
  });

  it('promotes nobody when the event is still over capacity after a cut', () => {
    const result = cancelRegistration(
      event({ capacity: 1 }),
      [...registrations, reg('c', 'confirmed', NOW)],
      'a',
      fixedClock(NOW),
    );
    expect(result.promoted).toBeNull();
  });

  it('changes nothing when the registration is already cancelled', () => {
    const result = cancelRegistration(event(), registrations, 'x', fixedClock(NOW));
    expect(result).toEqual({ cancelled: registrations[5], promoted: null });
  });

  it('reports an unknown registration', () => {
    const error = catchError(() => cancelRegistration(event(), registrations, 'nope', fixedClock(NOW)));
    expect([error.code, error.message]).toEqual(['NOT_FOUND', 'This registration could not be found']);
  });
});

describe('waitlistOrder / promoteFromWaitlist / placesLeft', () => {
  const registrations = [
    reg('a', 'confirmed', '2026-05-01T00:00:00.000Z'),
    reg('w2', 'waitlisted', '2026-05-03T00:00:00.000Z'),
    reg('w1', 'waitlisted', '2026-05-02T00:00:00.000Z'),
    reg('w3', 'waitlisted', '2026-05-04T00:00:00.000Z'),
  ];

  it('orders the waitlist', () => {
    expect(waitlistOrder(registrations).map((r) => r.id)).toEqual(['w1', 'w2', 'w3']);
  });

  it.each([
    [1, []],
    [2, ['w1']],
    [3, ['w1', 'w2']],
    [10, ['w1', 'w2', 'w3']],
    [null, ['w1', 'w2', 'w3']],
  ])('capacity %s promotes %j', (capacity, expected) => {
    const promoted = promoteFromWaitlist(event({ capacity }), registrations);
    expect(promoted.map((r) => [r.id, r.status])).toEqual(expected.map((id) => [id, 'confirmed']));
  });

  it.each([
    [null, null],
    [1, 0],
    [5, 4],
  ])('capacity %s leaves %s places', (capacity, expected) => {
    expect(placesLeft(event({ capacity }), registrations)).toBe(expected);
  });
});

describe('transitionEvent', () => {
  it.each([
    ['draft', 'publish', 'published'],
    ['published', 'unpublish', 'draft'],
    ['draft', 'cancel', 'cancelled'],
    ['published', 'cancel', 'cancelled'],
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

describe('placesLeftWhenHeld', () => {
  it('takes the held places from the capacity, never below zero; no limit is null', () => {
    expect(placesLeftWhenHeld({ capacity: 80 }, 2)).toBe(78);
    expect(placesLeftWhenHeld({ capacity: 80 }, 81)).toBe(0);
    expect(placesLeftWhenHeld({ capacity: null }, 5)).toBeNull();
  });
});
