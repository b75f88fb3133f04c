import { accountRouter } from './routers/account/router.js';
import { articlesRouter } from './routers/articles/router.js';
import { auditRouter } from './routers/audit/router.js';
import { campaignsRouter } from './routers/campaigns/router.js';
import { dashboardRouter } from './routers/dashboard/router.js';
import { eventsRouter } from './routers/events/router.js';
import { invitationsRouter } from './routers/invitations/router.js';
import { jobsRouter } from './routers/jobs/router.js';
import { messagesRouter } from './routers/messages/router.js';
import { milestonesRouter } from './routers/milestones/router.js';
import { partnerFeedsRouter } from './routers/partner-feeds/router.js';
import { registrationsRouter } from './routers/registrations/router.js';
import { settingsRouter } from './routers/settings/router.js';
import { setupRouter } from './routers/setup/router.js';
import { signaturesRouter } from './routers/signatures/router.js';
import { staffRouter } from './routers/staff/router.js';
import { topicsRouter } from './routers/topics/router.js';
import { createCallerFactory, router } from './trpc.js';

export const appRouter = router({
  account: accountRouter,
  articles: articlesRouter,
  audit: auditRouter,
  campaigns: campaignsRouter,
  dashboard: dashboardRouter,
  events: eventsRouter,
  invitations: invitationsRouter,
  jobs: jobsRouter,
  messages: messagesRouter,
  milestones: milestonesRouter,
  partnerFeeds: partnerFeedsRouter,
  registrations: registrationsRouter,
  settings: settingsRouter,
  setup: setupRouter,
  signatures: signaturesRouter,
  staff: staffRouter,
  topics: topicsRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
