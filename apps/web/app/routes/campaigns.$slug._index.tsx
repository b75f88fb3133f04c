// /campaigns/:slug and /es/campaigns/:slug, the campaign hub: the petition with its count and goal, the sign form,
// the story, milestones as a timeline, updates and related news, and the other language's version. Signing is
// this route's action: parsed with the domain's schema in the page's language, then the signPetition use case;
// whatever happened, the signer is sent to the same "check your email" page. `?source=` (a partner's link, a
// newsletter) is carried in the form and kept with the signature.
import { listCampaignArticles } from '@ayni/db';
import {
  countryOptions,
  isDomainError,
  signatureInputSchemaFor,
  signatureSource,
  signingConsents,
  type Language,
} from '@ayni/domain';
import { renderMarkdown } from '@ayni/domain/markdown';
import { campaignListPath, campaignPagePath, campaignPath, languageOfPath } from '@ayni/domain/paths';
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { campaignText } from '../campaign-text.js';
import {
  findSiteCampaign,
  milestoneTimeline,
  petitionFigures,
  publicCount,
  sign,
  signingTarget,
} from '../campaigns.server.js';
import { EventList } from '../components/event-list.js';
import { NewsList } from '../components/news-list.js';
import { PetitionProgress } from '../components/petition-progress.js';
import { SignForm, type SignFormErrors, type SignFormValues } from '../components/sign-form.js';
import { db } from '../db.server.js';
import { firstErrors, formChecked, formField } from '../forms.server.js';
import { upcomingEvents } from '../events.server.js';
import { newsItem } from '../news.server.js';
import { seoFor } from '../seo.server.js';
import { seoMeta } from '../seo.js';
import { siteContext } from '../site.server.js';

/** `?source=` makes a page of its own: its form carries it. */
export const handle = { pageParams: { source: '' } };

