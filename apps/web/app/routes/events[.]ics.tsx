// /events.ics and /es/events.ics: the upcoming events as a calendar feed that calendar apps subscribe to.
import type { LoaderFunctionArgs } from '@remix-run/node';
import { calendarFeed } from '../events.server.js';
import { siteContext } from '../site.server.js';

export const loader = async ({ request, context }: LoaderFunctionArgs) =>
  calendarFeed(request, await siteContext(request), context);
