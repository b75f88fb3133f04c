// The dashboard's counts: articles, campaigns, members, events and partner feeds, and whether the worker runs.
import { dashboardCounts } from '@ayni/db';
import { articleStatuses, campaignStatuses, memberStatuses } from '@ayni/domain';
import { z } from 'zod';
import { permitted, router } from '../../trpc.js';
import { workerStatus, workerStatusSchema } from '../worker-status.js';

const count = z.number().int().min(0);
/** A count for each of `keys`: every status has its number, zero included. */
const countsOf = <const K extends readonly string[]>(keys: K) =>
  z.object(Object.fromEntries(keys.map((k) => [k, count])) as { [P in K[number]]: typeof count });

const dashboardSchema = z.object({
  articles: countsOf(articleStatuses).extend({ pages: count }),
  campaigns: countsOf(campaignStatuses).extend({ confirmedSignatures: count, heldSignatures: count }),
  members: countsOf(memberStatuses),
  events: countsOf(['upcoming', 'past']),
  partnerFeeds: countsOf(['total', 'failing', 'paused']),
  worker: workerStatusSchema,
});

export const dashboardRouter = router({
  summary: permitted('dashboard:view')
    .output(dashboardSchema)
    .query(async ({ ctx }) => {
      const [counts, worker] = await Promise.all([
        dashboardCounts(ctx.handle.db, ctx.clock.now()),
        workerStatus(ctx.handle.db, ctx.clock),
      ]);
      return { ...counts, worker };
    }),
});
