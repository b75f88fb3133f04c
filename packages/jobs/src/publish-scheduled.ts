// The sweeper that publishes scheduled articles whose time has come, through the domain's use case in the unit of
// work (its audit entry says the worker did it). Idempotent: one unit of work per article, and the version check
// makes a second worker's (or a rerun's) publish a no-op.
import {
  articleRepository,
  listDueScheduled,
  nobody,
  randomIds,
  runUnitOfWork,
  settingsRepository,
  topicRepository,
} from '@ayni/db';
import { isDomainError, publishIfDue } from '@ayni/domain';
import type { Sweeper } from './sweep.js';

export const publishScheduledArticles: Sweeper = {
  name: 'publish-scheduled-articles',
  does: 'publish the scheduled articles whose time has come',
  async sweep(ctx) {
    for (const due of await listDueScheduled(ctx.db, ctx.clock.now())) {
      try {
        const { result: published } = await runUnitOfWork(
          ctx.db,
          { clock: ctx.clock, actor: nobody },
          (trx) =>
            publishIfDue(
              {
                articles: articleRepository(trx),
                topics: topicRepository(trx),
                settings: settingsRepository(trx).settings,
                clock: ctx.clock,
                ids: randomIds,
              },
              { id: due.id },
            ),
        );
        if (published) ctx.logger.info({ articleId: due.id }, 'Published a scheduled article');
      } catch (err) {
        // Someone (another worker, an editor) changed it meanwhile: theirs stands.
        if (isDomainError(err) && err.code === 'STALE_VERSION') continue;
        throw err;
      }
    }
  },
};
