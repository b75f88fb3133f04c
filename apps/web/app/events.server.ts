// The public event pages' data: events as lists show them (the home page, a campaign's pages, /events), one
// event's page (with its JSON-LD), and the calendar files. Only the page's language is shown.
//
// The online link is for registrants only: nothing here copies `onlineUrl` into what a page, the JSON-LD or a
// calendar file shows (calendarEntry picks its fields one by one; e2e site.events.spec.ts looks for it).
import {
  countRegistrations,
  countPastEvents,
  findCampaignById,
  findEventBySlug,
  listPastEvents,
  listUpcomingEvents,
} from '@ayni/db';
import {
  eventInLanguage,
  eventPageStatuses,
  formatEventDate,
  formatEventWhen,
  isoInZone,
  openStreetMapSearchUrl,
  placesLeft,
  systemClock,
  type EventInLanguage,
  type Language,
} from '@ayni/domain';
import { buildCalendar, type CalendarEvent } from '@ayni/domain/calendar';
import { renderMarkdown } from '@ayni/domain/markdown';
import {
  campaignPath,
  eventCalendarPath,
  eventFeedPath,
  eventListPath,
  eventPath,
  inEachLanguage,
} from '@ayni/domain/paths';
import { cachedResource } from './cache.server.js';
import type { EventItem } from './components/event-list.js';
import { db } from './db.server.js';
import { eventText } from './event-text.js';
import { formatCount } from './campaigns.server.js';
import { t } from './i18n.js';
import { registrationPanel } from './registrations.server.js';
import { seoFor } from './seo.server.js';
import { serializeJsonLd } from './seo.js';
import { notFound, pageNumber, type SiteContext } from './site.server.js';

export const PAST_EVENTS_PAGE_SIZE = 10;
/** The calendar feed and the list page show this many upcoming events at most. */
export const UPCOMING_LIMIT = 100;

export function eventItem(e: EventInLanguage, lang: Language): EventItem {
  return {
    path: eventPath(lang, e.slug),
    title: e.title,
    summary: e.summary,
    when: formatEventDate(e.startsAt, e.timeZone, lang, systemClock.now()),
    startsAt: e.startsAt.toISOString(),
    venue: e.venue?.name ?? (e.onlineUrl ? t(lang).online : ''),
    ...(e.status === 'cancelled' ? { note: eventText(lang).cancelled } : {}),
  };
}

/**
 * The next `limit` events readers can see, in `lang` only (an event not written in it is not listed, nor shown in
 * the other language); with `campaignId`, only that campaign's.
 */
export async function upcomingEvents(
  lang: Language,
  limit: number,
  campaignId?: string,
): Promise<EventItem[]> {
  const events = await listUpcomingEvents(
    db(),
    lang,
    systemClock.now(),
    limit,
    campaignId === undefined ? {} : { campaignId },
  );
  return events.map((e) => eventItem(e, lang));
}

/** /events: upcoming events soonest first (cancelled ones marked), then past ones, the latest first, paged. */
export async function eventsListing(request: Request, ctx: SiteContext) {
  const { lang, settings } = ctx;
  const text = eventText(lang);
  const page = pageNumber(request);
  const now = systemClock.now();
  const [upcoming, total, past] = await Promise.all([
    page === 1 ? listUpcomingEvents(db(), lang, now, UPCOMING_LIMIT, { includeCancelled: true }) : [],
    countPastEvents(db(), lang, now),
    listPastEvents(db(), lang, now, {
      limit: PAST_EVENTS_PAGE_SIZE,
      offset: (page - 1) * PAST_EVENTS_PAGE_SIZE,
    }),
  ]);
  const pages = Math.max(1, Math.ceil(total / PAST_EVENTS_PAGE_SIZE));
  if (page > pages) notFound();
  const query = page > 1 ? `?page=${page}` : '';
  const { seo, alternatePaths } = seoFor(ctx, {
    title: `${text.events}${page > 1 ? ` – ${t(lang).pageOf(page, pages)}` : ''} – ${settings.organisationName}`,
    description: text.eventsDescription(settings.organisationName),
    path: `${eventListPath(lang)}${query}`,
    // Page 2 in English is page 2 in Spanish only by accident (see news.server.ts).
    alternates: page > 1 ? {} : inEachLanguage(eventListPath),
  });
  return {
    lang,
    page,
    pages,
    basePath: eventListPath(lang),
    feedPath: eventFeedPath(lang),
    upcoming: upcoming.map((e) => eventItem(e, lang)),
    past: past.map((e) => eventItem(e, lang)),
    seo,
    alternatePaths,
  };
}

/** The event at /events/:slug in `lang`: any with a page (published, rescheduled, cancelled); else 404. */
export async function findSiteEvent(lang: Language, slug: string) {
  const event = await findEventBySlug(db(), lang, slug);
  const own = event ? eventInLanguage(event, lang) : null;
  if (!event || !own || !eventPageStatuses.includes(event.status)) notFound();
  return { event, own };
}

const SCHEMA_STATUS = {
  published: 'https://schema.org/EventScheduled',
  rescheduled: 'https://schema.org/EventRescheduled',
  cancelled: 'https://schema.org/EventCancelled',
  draft: 'https://schema.org/EventScheduled',
} as const;

type Attendance = 'inPerson' | 'online' | 'inPersonAndOnline';

function attendance(e: EventInLanguage): Attendance {
  if (e.venue && e.onlineUrl) return 'inPersonAndOnline';
  return e.venue ? 'inPerson' : 'online';
}

