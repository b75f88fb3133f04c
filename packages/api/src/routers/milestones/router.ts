// Milestones for staff: marking one reached by hand (audited; its signers who asked for news are emailed, through
// one fan-out job queued on the same transaction). A milestone with a signature threshold is reached by itself
// when a confirmation brings the count to it (the site's confirmation page); the editor sets thresholds.
import { findCampaignById, milestoneRepositories } from '@ayni/db';
import { markMilestoneReached } from '@ayni/domain';
import { milestoneAnnouncements } from '@ayni/jobs';
import { z } from 'zod';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

const milestoneMarkedSchema = z.object({
  campaignId: z.string().min(1),
  milestoneId: z.string().min(1),
  reachedAt: z.date(),
});

export const milestonesRouter = router({
  /** Marks a milestone reached; one already reached is CONFLICT, saying so. */
  markReached: permitted('campaign:edit')
    .input(z.object({ campaignId: z.string().min(1).max(100), milestoneId: z.string().min(1).max(100) }))
    .output(milestoneMarkedSchema)
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) =>
        markMilestoneReached(
          {
            campaigns: { findById: (id) => findCampaignById(trx, id) },
            milestones: milestoneRepositories(trx).milestones,
            announcements: milestoneAnnouncements(trx, ctx.queue),
            clock: ctx.clock,
          },
          input,
        ),
      ),
    ),
});
