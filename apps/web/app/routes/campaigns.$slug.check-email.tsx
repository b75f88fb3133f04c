// After signing: the same page whatever happened (a new signature, a re-send, one already confirmed, a held one, a
// bot), so it never tells whether an address had signed.
import { campaignPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { campaignText } from '../campaign-text.js';
import { findSiteCampaign } from '../campaigns.server.js';
import { siteContext } from '../site.server.js';

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { lang, settings } = await siteContext(request);
  const { text: own } = await findSiteCampaign(lang, params.slug ?? '');
  return {
    lang,
    title: own.title,
    hub: campaignPath(lang, own.slug),
    pageTitle: `${campaignText(lang).checkEmailTitle} – ${settings.organisationName}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.pageTitle }, { name: 'robots', content: 'noindex' }] : [];

export default function CheckEmail() {
  const page = useLoaderData<typeof loader>();
  const text = campaignText(page.lang);
  return (
    <article className="campaign-step">
      <h1>{text.checkEmailTitle}</h1>
      {text.checkEmailText.map((p) => (
        <p key={p}>{p}</p>
      ))}
      <p>
        <Link to={page.hub}>{text.backToCampaign(page.title)}</Link>
      </p>
    </article>
  );
}
