// /events/confirm/:token (and /es/…), the page a registration's emailed confirm link opens. Opening it (a GET, a
// HEAD: mail scanners and link previewers do) only shows the event and one button; pressing the button (a POST)
// confirms. Never cached or indexed, no Referer outside the site. The answer says what happened: a place
// confirmed, still on the waitlist (with the position), a hold that ran out, a cancelled registration, or a link
// that does not work.
import type { HeadersFunction, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { TOKEN_PAGE_HEADERS } from '../campaigns.server.js';
import { RegistrationLinkPage } from '../components/registration-link-page.js';
import { eventText } from '../event-text.js';
import { linkPageAction, linkPageLoader } from '../registrations.server.js';

export const headers: HeadersFunction = () => TOKEN_PAGE_HEADERS;

export const loader = linkPageLoader('confirm');

export const action = linkPageAction('confirm');

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: eventText(data?.lang ?? 'en')[data?.found ? 'confirmTitle' : 'invalidTitle'] },
  { name: 'robots', content: 'noindex, nofollow' },
];

export default function ConfirmRegistration() {
  const page = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  return (
    <RegistrationLinkPage lang={page.lang} purpose="confirm" found={page.found} outcome={after?.outcome} />
  );
}
