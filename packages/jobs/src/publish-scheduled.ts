// The sweeper that publishes scheduled articles whose time has come. Idempotent: the version check makes a second
// worker's (or a rerun's) publish of the same article a no-op.
import { appendAudit, findArticleById, listDueScheduled, updateArticle } from '@ayni/db';
import { isDomainError, isDueForPublishing, transitionArticle } from '@ayni/domain';
import type { Sweeper } from './sweep.js';

export const publishScheduledArticles: Sweeper = {
  name: 'publish-scheduled-articles',
  async sweep(ctx) {
    const now = ctx.clock.now();
    for (const due of await listDueScheduled(ctx.db, now)) {
      try {
        await ctx.db.transaction().execute(async (trx) => {
          const current = await findArticleById(trx, due.id);
          if (!current || !isDueForPublishing(current, now)) return;
          const published = transitionArticle(current, 'publish', ctx.clock);
          await updateArticle(trx, published);
          await appendAudit(trx, {
            at: now,
            actorId: null,
            actorEmail: null,
            action: 'article.publish',
            resourceType: 'article',
            resourceId: current.id,
            summary: `Published “${current.title}” as scheduled for ${current.scheduledFor?.toISOString() ?? ''}`,
          });
        });
        ctx.logger.info({ articleId: due.id }, 'Published a scheduled article');
      } catch (err) {
        // Someone (another worker, an editor) changed it meanwhile: theirs stands.
        if (isDomainError(err) && err.code === 'STALE_VERSION') continue;
        throw err;
      }
    }
  },
};
