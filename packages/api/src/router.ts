import { accountRouter } from './routers/account/router.js';
import { dashboardRouter } from './routers/dashboard/router.js';
import { jobsRouter } from './routers/jobs/router.js';
import { messagesRouter } from './routers/messages/router.js';
import { setupRouter } from './routers/setup/router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  account: accountRouter,
  dashboard: dashboardRouter,
  jobs: jobsRouter,
  messages: messagesRouter,
  setup: setupRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
