// /campaigns/confirm/:token (and /es/…), the page an emailed confirmation link opens. Opening it (a GET, a HEAD: mail
// scanners and link previewers do) only shows the petition and one button; pressing the button (a POST) confirms.
// The page is never cached or indexed, sends no Referer outside the site, and submits nothing by itself. A link that
// does not work says why and offers to sign again.
import { findCampaignById, findSignatureByTokenHash, hashToken } from '@ayni/db';
import { languageOfPath } from '@ayni/domain/paths';
import {
  data,
  redirect,
  type ActionFunctionArgs,
  type HeadersFunction,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { campaignText } from '../campaign-text.js';
import {
  campaignPagePath,
  campaignTextsFor,
  confirmByToken,
  TOKEN_PAGE_HEADERS,
} from '../campaigns.server.js';
import { db } from '../db.server.js';
import { campaignListPath } from '@ayni/domain/paths';

export const headers: HeadersFunction = () => TOKEN_PAGE_HEADERS;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const token = params.token ?? '';
  const signature = await findSignatureByTokenHash(db(), hashToken(token), new Date());
  const campaign = signature ? await findCampaignById(db(), signature.campaignId) : null;
  if (!signature || !campaign || signature.status === 'rejected' || signature.status === 'held') {
    return data(
      { lang, state: 'invalid' as const, listPath: campaignListPath(lang) },
      {
        status: 404,
        headers: TOKEN_PAGE_HEADERS,
      },
    );
  }
  const { own, hub } = campaignTextsFor(campaign, lang);
  return data(
    {
      lang,
      state: 'ready' as const,
      name: signature.name,
      title: own.title,
      target: campaign.petition?.target ?? null,
      petitionText: own.petitionText ?? '',
      hub,
      listPath: campaignListPath(lang),
    },
    { headers: TOKEN_PAGE_HEADERS },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const lang = languageOfPath(new URL(request.url).pathname);
  const result = await confirmByToken(params.token ?? '');
  if (result.status === 'confirmed') {
    const { own, language } = campaignTextsFor(result.campaign, lang);
    return redirect(campaignPagePath(language, own.slug, 'thanks'), {
      status: 303,
      headers: TOKEN_PAGE_HEADERS,
    });
  }
  if (result.status === 'closed') {
    const { hub } = campaignTextsFor(result.campaign, lang);
    return data({ state: 'closed' as const, hub }, { status: 409, headers: TOKEN_PAGE_HEADERS });
  }
  return data({ state: 'invalid' as const, hub: null }, { status: 404, headers: TOKEN_PAGE_HEADERS });
}

export const meta: MetaFunction<typeof loader> = ({ data }) => {
  const text = campaignText(data?.lang ?? 'en');
  return [
    { title: data?.state === 'ready' ? text.confirmTitle : text.invalidTitle },
    { name: 'robots', content: 'noindex, nofollow' },
  ];
};

export default function ConfirmSignature() {
  const page = useLoaderData<typeof loader>();
  const after = useActionData<typeof action>();
  const text = campaignText(page.lang);
  if (after?.state === 'closed') {
    return (
      <article className="campaign-step">
        <h1>{text.closedTitle}</h1>
        <p>{text.closedText}</p>
        <p>
          <Link to={page.listPath}>{text.seeCampaigns}</Link>
        </p>
      </article>
    );
  }
  if (page.state === 'invalid' || after?.state === 'invalid') {
    return (
      <article className="campaign-step">
        <h1>{text.invalidTitle}</h1>
        <p>{text.invalidText}</p>
        <p>
          {page.state === 'ready' ? (
            <Link to={page.hub}>{text.signAgain(page.title)}</Link>
          ) : (
            <Link to={page.listPath}>{text.seeCampaigns}</Link>
          )}
        </p>
      </article>
    );
  }
  return (
    <article className="campaign-step">
      <h1>{text.confirmTitle}</h1>
      <p>{text.confirmIntro(page.name)}</p>
      <section className="petition" aria-labelledby="confirm-petition">
        <h2 id="confirm-petition">{page.title}</h2>
        {page.target ? <p className="target">{text.addressedTo(page.target)}</p> : null}
        <blockquote>
          {page.petitionText.split(/\n{2,}/).map((paragraph, i) => (
            <p key={i}>{paragraph}</p>
          ))}
        </blockquote>
      </section>
      <Form method="post" reloadDocument>
        <button type="submit">{text.confirmButton}</button>
      </Form>
      <p className="hint">{text.confirmNote}</p>
    </article>
  );
}
