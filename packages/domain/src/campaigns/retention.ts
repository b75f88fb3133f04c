// What the worker does to campaigns on its own (issue 13): it closes a petition once its deadline has passed, and
// forgets what signing leaves behind when it is no longer needed — unconfirmed signatures and signers' hashed
// addresses after 30 days, confirmation links once they have expired.
//
// Closing is audited and touches the campaign pages, as staff closing it would. The deletions are not audited: no
// person decides them (the periods are fixed here and stated to signers), and the sweep runs every minute, so a note
// per run would fill the audit log with the same line; the worker logs how many rows each run deleted.
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { languagesOf } from '../shared/translations.js';
import type { CampaignDeadlines, SigningDataRetention } from './ports.js';
import { SIGNING_ATTEMPT_DAYS, transitionCampaign, unconfirmedSignatureCutoff } from './rules.js';
import type { Campaign } from './schema.js';

/** Why a campaign closed by itself: staff text, in English (the public page words it in the reader's language). */
export const DEADLINE_CLOSED_REASON = 'The deadline for signing passed.';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Whether the campaign is active with a petition whose deadline is before `now`. Signing is still allowed at the
 * deadline itself (assertCanSign), so it closes only after.
 */
export function isPastDeadline(campaign: Campaign, now: Date): boolean {
  const deadline = campaign.petition?.deadline ?? null;
  return campaign.status === 'active' && deadline !== null && now.getTime() > deadline.getTime();
}

/** Before this moment, a signer's hashed address is old enough to forget. */
export function signingAttemptCutoff(now: Date): Date {
  return new Date(now.getTime() - SIGNING_ATTEMPT_DAYS * DAY_MS);
}

/** The campaign's title for staff: in English when it has one, else in its other language. */
function staffTitle(campaign: Campaign): string {
  const [first] = languagesOf(campaign.translations);
  return first ? campaign.translations[first]!.title : campaign.id;
}

/**
 * Closes the campaign if its petition's deadline has passed, with DEADLINE_CLOSED_REASON; null (and nothing
 * written) when it is not due, no longer active, or was closed by someone else meanwhile — so running it twice
 * closes it once.
 */
export async function closeCampaignAtDeadline(
  ports: { campaigns: CampaignDeadlines; clock: Clock },
  command: { id: string },
): Promise<Change<Campaign | null>> {
  const current = await ports.campaigns.findById(command.id);
  if (!current || !isPastDeadline(current, ports.clock.now())) return change(null, null);
  const closed = transitionCampaign(current, 'close', ports.clock, DEADLINE_CLOSED_REASON);
  if (!(await ports.campaigns.closeIfActive(closed))) return change(null, null);
  return change(
    closed,
    {
      action: 'campaign.close',
      resourceType: 'campaign',
      resourceId: closed.id,
      summary: `Closed “${staffTitle(closed)}” at its deadline`,
    },
    ['campaigns'],
  );
}

export interface RetentionPorts {
  retention: SigningDataRetention;
  clock: Clock;
}

/**
 * Deletes up to `limit` pending signatures older than UNCONFIRMED_SIGNATURE_DAYS (confirmed, held and rejected ones
 * stay); how many it deleted. The caller repeats it while a whole batch went.
 */
export async function deleteUnconfirmedSignatures(
  ports: RetentionPorts,
  command: { limit: number },
): Promise<Change<number>> {
  const cutoff = unconfirmedSignatureCutoff(ports.clock.now());
  return change(await ports.retention.deletePendingSignaturesBefore(cutoff, command.limit), null);
}

/** Deletes up to `limit` signing attempts (hashed addresses) older than SIGNING_ATTEMPT_DAYS; how many. */
export async function forgetSigningAddresses(
  ports: RetentionPorts,
  command: { limit: number },
): Promise<Change<number>> {
  const cutoff = signingAttemptCutoff(ports.clock.now());
  return change(await ports.retention.deleteSigningAttemptsBefore(cutoff, command.limit), null);
}

/** Deletes up to `limit` confirmation links past their expiry (such a link opens nothing any more); how many. */
export async function deleteExpiredSignatureLinks(
  ports: RetentionPorts,
  command: { limit: number },
): Promise<Change<number>> {
  return change(
    await ports.retention.deleteSignatureTokensExpiredBefore(ports.clock.now(), command.limit),
    null,
  );
}