const SCHEMA_ATTENDANCE: Readonly<Record<Attendance, string>> = {
  inPerson: 'https://schema.org/OfflineEventAttendanceMode',
  online: 'https://schema.org/OnlineEventAttendanceMode',
  inPersonAndOnline: 'https://schema.org/MixedEventAttendanceMode',
};

/** Everything /events/:slug shows, with its SEO and JSON-LD. */
export async function eventPage(ctx: SiteContext, slug: string) {
  const { lang, settings } = ctx;
  const text = eventText(lang);
  const { event, own } = await findSiteEvent(lang, slug);
  const [counts, campaign] = await Promise.all([
    countRegistrations(db(), event.id),
    event.campaignId === null ? null : findCampaignById(db(), event.campaignId),
  ]);
  const campaignText = campaign && campaign.status !== 'draft' ? campaign.translations[lang] : undefined;
  const alternates = Object.fromEntries(
    Object.entries(event.translations).map(([l, tr]) => [l, eventPath(l as Language, tr.slug)]),
  );
  const { seo, alternatePaths } = seoFor(ctx, {
    title: `${own.title} – ${settings.organisationName}`,
    description: own.summary || text.eventsDescription(settings.organisationName),
    path: eventPath(lang, own.slug),
    alternates,
  });
  const left = placesLeft(event, counts);
  const mode = attendance(own);
  const startDate = isoInZone(own.startsAt, own.timeZone);
  const endDate = isoInZone(own.endsAt, own.timeZone);
  const place = own.venue
    ? {
        '@type': 'Place',
        name: own.venue.name,
        ...(own.venue.address
          ? { address: { '@type': 'PostalAddress', streetAddress: own.venue.address } }
          : {}),
      }
    : null;
  // The VirtualLocation is the event page itself: the link to join is for registrants only.
  const virtual = own.onlineUrl ? { '@type': 'VirtualLocation', url: seo.url } : null;
  const locations = [place, virtual].filter((l) => l !== null);
  const jsonLd = {
    '@context': 'https://schema.org',
    '@type': 'Event',
    name: own.title,
    description: own.summary,
    url: seo.url,
    inLanguage: lang,
    startDate,
    endDate,
    eventStatus: SCHEMA_STATUS[own.status],
    eventAttendanceMode: SCHEMA_ATTENDANCE[mode],
    location: locations.length === 1 ? locations[0] : locations,
    organizer: { '@type': 'Organization', name: settings.organisationName, url: ctx.siteUrl },
    isAccessibleForFree: true,
    // Free: a price of 0 (the settings hold no currency, and none is needed for nothing).
    offers: {
      '@type': 'Offer',
      price: 0,
      url: seo.url,
      availability: left === 0 ? 'https://schema.org/SoldOut' : 'https://schema.org/InStock',
    },
  };
  const capacity = event.capacity === null ? null : formatCount(event.capacity, lang);
  return {
    lang,
    title: own.title,
    summary: own.summary,
    status: own.status,
    html: renderMarkdown(own.body),
    startDate,
    when: formatEventWhen(own.startsAt, own.endsAt, own.timeZone, lang, systemClock.now()),
    attendance: text[mode],
    online: own.onlineUrl !== null,
    venue: own.venue ? { ...own.venue, mapUrl: openStreetMapSearchUrl(own.venue) } : null,
    accessibility: own.accessibility,
    accessibilityFacts: own.accessibilityFacts,
    registration: registrationPanel(event, lang, settings, left),
    places:
      capacity === null || left === null
        ? null
        : left === 0
          ? text.full(capacity)
          : left === event.capacity
            ? text.places(capacity)
            : text.placesLeft(formatCount(left, lang), capacity),
    campaign:
      campaign && campaignText
        ? { title: campaignText.title, path: campaignPath(lang, campaignText.slug) }
        : null,
    translation: Object.keys(alternates).find((l) => l !== lang) as Language | undefined,
    calendarPath: eventCalendarPath(lang, own.slug),
    listPath: eventListPath(lang),
    jsonLd: serializeJsonLd(jsonLd),
    seo,
    alternatePaths,
  };
}

/** What a public calendar file carries of an event: picked field by field, so the online link never is. */
function calendarEntry(ctx: SiteContext, e: EventInLanguage): CalendarEvent {
  return {
    id: e.id,
    title: e.title,
    summary: e.summary,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    timeZone: e.timeZone,
    venue: e.venue,
    status: e.status,
    updatedAt: e.updatedAt,
    url: ctx.url(eventPath(e.language, e.slug)),
  };
}

/** An iCalendar response, cached like the feeds (ETag from the published content, 304 when unchanged). */
export function calendarResponse(
  request: Request,
  ctx: SiteContext,
  events: () => Promise<EventInLanguage[]>,
): Promise<Response> {
  return cachedResource(request, 'text/calendar; charset=utf-8', async () =>
    buildCalendar(
      (await events()).map((e) => calendarEntry(ctx, e)),
      {
        host: new URL(ctx.siteUrl).host,
        name: eventText(ctx.lang).calendarName(ctx.settings.organisationName),
        language: ctx.lang,
      },
    ),
  );
}

/** /events.ics: the upcoming events in the URL's language, cancelled ones as STATUS:CANCELLED. */
export function calendarFeed(request: Request, ctx: SiteContext): Promise<Response> {
  return calendarResponse(request, ctx, () =>
    listUpcomingEvents(db(), ctx.lang, systemClock.now(), UPCOMING_LIMIT, { includeCancelled: true }),
  );
}
