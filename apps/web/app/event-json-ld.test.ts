import type { EventInLanguage } from '@ayni/domain';
import { describe, expect, it } from 'vitest';
import { eventJsonLd, type EventJsonLdInput } from './event-json-ld.js';

const URL = 'https://ayni.test/events/vigil';

function event(fields: Partial<EventInLanguage> = {}): EventInLanguage {
  return {
    id: 'ev-1',
    // Monday 29 March 2027, 18:00 in London: the day after the clocks go forward (BST, UTC+1).
    startsAt: new Date('2027-03-29T17:00:00Z'),
    endsAt: new Date('2027-03-29T19:00:00Z'),
    timeZone: 'Europe/London',
    venue: { name: 'Conway Hall', address: '25 Red Lion Square, London WC1R 4RL' },
    onlineUrl: null,
    accessibility: '',
    accessibilityFacts: [],
    capacity: null,
    registrationOpen: true,
    registrationMode: 'here',
    registrationUrl: null,
    registrationOpensAt: null,
    registrationClosesAt: null,
    sequence: 0,
    previousStartsAt: null,
    status: 'published',
    campaignId: null,
    createdAt: new Date('2026-11-01T00:00:00Z'),
    updatedAt: new Date('2026-11-01T00:00:00Z'),
    slug: 'vigil',
    title: 'Vigil',
    summary: 'For water defenders',
    body: '',
    language: 'en',
    ...fields,
  };
}

function ld(fields: Partial<EventInLanguage> = {}, input: Partial<EventJsonLdInput> = {}) {
  return eventJsonLd({
    event: event(fields),
    url: URL,
    organisation: { name: 'Ayni', url: 'https://ayni.test' },
    placesLeft: null,
    currency: null,
    ...input,
  });
}

describe('eventJsonLd', () => {
  it('a scheduled event in person: its zone’s offset, a Place with its address, the organiser, a free offer', () => {
    const data = ld();
    expect(data).toMatchObject({
      '@type': 'Event',
      name: 'Vigil',
      startDate: '2027-03-29T18:00:00+01:00',
      endDate: '2027-03-29T20:00:00+01:00',
      eventStatus: 'https://schema.org/EventScheduled',
      eventAttendanceMode: 'https://schema.org/OfflineEventAttendanceMode',
      location: {
        '@type': 'Place',
        name: 'Conway Hall',
        address: { '@type': 'PostalAddress', streetAddress: '25 Red Lion Square, London WC1R 4RL' },
      },
      organizer: { '@type': 'Organization', name: 'Ayni', url: 'https://ayni.test' },
      isAccessibleForFree: true,
      offers: { '@type': 'Offer', price: 0, url: URL, availability: 'https://schema.org/InStock' },
    });
    expect(data).not.toHaveProperty('previousStartDate');
    // No currency setting: no currency guessed.
    expect(data.offers).not.toHaveProperty('priceCurrency');
    expect(ld({}, { currency: 'GBP' }).offers).toMatchObject({ priceCurrency: 'GBP' });
  });

  it('a rescheduled event has EventRescheduled and its previous start, each with its own offset', () => {
    const data = ld({
      status: 'rescheduled',
      // Moved from Saturday 27 March (GMT) to Monday 29 March (BST): both 18:00 London time.
      previousStartsAt: new Date('2027-03-27T18:00:00Z'),
    });
    expect(data.eventStatus).toBe('https://schema.org/EventRescheduled');
    expect(data).toMatchObject({
      previousStartDate: '2027-03-27T18:00:00+00:00',
      startDate: '2027-03-29T18:00:00+01:00',
    });
  });

  it('a cancelled event is EventCancelled, with no previous start even when it had been moved', () => {
    const data = ld({ status: 'cancelled', previousStartsAt: new Date('2027-03-27T18:00:00Z') });
    expect(data.eventStatus).toBe('https://schema.org/EventCancelled');
    expect(data).not.toHaveProperty('previousStartDate');
  });

  it('online attendance is a VirtualLocation at the event page, never the link to join', () => {
    const online = ld({ venue: null, onlineUrl: 'https://meet.example/secret-room' });
    expect(online.eventAttendanceMode).toBe('https://schema.org/OnlineEventAttendanceMode');
    expect(online.location).toEqual({ '@type': 'VirtualLocation', url: URL });
    const both = ld({ onlineUrl: 'https://meet.example/secret-room' });
    expect(both.eventAttendanceMode).toBe('https://schema.org/MixedEventAttendanceMode');
    expect(both.location).toEqual([
      expect.objectContaining({ '@type': 'Place' }),
      { '@type': 'VirtualLocation', url: URL },
    ]);
    expect(JSON.stringify([online, both])).not.toContain('secret-room');
  });

  it('Lima: UTC−5 all year; a full event is sold out; registration opening is the offer’s validFrom', () => {
    const data = ld(
      {
        timeZone: 'America/Lima',
        startsAt: new Date('2027-03-29T23:00:00Z'),
        endsAt: new Date('2027-03-30T01:00:00Z'),
        registrationOpensAt: new Date('2027-03-01T14:00:00Z'),
      },
      { placesLeft: 0 },
    );
    expect(data).toMatchObject({
      startDate: '2027-03-29T18:00:00-05:00',
      endDate: '2027-03-29T20:00:00-05:00',
    });
    expect(data.offers).toMatchObject({
      availability: 'https://schema.org/SoldOut',
      validFrom: '2027-03-01T09:00:00-05:00',
    });
  });
});
