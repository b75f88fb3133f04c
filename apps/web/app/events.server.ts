// Shapes events for the pages that list them: upcoming ones in the page's language (all, or a campaign's).
import { listUpcomingEvents } from '@ayni/db';
import { formatEventDate, systemClock } from '@ayni/domain';
import type { EventItem } from './components/event-list.js';
import { db } from './db.server.js';
import { t, type Language } from './i18n.js';

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
  return events.map((e) => ({
    slug: e.slug,
    title: e.title,
    summary: e.summary,
    when: formatEventDate(e.startsAt, e.timeZone, lang),
    startsAt: e.startsAt.toISOString(),
    venue: e.venue?.name ?? (e.onlineUrl ? t(lang).online : ''),
  }));
}
