// The emails a signature causes, as the domain's SignatureEmails port: queued on the signing transaction (sent only
// if the signature commits), in the signature's language, the confirmation's link minted when it is sent
// (signatureConfirmationLinks), never stored.
import { getSettings, type Database } from '@ayni/db';
import {
  absoluteUrl,
  campaignPath,
  languagesOf,
  type Campaign,
  type Clock,
  type Signature,
  type SignatureEmails,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { Queue } from '../queue.js';
import { queueEmail } from './send.js';

/** The campaign's texts in the signature's language (the page it was signed on), else in its other one. */
function textFor(campaign: Campaign, signature: Signature) {
  const language = campaign.translations[signature.language]
    ? signature.language
    : languagesOf(campaign.translations)[0]!;
  return { language, text: campaign.translations[language]! };
}

export function signatureEmails(
  trx: Kysely<Database>,
  queue: Queue,
  deps: { clock: Clock },
): SignatureEmails {
  return {
    async confirmation(signature, campaign) {
      const { text } = textFor(campaign, signature);
      await queueEmail(
        trx,
        queue,
        {
          to: signature.email,
          template: 'signature-confirmation',
          language: signature.language,
          data: { signatureId: signature.id, name: signature.name, campaignTitle: text.title },
        },
        deps,
      );
    },
    async alreadySigned(signature, campaign) {
      const { language, text } = textFor(campaign, signature);
      const { siteUrl } = await getSettings(trx);
      await queueEmail(
        trx,
        queue,
        {
          to: signature.email,
          template: 'signature-already-signed',
          language: signature.language,
          data: {
            name: signature.name,
            campaignTitle: text.title,
            campaignUrl: absoluteUrl(siteUrl, campaignPath(language, text.slug)),
          },
        },
        deps,
      );
    },
  };
}
