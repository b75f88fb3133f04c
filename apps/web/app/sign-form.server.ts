// The sign form's post, answered in one place for both ways it arrives: the hub's Remix action, and the site's
// front door (front-door.server.ts), which answers a plain form post that signs — the common case, many a second
// when a petition spreads — without going through Express and Remix, and hands every other answer (a field error,
// a closed campaign, an unknown slug) to Remix, which calls this again and renders it.
import { isDomainError, signatureInputSchemaFor, signatureSource, type Language } from '@ayni/domain';
import { campaignPagePath } from '@ayni/domain/paths';
import { sign, signingTarget } from './campaigns.server.js';
import type { SignFormErrors, SignFormValues } from './components/sign-form.js';
import { firstErrors, formChecked as checked, formField as field, type PostedForm } from './forms.server.js';
import type { RequestTarget } from './request-target.server.js';

export type SignFormAnswer =
  /** To the "check your email" page, whatever happened to the signature (signing never tells). */
  | { status: 303; location: string }
  /** The form again, with what was typed and why it was not taken. */
  | { status: 400 | 409; values: SignFormValues; errors: SignFormErrors };

/**
 * Reads the sign form posted to the hub at `slug` in `lang` and signs: parsed with the domain's schema in the
 * page's language, then the signPetition use case. An unknown slug or a draft throws the 404 (signingTarget).
 */
export async function answerSignForm(
  lang: Language,
  slug: string,
  form: PostedForm,
  clientAddress: string | undefined,
): Promise<SignFormAnswer> {
  const { settings, campaign, text: own } = await signingTarget(lang, slug);
  const checkEmail = campaignPagePath(lang, own.slug, 'check-email');
  // The honeypot: only a bot fills the field nobody sees; it gets the same answer and signs nothing.
  if (field(form, 'website') !== '') return { status: 303, location: checkEmail };
  const values: SignFormValues = {
    name: field(form, 'name'),
    email: field(form, 'email'),
    country: field(form, 'country'),
    postcode: field(form, 'postcode'),
    consent: checked(form, 'consent'),
    updates: checked(form, 'updates'),
  };
  const parsed = signatureInputSchemaFor(lang).safeParse({
    ...values,
    consent: values.consent ? true : undefined,
  });
  if (!parsed.success) {
    const errors: SignFormErrors = firstErrors(parsed.error.issues);
    return { status: 400, values, errors };
  }
  try {
    await sign({
      campaign,
      settings,
      lang,
      input: parsed.data,
      source: signatureSource(field(form, 'source')),
      clientAddress,
    });
  } catch (error) {
    // Closed (or past its deadline) between showing the form and sending it: the page now says so.
    if (isDomainError(error) && error.code === 'INVALID_TRANSITION') {
      return { status: 409, values, errors: { form: error.message } };
    }
    throw error;
  }
  return { status: 303, location: checkEmail };
}

/**
 * The hub whose sign form a POST sends, when it is the plain form post the door answers itself: to
 * /campaigns/:slug?index or /es/campaigns/:slug?index (spelt as the site writes it), URL-encoded. Anything else goes
 * to Remix as it is.
 */
export function signFormPost(
  target: RequestTarget,
  contentType: string | undefined,
): { lang: Language; slug: string } | null {
  const match = /^(\/es)?\/campaigns\/([a-z0-9-]+)$/.exec(target.pathname);
  if (!match || !target.query.getAll('index').includes('')) return null;
  const type = contentType?.split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  return { lang: match[1] ? 'es' : 'en', slug: match[2]! };
}
