// A reached milestone's emails (issue 13): the fan-out job, queued once when the milestone is reached (by hand or by
// threshold, on that transaction), emails each confirmed signer who gave the updates consent and has not withdrawn
// it. Signers are read in batches by id (keyset); for each, the record (milestone, signature) — a primary key on both,
// inserted with "on conflict do nothing" — and that person's email are written in one transaction, so a job run
// twice, or run again after a crash halfway, emails each person once. The unsubscribe link is minted when each
// email is sent (campaignUpdatesUnsubscribeLinks), so a signer who stops the news meanwhile is not emailed.
import {
  findCampaignById,
  findReachedMilestone,
  getSettings,
  listMilestoneRecipients,
  recordMilestoneEmail,
  withTransaction,
  type Database,
} from '@ayni/db';
import {
  absoluteUrl,
  campaignPath,
  campaignTextIn,
  milestoneTextIn,
  type Campaign,
  type Milestone,
  type MilestoneAnnouncements,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJob } from './define.js';
import { queueEmail } from './email/send.js';
import type { Queue } from './queue.js';

/** Signers read, recorded and queued per transaction. */
export const MILESTONE_EMAIL_BATCH = 200;

export const milestoneEmailsJob = defineJob({
  name: 'campaign.milestone-emails',
  title: 'Email the signers about a milestone',
  payload: z.object({ milestoneId: z.string().min(1) }),
  retry: { attempts: 5, backoffSeconds: 60 },
  timeoutSeconds: 600,
  async handler({ milestoneId }, ctx) {
    const found = await findReachedMilestone(ctx.db, milestoneId);
    const campaign = found ? await findCampaignById(ctx.db, found.campaignId) : null;
    const milestone = campaign?.milestones.find((m) => m.id === milestoneId);
    if (!campaign || !milestone) {
      ctx.logger.info({ milestoneId }, 'Milestone gone or no longer reached; no emails');
      return;
    }
    const { siteUrl } = await getSettings(ctx.db);
    let after: string | null = null;
    let queued = 0;
    for (;;) {
      const batch = await listMilestoneRecipients(ctx.db, campaign.id, after, MILESTONE_EMAIL_BATCH);
      if (batch.length === 0) break;
      queued += await withTransaction(ctx.db, async (trx) => {
        let n = 0;
        for (const signer of batch) {
          if (!(await recordMilestoneEmail(trx, milestoneId, signer.signatureId, ctx.clock.now()))) continue;
          const { language, text } = campaignTextIn(campaign, signer.language);
          const own = milestoneTextIn(milestone, language);
          await queueEmail(
            trx,
            ctx.queue,
            {
              to: signer.email,
              template: 'campaign-milestone',
              language,
              data: {
                signatureId: signer.signatureId,
                name: signer.name,
                campaignTitle: text.title,
                campaignUrl: absoluteUrl(siteUrl, campaignPath(language, text.slug)),
                milestoneTitle: own.title,
                milestoneDescription: own.description,
              },
            },
            { clock: ctx.clock },
          );
          n += 1;
        }
        return n;
      });
      after = batch[batch.length - 1]!.signatureId;
      if (batch.length < MILESTONE_EMAIL_BATCH) break;
    }
    ctx.logger.info({ milestoneId, queued }, 'Queued the milestone’s emails');
  },
});

/** The domain's MilestoneAnnouncements: the fan-out queued on the caller's transaction, once per milestone. */
export function milestoneAnnouncements(trx: Kysely<Database>, queue: Queue): MilestoneAnnouncements {
  return {
    async reached(_campaign: Campaign, milestone: Milestone) {
      await queue.enqueue(
        trx,
        milestoneEmailsJob,
        { milestoneId: milestone.id },
        { idempotencyKey: `milestone-emails:${milestone.id}` },
      );
    },
  };
}