export async function loader({ request, params }: LoaderFunctionArgs) {
  const ctx = await siteContext(request);
  const { lang, settings } = ctx;
  const { campaign, text: own } = await findSiteCampaign(lang, params.slug ?? '');
  const [count, articles, events] = await Promise.all([
    publicCount(campaign.id),
    listCampaignArticles(db(), campaign.id, lang, 5),
    upcomingEvents(lang, 5, campaign.id),
  ]);
  const text = campaignText(lang);
  const alternates = Object.fromEntries(
    Object.entries(campaign.translations).map(([l, t]) => [l, campaignPath(l as Language, t.slug)]),
  );
  const { seo, alternatePaths } = seoFor(ctx, {
    title: `${own.title} – ${settings.organisationName}`,
    description: own.summary || text.campaignsDescription(settings.organisationName),
    path: campaignPath(lang, own.slug),
    alternates,
  });
  const consents = signingConsents(lang, settings.organisationName);
  return {
    lang,
    slug: own.slug,
    title: own.title,
    summary: own.summary,
    html: renderMarkdown(own.body),
    petition: campaign.petition ? { target: campaign.petition.target, text: own.petitionText ?? '' } : null,
    figures: petitionFigures(campaign, count, lang, settings.timeZone),
    milestones: milestoneTimeline(campaign, lang, settings.timeZone),
    updates: articles.updates.map((a) => newsItem(a, lang, settings.timeZone)),
    related: articles.related.map((a) => newsItem(a, lang, settings.timeZone)),
    events,
    countUrl: campaignPagePath(lang, own.slug, 'count.json'),
    listPath: campaignListPath(lang),
    form: {
      defaults: {
        name: '',
        email: '',
        country: settings.defaultCountry,
        postcode: '',
        consent: false,
        updates: false,
      } satisfies SignFormValues,
      countries: countryOptions(lang),
      consents: { signature: consents.signature.statement, updates: consents.updates.statement },
      source: signatureSource(new URL(request.url).searchParams.get('source')),
    },
    seo,
    alternatePaths,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => (data ? seoMeta(data.seo) : []);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const { settings, campaign, text: own } = await signingTarget(lang, params.slug ?? '');
  const form = await request.formData();
  const checkEmail = campaignPagePath(lang, own.slug, 'check-email');
  // The honeypot: only a bot fills the field nobody sees; it gets the same answer and signs nothing.
  if (formField(form, 'website') !== '') return redirect(checkEmail, 303);
  const values: SignFormValues = {
    name: formField(form, 'name'),
    email: formField(form, 'email'),
    country: formField(form, 'country'),
    postcode: formField(form, 'postcode'),
    consent: formChecked(form, 'consent'),
    updates: formChecked(form, 'updates'),
  };
  const parsed = signatureInputSchemaFor(lang).safeParse({
    ...values,
    consent: values.consent ? true : undefined,
  });
  if (!parsed.success) {
    const errors: SignFormErrors = firstErrors(parsed.error.issues);
    return data({ values, errors }, { status: 400 });
  }
  try {
    await sign({
      campaign,
      settings,
      lang,
      input: parsed.data,
      source: signatureSource(formField(form, 'source')),
      clientAddress: typeof context.clientAddress === 'string' ? context.clientAddress : undefined,
    });
  } catch (error) {
    // Closed (or past its deadline) between showing the form and sending it: the page now says so.
    if (isDomainError(error) && error.code === 'INVALID_TRANSITION') {
      return data({ values, errors: { form: error.message } satisfies SignFormErrors }, { status: 409 });
    }
    throw error;
  }
  return redirect(checkEmail, 303);
}

export default function CampaignHub() {
  const page = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const text = campaignText(page.lang);
  const { figures } = page;
  return (
    <article className="campaign">
      <h1>{page.title}</h1>
      {page.summary ? <p className="lede">{page.summary}</p> : null}
      {figures.open ? null : (
        <div className="notice closed" role="status">
          <p>{text.closedNotice(figures.countText)}</p>
          {figures.closedReason ? <p>{figures.closedReason}</p> : null}
        </div>
      )}
      <div className="campaign-grid">
        {page.petition ? (
          <section className="petition" aria-labelledby="petition-heading">
            <h2 id="petition-heading">{text.petition}</h2>
            <p className="target">{text.addressedTo(page.petition.target)}</p>
            <blockquote>
              {page.petition.text.split(/\n{2,}/).map((paragraph, i) => (
                <p key={i}>{paragraph}</p>
              ))}
            </blockquote>
            <PetitionProgress
              figures={figures}
              text={text}
              {...(figures.open ? { live: page.countUrl } : {})}
            />
            {figures.open && figures.deadline ? (
              <p className="date">{text.deadline(figures.deadline)}</p>
            ) : null}
            {figures.open ? (
              <section className="sign" aria-labelledby="sign-heading">
                <h2 id="sign-heading">{text.signHeading}</h2>
                <p>{text.signIntro}</p>
                <SignForm
                  text={text}
                  values={sent?.values ?? page.form.defaults}
                  errors={sent?.errors ?? {}}
                  countries={page.form.countries}
                  consents={page.form.consents}
                  source={page.form.source}
                />
              </section>
            ) : null}
          </section>
        ) : null}
        <div className="story">
          <div className="body" dangerouslySetInnerHTML={{ __html: page.html }} />
          {page.milestones.length > 0 ? (
            <section aria-labelledby="milestones-heading">
              <h2 id="milestones-heading">{text.milestones}</h2>
              <ol className="timeline">
                {page.milestones.map((m) => (
                  <li key={m.id} className={m.reached ? 'reached' : m.next ? 'next' : undefined}>
                    <p className="milestone-state">
                      {m.reached ? text.reached : m.next ? text.next : null}
                      {m.date ? (
                        <>
                          {m.reached || m.next ? ' · ' : null}
                          <time dateTime={m.dateTime ?? undefined}>{m.date}</time>
                        </>
                      ) : null}
                    </p>
                    <h3>{m.title}</h3>
                    {m.description ? <p>{m.description}</p> : null}
                  </li>
                ))}
              </ol>
            </section>
          ) : null}
          {page.events.length > 0 ? (
            <section aria-labelledby="events-heading">
              <h2 id="events-heading">{text.events}</h2>
              <EventList items={page.events} headingLevel={3} />
            </section>
          ) : null}
          {page.updates.length > 0 ? (
            <section aria-labelledby="updates-heading">
              <h2 id="updates-heading">{text.updates}</h2>
              <NewsList items={page.updates} headingLevel={3} />
            </section>
          ) : null}
          {page.related.length > 0 ? (
            <section aria-labelledby="related-heading">
              <h2 id="related-heading">{text.related}</h2>
              <NewsList items={page.related} headingLevel={3} />
            </section>
          ) : null}
          <p>
            <Link to={page.listPath}>{text.seeCampaigns}</Link>
          </p>
        </div>
      </div>
      {figures.open ? <script src="/campaign-count.js" defer /> : null}
    </article>
  );
}
