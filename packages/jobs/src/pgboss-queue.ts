// The PostgreSQL backend: pg-boss 10 on the same database, so several workers on several machines share the work
// (it claims with SKIP LOCKED). Every queue is created at start-up wherever jobs are enqueued — pg-boss 10 silently
// drops a send to a queue that does not exist. Sends run on the caller's transaction through pg-boss's `db` option.
import { randomUUID } from 'node:crypto';
import type { Database } from '@ayni/db';
import { iso } from '@ayni/db';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import PgBoss from 'pg-boss';
import type { z } from 'zod';
import { nextCronRun } from './cron.js';
import type { JobDefinition } from './define.js';
import { enqueueOnce } from './idempotency.js';
import {
  errorText,
  runJob,
  tally,
  type EnqueueOptions,
  type FailedJob,
  type JobCounts,
  type Queue,
  type QueueBackendOptions,
  type QueuedJob,
  type ScheduleInfo,
} from './queue.js';

export interface PgBossQueueOptions extends QueueBackendOptions {
  /** 'worker' runs maintenance and the cron clock; 'producer' (the site, the admin) only enqueues. */
  role: 'worker' | 'producer';
  /** How often pg-boss looks for expired jobs (a dead worker's) and due schedules. */
  maintenanceIntervalSeconds?: number;
  pollingIntervalSeconds?: number;
}

const SCHEMA = 'pgboss';

/** pg-boss's `db` option: run its SQL on our Kysely executor (e.g. the caller's open transaction). */
function executorFor(db: Kysely<Database>): PgBoss.Db {
  return {
    async executeSql(text: string, values: unknown[]) {
      const result = await db.executeQuery(CompiledQuery.raw(text, values));
      return { rows: result.rows as unknown[] };
    },
  };
}

export class PgBossQueue implements Queue {
  readonly backend = 'pg-boss' as const;
  private readonly boss: PgBoss;
  private readonly byName: Map<string, JobDefinition>;
  private started = false;

