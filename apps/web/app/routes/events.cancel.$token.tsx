// /events/cancel/:token (and /es/…), the page a registration's emailed cancel link opens: a GET (or HEAD) shows
// the event and one button, the POST cancels (and gives the place to the first on the waitlist). Never cached or
// indexed, no Referer outside the site; a second press says it is cancelled.
import type { HeadersFunction, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { TOKEN_PAGE_HEADERS } from '../campaigns.server.js';
import { RegistrationLinkPage } from '../components/registration-link-page.js';
import { eventText } from '../event-text.js';
import { linkPageAction, linkPageLoader } from '../registrations.server.js';

export const headers: HeadersFunction = () => TOKEN_PAGE_HEADERS;

export const loader = linkPageLoader('cancel');

export const action = linkPageAction('cancel');

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: eventText(data?.lang ?? 'en')[data?.found ? 'cancelTitle' : 'invalidTitle'] },
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function CancelRegistration() {
  const page = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  return (
    <RegistrationLinkPage lang={page.lang} purpose="cancel" found={page.found} outcome={after?.outcome} />
  );
}
