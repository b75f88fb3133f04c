// /campaigns and /es/campaigns: the campaigns written in the page's language, open ones first (title, summary,
// count and goal), then closed ones. Counts are at most CAMPAIGN_COUNT_SECONDS old (see cache.server.ts).
import { listSiteCampaigns } from '@ayni/db';
import { campaignListPath, campaignPath, inEachLanguage } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { campaignText } from '../campaign-text.js';
import { petitionFigures } from '../campaigns.server.js';
import { PetitionProgress } from '../components/petition-progress.js';
import { db } from '../db.server.js';
import { seoFor } from '../seo.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';

export async function loader({ request }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { lang, settings } = ctx;
  const text = campaignText(lang);
  const campaigns = (await listSiteCampaigns(db(), lang)).map(({ campaign, count }) => {
    const own = campaign.translations[lang]!;
    return {
      id: campaign.id,
      path: campaignPath(lang, own.slug),
      title: own.title,
      summary: own.summary,
      figures: petitionFigures(campaign, count, lang, settings.timeZone),
    };
  });
  const { seo, alternatePaths } = seoFor(ctx, {
    title: `${text.campaigns} – ${settings.organisationName}`,
    description: text.campaignsDescription(settings.organisationName),
    path: campaignListPath(lang),
    alternates: inEachLanguage(campaignListPath),
  });
  return {
    lang,
    open: campaigns.filter((c) => c.figures.open),
    closed: campaigns.filter((c) => !c.figures.open),
    seo,
    alternatePaths,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

type Item = ReturnType<typeof useLoaderData<typeof loader>>['open'][number];

function CampaignList({ items, lang }: { items: Item[]; lang: 'en' | 'es' }) {
  const text = campaignText(lang);
  return (
    <ul className="campaign-list">
      {items.map((c) => (
        <li key={c.id}>
          <article>
            <h3>
              <Link to={c.path}>{c.title}</Link>
            </h3>
            {c.summary ? <p>{c.summary}</p> : null}
            {c.figures.goal !== null ? <PetitionProgress figures={c.figures} text={text} /> : null}
            {c.figures.open && c.figures.deadline ? (
              <p className="date">{text.deadline(c.figures.deadline)}</p>
            ) : null}
            {!c.figures.open && c.figures.closedOn ? (
              <p className="date">{text.closedOn(c.figures.closedOn)}</p>
            ) : null}
          </article>
        </li>
      ))}
    </ul>
  );
}

export default function Campaigns() {
  const { lang, open, closed } = useLoaderData<typeof loader>();
  const text = campaignText(lang);
  return (
    <>
      <h1>{text.campaigns}</h1>
      {open.length === 0 && closed.length === 0 ? <p>{text.noCampaigns}</p> : null}
      {open.length > 0 ? (
        <section aria-labelledby="open-campaigns">
          <h2 id="open-campaigns">{text.activeCampaigns}</h2>
          <CampaignList items={open} lang={lang} />
        </section>
      ) : null}
      {closed.length > 0 ? (
        <section aria-labelledby="closed-campaigns">
          <h2 id="closed-campaigns">{text.closedCampaigns}</h2>
          <CampaignList items={closed} lang={lang} />
        </section>
      ) : null}
    </>
  );
}