  constructor(private readonly options: PgBossQueueOptions) {
    if (options.handle.target.dialect !== 'postgres') throw new Error('pg-boss needs PostgreSQL');
    this.byName = new Map(options.definitions.map((d) => [d.name, d]));
    const worker = options.role === 'worker';
    this.boss = new PgBoss({
      connectionString: options.handle.target.url,
      schema: SCHEMA,
      // Connections for its slots (one per running job) plus maintenance.
      max: worker ? 20 : 4,
      application_name: `ayni-${options.role}`,
      supervise: worker,
      schedule: worker,
      migrate: true,
      maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? 30,
      ...(worker ? { cronMonitorIntervalSeconds: 30 } : {}),
    });
    this.boss.on('error', (err) => options.logger.error({ err }, 'pg-boss error'));
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const d of this.options.definitions) {
      const policy = {
        retryLimit: d.retry.attempts - 1,
        retryDelay: d.retry.backoffSeconds,
        retryBackoff: true,
        expireInSeconds: d.timeoutSeconds,
      };
      await this.boss.createQueue(d.name, { name: d.name, ...policy });
      await this.boss.updateQueue(d.name, { name: d.name, ...policy });
      if (d.schedule && this.options.role === 'worker') {
        await this.boss.schedule(d.name, d.schedule.cron, (d.scheduledPayload ?? {}) as object, {
          tz: d.schedule.timeZone ?? this.options.timeZone,
        });
      }
    }
    this.started = true;
  }

  async enqueue<S extends z.ZodType>(
    db: Kysely<Database>,
    job: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    if (!this.started) throw new Error('Queue not started: call start() before enqueueing');
    const parsed = job.payload.parse(payload);
    const id = randomUUID();
    const key = {
      key: options.idempotencyKey,
      jobName: job.name,
      jobId: id,
      now: iso(this.options.clock.now()),
    };
    return enqueueOnce(db, key, async (trx) => {
      const sent = await this.boss.send(job.name, (parsed ?? {}) as object, {
        id,
        db: executorFor(trx),
        ...(options.runAt ? { startAfter: options.runAt } : {}),
      });
      if (!sent) throw new Error(`pg-boss refused job "${job.name}" (is its queue created?)`);
      return sent;
    });
  }

  async work({ concurrency }: { concurrency: number }): Promise<void> {
    // One pg-boss worker per slot, each fetching one job at a time. pg-boss 10 waits a polling interval after
    // every fetch; a slot that just finished a job asks for the next one at once (notifyWorker), so a busy
    // queue is drained without pauses and an idle one is polled every interval.
    for (const d of this.options.definitions) {
      for (let i = 0; i < (d.concurrency ?? concurrency); i++) {
        const slot: { workerId?: string } = {};
        slot.workerId = await this.boss.work<object>(
          d.name,
          {
            batchSize: 1,
            includeMetadata: true,
            pollingIntervalSeconds: this.options.pollingIntervalSeconds ?? 0.5,
          },
          async ([job]) => {
            if (!job) return;
            try {
              await runJob(d, job.data, {
                jobId: job.id,
                attempt: job.retryCount + 1,
                db: this.options.handle.db,
                dialect: 'postgres',
                clock: this.options.clock,
                logger: this.options.logger,
                queue: this,
                services: this.options.services,
              });
            } finally {
              if (slot.workerId) this.boss.notifyWorker(slot.workerId);
            }
          },
        );
      }
    }
  }

  async stop(graceMs = 30_000): Promise<void> {
    if (!this.started) return;
    await this.boss.stop({ graceful: true, timeout: graceMs, wait: true });
    this.started = false;
  }

  private get db(): Kysely<Database> {
    return this.options.handle.db;
  }

  async counts(): Promise<JobCounts[]> {
    const { rows } = await sql<{ name: string; state: string; n: number }>`
      select name, state::text as state, count(*)::int as n from pgboss.job group by name, state`.execute(
      this.db,
    );
    return tally(this.options.definitions, rows);
  }

  async failed(limit = 50): Promise<FailedJob[]> {
    const { rows } = await sql<{
      id: string;
      name: string;
      retry_count: number;
      output: unknown;
      completed_on: Date | null;
      data: unknown;
    }>`select id::text as id, name, retry_count, output, completed_on, data from pgboss.job
       where state = 'failed' order by completed_on desc nulls last limit ${limit}`.execute(this.db);
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      attempts: r.retry_count + 1,
      error: outputMessage(r.output),
      failedAt: r.completed_on,
      payload: r.data,
    }));
  }

  async queued(limit = 50): Promise<QueuedJob[]> {
    const { rows } = await sql<{ id: string; name: string; start_after: Date; retry_count: number }>`
      select id::text as id, name, start_after, retry_count from pgboss.job
      where state in ('created', 'retry') order by start_after limit ${limit}`.execute(this.db);
    return rows.map((r) => ({ id: r.id, name: r.name, runAt: r.start_after, attempts: r.retry_count }));
  }

  async retry(name: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const job = await this.boss.getJobById(name, id);
    if (!job || job.state !== 'failed') return false;
    await this.boss.retry(name, id);
    return true;
  }

  async cancel(name: string, id: string): Promise<boolean> {
    if (!isUuid(id)) return false;
    const job = await this.boss.getJobById(name, id);
    if (!job || (job.state !== 'created' && job.state !== 'retry')) return false;
    await this.boss.cancel(name, id);
    return true;
  }

  async schedules(): Promise<ScheduleInfo[]> {
    const now = this.options.clock.now();
    return this.options.definitions
      .filter((d) => d.schedule)
      .map((d) => {
        const timeZone = d.schedule!.timeZone ?? this.options.timeZone;
        return {
          name: d.name,
          cron: d.schedule!.cron,
          timeZone,
          nextRunAt: nextCronRun(d.schedule!.cron, timeZone, now),
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name));
  }
}

function isUuid(id: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id);
}

/** pg-boss stores a thrown error as { message, stack, … } in `output`. */
function outputMessage(output: unknown): string {
  if (output && typeof output === 'object' && 'message' in output) {
    const o = output as { name?: string; message: string };
    return o.name ? `${o.name}: ${o.message}` : o.message;
  }
  return output === null || output === undefined ? '' : errorText(output);
}
