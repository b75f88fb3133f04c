// Topics on their own page: each with how many articles and feeds carry it; create one, name it in both
// languages, merge one into another, delete an unused one — the domain's topic use cases, each audited in the unit
// of work.
import { topicRepository } from '@ayni/db';
import {
  createTopic,
  deleteTopic,
  listTopicsWithUsage,
  mergeTopics,
  renameTopic,
  topicNamesSchema,
  topicSchema,
  topicWithUsageSchema,
} from '@ayni/domain';
import { z } from 'zod';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

const slug = z.string().min(1, { error: 'Choose a topic' });

export const topicsRouter = router({
  list: permitted('article:view')
    .output(z.array(topicWithUsageSchema))
    .query(({ ctx }) => listTopicsWithUsage({ topics: topicRepository(ctx.handle.db) })),

  create: permitted('article:edit')
    .input(topicNamesSchema)
    .output(topicSchema)
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) => createTopic({ topics: topicRepository(trx) }, input)),
    ),

  /** Names a topic in English and Spanish (the site shows the name in the page's language). */
  rename: permitted('article:edit')
    .input(topicNamesSchema.extend({ slug }))
    .output(topicSchema)
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) => renameTopic({ topics: topicRepository(trx) }, input)),
    ),

  merge: permitted('article:edit')
    .input(z.object({ from: slug, into: slug }))
    .output(topicSchema)
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) => mergeTopics({ topics: topicRepository(trx) }, input)),
    ),

  delete: permitted('article:edit')
    .input(z.object({ slug }))
    .output(topicSchema)
    .mutation(({ ctx, input }) =>
      inUnitOfWork(ctx, (trx) => deleteTopic({ topics: topicRepository(trx) }, input)),
    ),
});
