// An event page's schema.org `Event` (JSON-LD), as Google's event guidance reads it: start and end with the zone's
// offset (the wall clock of the event's own zone, never UTC), the status — scheduled, cancelled, or rescheduled with
// the start it had before — how people attend, where (a Place with its address; online attendance as a
// VirtualLocation whose URL is the event page: the link to join is for registrants only), who organises it, and a
// free offer.
import { isoInZone, type EventInLanguage } from '@ayni/domain';

const SCHEMA_STATUS = {
  published: 'https://schema.org/EventScheduled',
  rescheduled: 'https://schema.org/EventRescheduled',
  cancelled: 'https://schema.org/EventCancelled',
  draft: 'https://schema.org/EventScheduled',
} as const;

export type Attendance = 'inPerson' | 'online' | 'inPersonAndOnline';

export function attendance(e: Pick<EventInLanguage, 'venue' | 'onlineUrl'>): Attendance {
  if (e.venue && e.onlineUrl) return 'inPersonAndOnline';
  return e.venue ? 'inPerson' : 'online';
}

const SCHEMA_ATTENDANCE: Readonly<Record<Attendance, string>> = {
  inPerson: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  inPersonAndOnline: 'https://schema.org/MixedEventAttendanceMode',
};

export interface EventJsonLdInput {
  event: EventInLanguage;
  /** The event page's absolute URL (also the VirtualLocation's and the offer's). */
  url: string;
  organisation: { name: string; url: string };
  /** Places left; null: no limit. */
  placesLeft: number | null;
  /**
   * The organisation's currency (ISO 4217), when the settings hold one. Google recommends priceCurrency beside a
   * price; schema.org needs none for a price of 0, and isAccessibleForFree already says the event is free, so
   * without a currency setting it is left out rather than guessed.
   */
  currency: string | null;
}

export function eventJsonLd({ event, url, organisation, placesLeft, currency }: EventJsonLdInput) {
  const inZone = (at: Date) => isoInZone(at, event.timeZone);
  const place = event.venue
    ? {
        '@type': 'Place',
        name: event.venue.name,
        ...(event.venue.address
          ? { address: { '@type': 'PostalAddress', streetAddress: event.venue.address } }
          : {}),
      }
    : null;
  const virtual = event.onlineUrl ? { '@type': 'VirtualLocation', url } : null;
  const locations = [place, virtual].filter((l) => l !== null);
  return {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: event.title,
    description: event.summary,
    url,
    inLanguage: event.language,
    startDate: inZone(event.startsAt),
    endDate: inZone(event.endsAt),
    eventStatus: SCHEMA_STATUS[event.status],
    // The start it had before (in the event's zone too): only for a rescheduled event, as schema.org defines it.
    ...(event.status === 'rescheduled' && event.previousStartsAt
      ? { previousStartDate: inZone(event.previousStartsAt) }
      : {}),
    eventAttendanceMode: SCHEMA_ATTENDANCE[attendance(event)],
    location: locations.length === 1 ? locations[0] : locations,
    organizer: { '@type': 'Organization', name: organisation.name, url: organisation.url },
    isAccessibleForFree: true,
    offers: {
      '@type': 'Offer',
      price: 0,
      ...(currency ? { priceCurrency: currency } : {}),
      url,
      availability: placesLeft === 0 ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
      ...(event.registrationOpensAt ? { validFrom: inZone(event.registrationOpensAt) } : {}),
    },
  };
}
