// /events/:slug/calendar.ics: the event as an iCalendar file ("Add to calendar"), in the page's language.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { calendarResponse, findSiteEvent } from '../events.server.js';
import { siteContext } from '../site.server.js';

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { own } = await findSiteEvent(ctx.lang, params.slug ?? '');
  return calendarResponse(request, ctx, async () => [own], context);
}
