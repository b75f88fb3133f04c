// The sweeper that publishes scheduled articles whose time has come, through the domain's use case. Idempotent:
// one transaction per article, and the version check makes a second worker's (or a rerun's) publish a no-op.
import { appendAudit, articleRepository, listDueScheduled, randomIds } from '@ayni/db';
import { isDomainError, publishIfDue } from '@ayni/domain';
import type { Sweeper } from './sweep.js';

export const publishScheduledArticles: Sweeper = {
  name: 'publish-scheduled-articles',
  async sweep(ctx) {
    for (const due of await listDueScheduled(ctx.db, ctx.clock.now())) {
      try {
        await ctx.db.transaction().execute(async (trx) => {
          const published = await publishIfDue(due.id, {
            articles: articleRepository(trx),
            clock: ctx.clock,
            ids: randomIds,
          });
          if (!published) return;
          await appendAudit(trx, {
            at: ctx.clock.now(),
            actorId: null,
            actorEmail: null,
            action: 'article.publish',
            resourceType: 'article',
            resourceId: due.id,
            summary: `Published “${due.title}” as scheduled for ${due.scheduledFor?.toISOString() ?? ''}`,
          });
          ctx.logger.info({ articleId: due.id }, 'Published a scheduled article');
        });
      } catch (err) {
        // Someone (another worker, an editor) changed it meanwhile: theirs stands.
        if (isDomainError(err) && err.code === 'STALE_VERSION') continue;
        throw err;
      }
    }
  },
};
