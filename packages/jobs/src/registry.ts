// Every job the worker runs. Apps that enqueue create their queue with the same list, so pg-boss has every
// queue before the first send.
import type { JobDefinition } from './define.js';
import { sendEmailJob } from './email/send.js';
import { sweepJob } from './sweep.js';

export const allJobs: JobDefinition[] = [
  sendEmailJob as unknown as JobDefinition,
  sweepJob as unknown as JobDefinition,
];
