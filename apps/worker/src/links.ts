// The links of the emails the worker sends, minted when it sends them (docs/decisions/0009): account links through
// better-auth on the same database (the admin's AUTH_SECRET and ADMIN_URL), unsubscribe links signed with
// SECRETS_KEY, signatures' confirmation links and campaign-news unsubscribe links as token hashes on the signature,
// event registrations' confirm and cancel links as token hashes on the registration. Member links join here when
// those emails are sent.
import { accountLinkMinters, createAuth } from '@ayni/auth';
import { createSecrets, type DbHandle } from '@ayni/db';
import {
  campaignUpdatesUnsubscribeLinks,
  eventRegistrationLinks,
  signatureConfirmationLinks,
  unsubscribeLinks,
  type LinkMinters,
} from '@ayni/jobs';

export function workerLinkMinters(
  handle: Pick<DbHandle, 'db' | 'dialect'>,
  config: { authSecret: string; adminUrl: string; production: boolean; secretsKey: string },
): LinkMinters {
  const auth = createAuth(handle, {
    secret: config.authSecret,
    baseURL: config.adminUrl,
    production: config.production,
  });
  return {
    ...accountLinkMinters(auth, { adminUrl: config.adminUrl }),
    unsubscribe: unsubscribeLinks(createSecrets(config.secretsKey)),
    'signature-confirmation': signatureConfirmationLinks,
    'campaign-updates-unsubscribe': campaignUpdatesUnsubscribeLinks,
    'event-registration': eventRegistrationLinks,
  };
}
