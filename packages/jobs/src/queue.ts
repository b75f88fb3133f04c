// The queue contract both backends implement (SQLite table with leases; pg-boss on PostgreSQL), and the one
// function that runs a handler, so validation, logging and timeouts behave the same on both.
import type { Database, DbHandle } from '@ayni/db';
import type { Clock } from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { Logger } from 'pino';
import type { z } from 'zod';
import type { JobContext, JobDefinition, JobServices } from './define.js';

/** What every backend is built from; each adds its own tuning. */
export interface QueueBackendOptions {
  handle: DbHandle;
  definitions: JobDefinition[];
  clock: Clock;
  logger: Logger;
  services: JobServices;
  /** Zone for schedules that do not name one (the organisation's). */
  timeZone: string;
}

export interface EnqueueOptions {
  /** Run no earlier than this. */
  runAt?: Date;
  /** The same key is enqueued once, ever: a second enqueue returns null. */
  idempotencyKey?: string;
}

export type JobState = 'queued' | 'active' | 'completed' | 'failed' | 'cancelled';

export interface JobCounts {
  name: string;
  queued: number;
  active: number;
  completed: number;
  failed: number;
  cancelled: number;
}

export interface FailedJob {
  id: string;
  name: string;
  attempts: number;
  error: string;
  failedAt: Date | null;
  payload: unknown;
}

export interface QueuedJob {
  id: string;
  name: string;
  runAt: Date | null;
  attempts: number;
}

export interface ScheduleInfo {
  name: string;
  cron: string;
  timeZone: string;
  nextRunAt: Date;
}

export interface Queue {
  readonly backend: 'sqlite' | 'pg-boss';
  /** Prepare the backend (pg-boss: create every queue; both: register schedules). Call before enqueueing. */
  start(): Promise<void>;
  /**
   * Enqueue on `db` — pass the caller's transaction and the job commits or rolls back with it. Returns the job
   * id, or null when the idempotency key was used before.
   */
  enqueue<S extends z.ZodType>(
    db: Kysely<Database>,
    job: JobDefinition<S>,
    payload: z.input<S>,
    options?: EnqueueOptions,
  ): Promise<string | null>;
  /** Start taking jobs (the worker). */
  work(options: { concurrency: number }): Promise<void>;
  /** Stop taking jobs; wait up to `graceMs` for running ones; release connections. */
  stop(graceMs?: number): Promise<void>;

  counts(): Promise<JobCounts[]>;
  failed(limit?: number): Promise<FailedJob[]>;
  queued(limit?: number): Promise<QueuedJob[]>;
  /** Run a failed job once more (as pg-boss does: one extra attempt). False when it is not failed. */
  retry(name: string, id: string): Promise<boolean>;
  /** Cancel a job that has not started. False when it is not queued. */
  cancel(name: string, id: string): Promise<boolean>;
  schedules(): Promise<ScheduleInfo[]>;
}

export class JobTimeoutError extends Error {
  override name = 'JobTimeoutError';
}

/** Runs one attempt: validates the payload, applies the timeout, logs name, id, attempt and duration. */
export async function runJob(
  definition: JobDefinition,
  rawPayload: unknown,
  ctx: Omit<JobContext, 'logger'> & { logger: Logger },
): Promise<void> {
  const logger = ctx.logger.child({ job: definition.name, jobId: ctx.jobId, attempt: ctx.attempt });
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    const payload = definition.payload.parse(rawPayload);
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new JobTimeoutError(`Timed out after ${definition.timeoutSeconds}s`)),
        definition.timeoutSeconds * 1000,
      );
    });
    await Promise.race([definition.handler(payload, { ...ctx, logger }), timeout]);
    logger.info({ durationMs: Math.round(performance.now() - started) }, 'Job completed');
  } catch (err) {
    logger.warn({ durationMs: Math.round(performance.now() - started), err }, 'Job attempt failed');
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

export function errorText(err: unknown): string {
  if (err instanceof Error) return `${err.name}: ${err.message}`;
  return String(err);
}

/** One row per job name (every defined job, even with no jobs yet), with a count per state. */
export function tally(
  definitions: JobDefinition[],
  rows: { name: string; state: string; n: number | string }[],
): JobCounts[] {
  const byName = new Map<string, JobCounts>();
  const row = (name: string) => {
    let c = byName.get(name);
    if (!c) byName.set(name, (c = { name, queued: 0, active: 0, completed: 0, failed: 0, cancelled: 0 }));
    return c;
  };
  for (const d of definitions) row(d.name);
  for (const r of rows) {
    const state = r.state === 'created' || r.state === 'retry' ? 'queued' : r.state;
    if (
      state === 'queued' ||
      state === 'active' ||
      state === 'completed' ||
      state === 'failed' ||
      state === 'cancelled'
    ) {
      row(r.name)[state] += Number(r.n);
    }
  }
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}
