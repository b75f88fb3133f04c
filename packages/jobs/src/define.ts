// A job is a name, a zod payload schema, a handler and a retry policy; optionally a cron schedule.
// Handlers run at least once: they must check what was already done before doing it again.
import type { Database, Dialect } from '@ayni/db';
import type { Clock } from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { LinkMinters } from './email/links.js';
import type { Mailer } from './email/transport.js';
import type { Queue } from './queue.js';

export interface RetryPolicy {
  /** How many times the job may run in all (1 = no retry). */
  attempts: number;
  /** Delay before the first retry; each further retry waits twice as long. */
  backoffSeconds: number;
}

export interface JobSchedule {
  /** Standard 5-field cron expression (minute resolution). */
  cron: string;
  /** IANA zone the cron expression is read in; defaults to the organisation's zone. */
  timeZone?: string;
}

/** What a handler may use. Services are the worker's (the mailer, …), so handlers never build their own. */
export interface JobContext {
  jobId: string;
  attempt: number;
  db: Kysely<Database>;
  dialect: Dialect;
  clock: Clock;
  logger: Logger;
  queue: Queue;
  services: JobServices;
}

/** What the worker hands every handler. */
export interface JobServices {
  mailer: Mailer;
  /** The From address (MAIL_FROM); by default the organisation's name at no-reply@ the site's host. */
  mailFrom?: string | undefined;
  /** Mint the links emails carry at send time (password reset, invitation, unsubscribe); the worker's. */
  links?: LinkMinters | undefined;
  /** Partner feed fetching; `allowLoopback` lets test suites serve feeds from 127.0.0.1 (never in production). */
  feeds?: { allowLoopback: boolean } | undefined;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType> {
  name: string;
  /** What the job does, in the words staff read on the Jobs page ("Send an email"). */
  title: string;
  payload: S;
  retry: RetryPolicy;
  /** A run taking longer than this is treated as failed (and retried). */
  timeoutSeconds: number;
  /**
   * How many of this job one worker runs at once; default: the worker's WORKER_CONCURRENCY. I/O-bound jobs
   * (email waits on the SMTP server) want more; jobs that must not overlap want 1.
   */
  concurrency?: number;
  schedule?: JobSchedule;
  /** For scheduled jobs: the payload each scheduled run gets. */
  scheduledPayload?: z.input<S>;
  handler(payload: z.output<S>, ctx: JobContext): Promise<void>;
}

const jobName = /^[a-z][a-z0-9-]*(\.[a-z0-9-]+)*$/;

export function defineJob<S extends z.ZodType>(
  definition: Omit<JobDefinition<S>, 'retry' | 'timeoutSeconds'> &
    Partial<Pick<JobDefinition<S>, 'retry' | 'timeoutSeconds'>>,
): JobDefinition<S> {
  if (!jobName.test(definition.name)) throw new Error(`Invalid job name "${definition.name}"`);
  const retry = definition.retry ?? { attempts: 5, backoffSeconds: 30 };
  if (!Number.isInteger(retry.attempts) || retry.attempts < 1)
    throw new Error('retry.attempts must be at least 1');
  return { ...definition, retry, timeoutSeconds: definition.timeoutSeconds ?? 300 };
}

/** Seconds to wait before the retry that follows attempt `attempt` (1-based): base, 2×base, 4×base… capped at a day. */
export function backoffDelaySeconds(policy: RetryPolicy, attempt: number): number {
  return Math.min(policy.backoffSeconds * 2 ** Math.max(0, attempt - 1), 86_400);
}
