// The domain's ports on a transaction, as the API's use cases need them.
import {
  articleRepository,
  partnerFeedRepository,
  randomIds,
  topicRepository,
  type DbHandle,
} from '@ayni/db';
import type { ArticlePorts, Clock, PartnerFeedPorts } from '@ayni/domain';
import { fetchPartnerFeedJob, type Queue } from '@ayni/jobs';

type Trx = DbHandle['db'];

export function articlePorts(ctx: { clock: Clock }, trx: Trx): ArticlePorts {
  return { articles: articleRepository(trx), topics: topicRepository(trx), clock: ctx.clock, ids: randomIds };
}

export function partnerFeedPorts(
  ctx: { clock: Clock; queue: Queue },
  trx: Trx,
): PartnerFeedPorts & ArticlePorts {
  return {
    ...articlePorts(ctx, trx),
    feeds: partnerFeedRepository(trx),
    // Queued on the transaction: the fetch runs only if the change commits.
    fetchSoon: (feedId) =>
      ctx.queue.enqueue(trx, fetchPartnerFeedJob, { feedId, force: true }).then(() => undefined),
  };
}
