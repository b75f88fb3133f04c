// /unsubscribe/:token (and /es/…), the page a milestone email's unsubscribe link opens. Opening it (a GET, a HEAD:
// mail scanners and link previewers do) only shows one button; pressing it (a POST) stops the signer's emails about
// the campaign — their updates consent is withdrawn, with the time; the signature stays and still counts. The mail
// provider's one-click POST (RFC 8058: the body `List-Unsubscribe=One-Click`, no cookies, perhaps another Origin,
// which the front door lets through for this route alone) lands on the same action. A second POST is harmless. The
// page is never cached or indexed and sends no Referer outside the site.
import { findCampaignById, findSignatureByUnsubscribeTokenHash, hashToken } from '@ayni/db';
import type { Campaign, Language } from '@ayni/domain';
import { campaignListPath, languageOfPath } from '@ayni/domain/paths';
import {
  data,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { campaignText } from '../campaign-text.js';
import { campaignTextsFor, stopUpdatesByToken, TOKEN_PAGE_HEADERS } from '../campaigns.server.js';
import { db } from '../db.server.js';

export const headers: HeadersFunction = () => TOKEN_PAGE_HEADERS;

function campaignOf(campaign: Campaign, lang: Language) {
  const { own, hub } = campaignTextsFor(campaign, lang);
  return { title: own.title, hub };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const link = await findSignatureByUnsubscribeTokenHash(db(), hashToken(params.token ?? ''));
  const campaign = link ? await findCampaignById(db(), link.campaignId) : null;
  if (!link || !campaign) {
    return data(
      { lang, state: 'invalid' as const, listPath: campaignListPath(lang) },
      { status: 404, headers: TOKEN_PAGE_HEADERS },
    );
  }
  return data(
    {
      lang,
      state: link.withdrawnAt === null ? ('ready' as const) : ('stopped' as const),
      listPath: campaignListPath(lang),
      ...campaignOf(campaign, lang),
    },
    { headers: TOKEN_PAGE_HEADERS },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const result = await stopUpdatesByToken(params.token ?? '');
  if (result.status === 'invalid') {
    return data({ state: 'invalid' as const }, { status: 404, headers: TOKEN_PAGE_HEADERS });
  }
  return data(
    { state: 'stopped' as const, ...campaignOf(result.campaign, lang) },
    { headers: TOKEN_PAGE_HEADERS },
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const text = campaignText(data?.lang ?? 'en');
  const title =
    data?.state === 'ready'
      ? text.unsubscribeTitle
      : data?.state === 'stopped'
        ? text.unsubscribedTitle
        : text.invalidTitle;
  return [{ title }, { name: 'robots', content: 'noindex, nofollow' }];
};

export default function Unsubscribe() {
  const page = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  const text = campaignText(page.lang);
  if (page.state === 'invalid' || after?.state === 'invalid') {
    return (
      <article className="campaign-step">
        <h1>{text.invalidTitle}</h1>
        <p>{text.unsubscribeInvalidText}</p>
        <p>
          <Link to={page.listPath}>{text.seeCampaigns}</Link>
        </p>
      </article>
    );
  }
  if (page.state === 'stopped' || after?.state === 'stopped') {
    return (
      <article className="campaign-step">
        <h1>{text.unsubscribedTitle}</h1>
        <p>{text.unsubscribedText(page.title)}</p>
        <p>
          <Link to={page.hub}>{text.backToCampaign(page.title)}</Link>
        </p>
      </article>
    );
  }
  return (
    <article className="campaign-step">
      <h1>{text.unsubscribeTitle}</h1>
      <p>{text.unsubscribeIntro(page.title)}</p>
      <Form method="post" reloadDocument>
        <button type="submit">{text.unsubscribeButton}</button>
      </Form>
    </article>
  );
}
