// Every job the worker runs. Apps that enqueue create their queue with the same list, so pg-boss has every
// queue before the first send.
import { campaignSweepers } from './campaign-sweeps.js';
import type { JobDefinition } from './define.js';
import { sendEmailJob } from './email/send.js';
import { eventChangeEmailsJob } from './event-change-emails.js';
import { eventSweepers } from './event-sweeps.js';
import { milestoneEmailsJob } from './milestone-emails.js';
import { fetchDuePartnerFeeds, fetchPartnerFeedJob } from './partner-feeds.js';
import { publishScheduledArticles } from './publish-scheduled.js';
import { addSweeper, sweepJob } from './sweep.js';

addSweeper(publishScheduledArticles);
addSweeper(fetchDuePartnerFeeds);
for (const s of campaignSweepers) addSweeper(s);
for (const s of eventSweepers) addSweeper(s);

export const allJobs: JobDefinition[] = [
  sendEmailJob as unknown as JobDefinition,
  sweepJob as unknown as JobDefinition,
  fetchPartnerFeedJob as unknown as JobDefinition,
  milestoneEmailsJob as unknown as JobDefinition,
  eventChangeEmailsJob as unknown as JobDefinition,
];

const titles = new Map(allJobs.map((job) => [job.name, job.title]));

/** What a job does, in words, by its name; a job no longer defined (an old row) keeps its name. */
export function jobTitle(name: string): string {
  return titles.get(name) ?? name;
}
