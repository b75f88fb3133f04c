// Milestones that are reached, and the emails that tell the signers who asked for news (issue 13). A milestone is
// reached by hand (staff, audited) or by its signature threshold (the confirmation that brings the confirmed count
// to it, in that confirmation's transaction). Either way the mark is one conditional update — two confirmations at
// once reach it once — and reaching it queues ONE fan-out job on the same transaction, which emails each confirmed
// signer with the updates consent once (packages/jobs). Each email carries a link that stops them: the signer's
// updates consent is withdrawn (with the time), the signature itself stays and still counts.
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { CampaignRepository, SignatureRepository } from './ports.js';
import type { Language } from '../shared/language.js';
import type { Campaign, Milestone, MilestoneText } from './schema.js';
import { campaignTitle } from './views.js';

/** Where a milestone's reaching is stored. */
export interface MilestoneRepository {
  /**
   * Marks the milestone reached at `at` only if it is not reached yet, in one statement (`… where reached = false`),
   * so two confirmations or two staff at once mark it once; says whether it did.
   */
  markReached(milestoneId: string, at: Date): Promise<boolean>;
  /**
   * Holds the campaign's milestones not reached yet that have a threshold until the transaction ends (a row lock),
   * so confirmations at once count one after the other: the second counts the first, and the confirmation that
   * brings the count to a threshold always sees it (reading the count alone, two could each miss the other's).
   */
  holdThresholds(campaignId: string): Promise<void>;
}

/** The fan-out of a reached milestone's emails, queued on the caller's transaction (sent only if it commits). */
export interface MilestoneAnnouncements {
  reached(campaign: Campaign, milestone: Milestone): Promise<void>;
}

export interface MilestonePorts {
  milestones: MilestoneRepository;
  announcements: MilestoneAnnouncements;
  clock: Clock;
}

/** The name staff know a milestone by: its English title, else its title in its other language. */
export function milestoneTitle(milestone: Pick<Milestone, 'translations'>): string {
  const { en, es } = milestone.translations;
  return (en ?? es)?.title ?? 'Untitled milestone';
}

/** The milestone's words in `language`, else in its other language (a campaign's languages all have them). */
export function milestoneTextIn(
  milestone: Pick<Milestone, 'translations'>,
  language: Language,
): MilestoneText {
  const { en, es } = milestone.translations;
  return milestone.translations[language] ?? en ?? es ?? { title: 'Untitled milestone', description: '' };
}

/** The milestones a confirmed count of `count` reaches by itself: not reached yet, with a threshold at or below it. */
export function milestonesReachedBy(campaign: Pick<Campaign, 'milestones'>, count: number): Milestone[] {
  return campaign.milestones.filter(
    (m) => !m.reached && m.signatureThreshold !== null && m.signatureThreshold <= count,
  );
}

/** Marks it reached and queues its emails, if this call is the one that reached it. */
async function reach(ports: MilestonePorts, campaign: Campaign, milestone: Milestone): Promise<boolean> {
  if (!(await ports.milestones.markReached(milestone.id, ports.clock.now()))) return false;
  await ports.announcements.reached(campaign, milestone);
  return true;
}

/**
 * After a confirmation (in its transaction): every milestone whose threshold the confirmed count has now reached is
 * marked reached, once, and its emails queued. Returns the milestones this call reached.
 */
export async function reachMilestonesByCount(
  ports: MilestonePorts & { signatures: Pick<SignatureRepository, 'countConfirmed'> },
  campaign: Campaign,
): Promise<Milestone[]> {
  if (!campaign.milestones.some((m) => !m.reached && m.signatureThreshold !== null)) return [];
  await ports.milestones.holdThresholds(campaign.id);
  const due = milestonesReachedBy(campaign, await ports.signatures.countConfirmed(campaign.id));
  const reached: Milestone[] = [];
  for (const milestone of due) if (await reach(ports, campaign, milestone)) reached.push(milestone);
  return reached;
}

export interface MarkMilestoneReached {
  campaignId: string;
  milestoneId: string;
}

export interface MilestoneMarked {
  campaignId: string;
  milestoneId: string;
  reachedAt: Date;
}

/** Staff mark a milestone reached by hand; its signers who asked for news are emailed. Already reached: CONFLICT. */
export async function markMilestoneReached(
  ports: MilestonePorts & { campaigns: Pick<CampaignRepository, 'findById'> },
  command: MarkMilestoneReached,
): Promise<Change<MilestoneMarked>> {
  const campaign = await ports.campaigns.findById(command.campaignId);
  if (!campaign) throw new DomainError('NOT_FOUND', 'Campaign not found');
  const milestone = campaign.milestones.find((m) => m.id === command.milestoneId);
  if (!milestone) throw new DomainError('NOT_FOUND', 'Milestone not found');
  const already = new DomainError(
    'CONFLICT',
    `The milestone “${milestoneTitle(milestone)}” is already reached: its emails have gone out`,
  );
  if (milestone.reached) throw already;
  const at = ports.clock.now();
  if (!(await reach(ports, campaign, milestone))) throw already;
  return change(
    { campaignId: campaign.id, milestoneId: milestone.id, reachedAt: at },
    {
      action: 'campaign.milestone-reached',
      resourceType: 'campaign',
      resourceId: campaign.id,
      summary: `Marked the milestone “${milestoneTitle(milestone)}” of “${campaignTitle(campaign)}” reached`,
    },
    ['campaigns'],
  );
}

/** Where the links that stop a signer's campaign news lead, and the withdrawing of the consent. */
export interface CampaignUpdatesConsents {
  /** The signature an emailed unsubscribe link was made for (by its token's hash), if any. */
  findByUnsubscribeTokenHash(
    tokenHash: string,
  ): Promise<{ signatureId: string; campaignId: string; withdrawnAt: Date | null } | null>;
  /** Records the withdrawal of the signature's updates consent at `at` unless it is withdrawn already; whether it did. */
  withdraw(signatureId: string, at: Date): Promise<boolean>;
}

export type UpdatesStopped =
  /** The consent is withdrawn (now, or before: a second press is harmless). */
  | { status: 'stopped'; campaign: Campaign; now: boolean }
  /** No such link. */
  | { status: 'invalid' };

/**
 * The unsubscribe page's button, and the mail provider's one-click POST (RFC 8058): the signature's updates consent
 * is withdrawn; the signature stays. Not audited (the signer is not staff), and no page changes.
 */
export async function stopCampaignUpdates(
  ports: { consents: CampaignUpdatesConsents; campaigns: Pick<CampaignRepository, 'findById'>; clock: Clock },
  command: { tokenHash: string },
): Promise<Change<UpdatesStopped>> {
  const link = await ports.consents.findByUnsubscribeTokenHash(command.tokenHash);
  const campaign = link ? await ports.campaigns.findById(link.campaignId) : null;
  if (!link || !campaign) return change({ status: 'invalid' }, null);
  const now =
    link.withdrawnAt === null && (await ports.consents.withdraw(link.signatureId, ports.clock.now()));
  return change({ status: 'stopped', campaign, now }, null);
}
