// /campaigns/:slug/embed (and /es/…): the count and the sign form alone, for an <iframe> on a partner's site — the
// only page another site may frame (security-headers.server.ts). Signing here is the hub's own action; the signer
// then sees the same "check your email" page inside the frame. A link opens the whole campaign in the top window.
import { campaignPath } from '@ayni/domain/paths';
import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { campaignText } from '../campaign-text.js';
import { PetitionProgress } from '../components/petition-progress.js';
import { SignForm } from '../components/sign-form.js';
import { action, loader as hubLoader } from './campaigns.$slug._index.js';

export { action };

export const handle = { pageParams: { source: '' }, bare: true };

export async function loader(args: LoaderFunctionArgs) {
  const hub = await hubLoader(args);
  return {
    lang: hub.lang,
    title: hub.title,
    hub: campaignPath(hub.lang, hub.slug),
    figures: hub.figures,
    petition: hub.petition,
    form: hub.form,
    countUrl: hub.countUrl,
  };
}

export const meta: MetaFunction<typeof loader> = ({ data }) =>
  data ? [{ title: data.title }, { name: 'robots', content: 'noindex' }] : [];

export default function CampaignEmbed() {
  const page = useLoaderData<typeof loader>();
  const sent = useActionData<typeof action>();
  const text = campaignText(page.lang);
  return (
    <article className="campaign-embed">
      <h1>
        <a href={page.hub} target="_top">
          {page.title}
        </a>
      </h1>
      {page.petition ? <p className="target">{text.addressedTo(page.petition.target)}</p> : null}
      <PetitionProgress
        figures={page.figures}
        text={text}
        {...(page.figures.open ? { live: page.countUrl } : {})}
      />
      {page.figures.open && page.petition ? (
        <SignForm
          text={text}
          values={sent?.values ?? page.form.defaults}
          errors={sent?.errors ?? {}}
          countries={page.form.countries}
          consents={page.form.consents}
          source={page.form.source}
        />
      ) : (
        <p>{text.closedNotice(page.figures.countText)}</p>
      )}
      {page.figures.open ? <script src="/campaign-count.js" defer /> : null}
    </article>
  );
}
