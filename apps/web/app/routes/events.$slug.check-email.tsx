// After registering: the same page whatever happened (a new registration, a re-send, one already confirmed, a
// bot), so it never tells whether an address had registered.
import { eventPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { eventText } from '../event-text.js';
import { findSiteEvent } from '../events.server.js';
import { siteContext } from '../site.server.js';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, settings } = await siteContext(request);
  const { own } = await findSiteEvent(lang, params.slug ?? '');
  return {
    lang,
    title: own.title,
    eventPath: eventPath(lang, own.slug),
    pageTitle: `${eventText(lang).checkEmailTitle} – ${settings.organisationName}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.pageTitle }, { name: 'robots', content: 'noindex' }] : [];

export default function CheckEmail() {
  const page = useLoaderData<typeof loader>();
  const text = eventText(page.lang);
  return (
    <article className="campaign-step">
      <h1>{text.checkEmailTitle}</h1>
      {text.checkEmailText.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>
        <Link to={page.eventPath}>{text.backToEvent(page.title)}</Link>
      </p>
    </article>
  );
}
