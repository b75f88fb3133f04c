// The emails a signature causes, as the domain's SignatureEmails port: queued on the signing transaction (sent only
// if the signature commits), in the signature's language, the confirmation's link minted when it is sent
// (signatureConfirmationLinks), never stored.
import { getSettings, type Database } from '@ayni/db';
import { absoluteUrl, campaignPath, campaignTextIn, type Clock, type SignatureEmails } from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { Queue } from '../queue.js';
import { queueEmail } from './send.js';

export function signatureEmails(
  trx: Kysely<Database>,
  queue: Queue,
  /** `siteUrl`: the settings' site address when the caller has read them already (see queueEmail). */
  deps: { clock: Clock; siteUrl?: string },
): SignatureEmails {
  return {
    async confirmation(signature, campaign) {
      const { text } = campaignTextIn(campaign, signature.language);
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
      const { language, text } = campaignTextIn(campaign, signature.language);
      const siteUrl = deps.siteUrl ?? (await getSettings(trx)).siteUrl;
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
