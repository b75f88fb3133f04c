// After a signature is confirmed: thanks, plain share links (no third-party scripts: each is an ordinary link to
// the service's own share page), and what else to do — the other open campaigns.
import { listSiteCampaigns } from '@ayni/db';
import { absoluteUrl, campaignPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { campaignText } from '../campaign-text.js';
import { EventList } from '../components/event-list.js';
import { findSiteCampaign } from '../campaigns.server.js';
import { db } from '../db.server.js';
import { upcomingEvents } from '../events.server.js';
import { siteContext } from '../site.server.js';

function shareLinks(url: string, message: string, title: string) {
  const both = `${message} ${url}`;
  const q = encodeURIComponent;
  return [
    { service: 'email', name: 'Email', href: `mailto:?subject=${q(title)}&body=${q(both)}` },
    { service: 'whatsapp', name: 'WhatsApp', href: `https://wa.me/?text=${q(both)}` },
    { service: 'bluesky', name: 'Bluesky', href: `https://bsky.app/intent/compose?text=${q(both)}` },
    { service: 'x', name: 'X', href: `https://x.com/intent/post?text=${q(message)}&url=${q(url)}` },
    { service: 'facebook', name: 'Facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
  ];
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { lang, settings } = ctx;
  const { campaign, text: own } = await findSiteCampaign(lang, params.slug ?? '');
  const text = campaignText(lang);
  const url = absoluteUrl(ctx.siteUrl, campaignPath(lang, own.slug));
  const [campaigns, events] = await Promise.all([
    listSiteCampaigns(db(), lang),
    upcomingEvents(lang, 3, campaign.id),
  ]);
  const others = campaigns
    .filter(({ campaign: c }) => c.id !== campaign.id && c.status === 'active')
    .slice(0, 3)
    .map(({ campaign: c }) => ({
      path: campaignPath(lang, c.translations[lang]!.slug),
      title: c.translations[lang]!.title,
      summary: c.translations[lang]!.summary,
    }));
  return {
    lang,
    title: own.title,
    url,
    hub: campaignPath(lang, own.slug),
    share: shareLinks(url, text.shareText(own.title), own.title),
    others,
    events,
    pageTitle: `${text.thanksTitle} – ${settings.organisationName}`,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.pageTitle }, { name: 'robots', content: 'noindex' }] : [];

export default function Thanks() {
  const page = useLoaderData<typeof loader>();
  const text = campaignText(page.lang);
  return (
    <article className="campaign-step">
      <h1>{text.thanksTitle}</h1>
      <p>{text.thanksText(page.title)}</p>
      <section aria-labelledby="share-heading">
        <h2 id="share-heading">{text.shareHeading}</h2>
        <ul className="share">
          {page.share.map((s) => (
            <li key={s.service}>
              <a href={s.href} rel="noopener noreferrer" aria-label={text.shareBy(s.name)}>
                {s.name}
              </a>
            </li>
          ))}
        </ul>
        <label htmlFor="share-url">{text.copyLink}</label>
        <input id="share-url" readOnly value={page.url} />
      </section>
      {page.others.length > 0 || page.events.length > 0 ? (
        <section aria-labelledby="more-heading">
          <h2 id="more-heading">{text.moreToDo}</h2>
          {page.events.length > 0 ? (
            <>
              <h3>{text.comeToAnEvent}</h3>
              <EventList items={page.events} />
            </>
          ) : null}
          {page.others.length > 0 ? (
            <>
              <h3>{text.otherCampaigns}</h3>
              <ul className="campaign-list">
                {page.others.map((o) => (
                  <li key={o.path}>
                    <Link to={o.path}>{o.title}</Link>
                    {o.summary ? <p>{o.summary}</p> : null}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <p>
        <Link to={page.hub}>{text.backToCampaign(page.title)}</Link>
      </p>
    </article>
  );
}
