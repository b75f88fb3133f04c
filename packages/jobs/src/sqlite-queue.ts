// The embedded queue: a table in the SQLite file, claimed with leases. A worker holds a job by its lease and
// renews it while the handler runs; if the worker dies, the lease expires and another worker takes the job
// again (at-least-once). Claiming is a single UPDATE … RETURNING, atomic in SQLite across processes.
import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { type Database, iso, withTransaction } from '@ayni/db';
import { sql, type Kysely, type Selectable } from 'kysely';
import type { z } from 'zod';
import { nextCronRun } from './cron.js';
import { backoffDelaySeconds, type JobDefinition } from './define.js';
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
import type { JobsTable } from '@ayni/db';

export interface SqliteQueueOptions extends QueueBackendOptions {
  /** How long a claimed job stays with its worker without a renewal. */
  leaseSeconds?: number;
  pollMs?: number;
  /** Completed and cancelled jobs are deleted after this long. */
  retentionDays?: number;
}

export class SqliteQueue implements Queue {
  readonly backend = 'sqlite' as const;
  private readonly db: Kysely<Database>;
  private readonly byName: Map<string, JobDefinition>;
  private readonly workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly leaseMs: number;
  private readonly pollMs: number;
  private running = new Set<Promise<void>>();
  private runningByName = new Map<string, number>();
  private stopping = false;
  private timer: NodeJS.Timeout | null = null;
  private concurrency = 0;
  private lastPurge = 0;

  constructor(private readonly options: SqliteQueueOptions) {
    this.db = options.handle.db;
    this.byName = new Map(options.definitions.map((d) => [d.name, d]));
    this.leaseMs = (options.leaseSeconds ?? 60) * 1000;
    this.pollMs = options.pollMs ?? 500;
  }

  private now(): Date {
    return this.options.clock.now();
  }

  async start(): Promise<void> {
    for (const d of this.options.definitions) {
      if (!d.schedule) continue;
      const timeZone = d.schedule.timeZone ?? this.options.timeZone;
      const existing = await this.db
        .selectFrom('job_schedules')
        .selectAll()
        .where('name', '=', d.name)
        .executeTakeFirst();
      if (existing && existing.cron === d.schedule.cron && existing.time_zone === timeZone) continue;
      const next = iso(nextCronRun(d.schedule.cron, timeZone, this.now()));
      await this.db
        .insertInto('job_schedules')
        .values({
          name: d.name,
          cron: d.schedule.cron,
          time_zone: timeZone,
          next_run_at: next,
          last_run_at: null,
        })
        .onConflict((oc) =>
          oc.column('name').doUpdateSet({ cron: d.schedule!.cron, time_zone: timeZone, next_run_at: next }),
        )
        .execute();
    }
  }

  async enqueue<S extends z.ZodType>(
    db: Kysely<Database>,
    job: JobDefinition<S>,
    payload: z.input<S>,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    const parsed = job.payload.parse(payload);
    const id = randomUUID();
    const now = iso(this.now());
    const key = { key: options.idempotencyKey, jobName: job.name, jobId: id, now };
    return enqueueOnce(db, key, async (trx) => {
      await trx
        .insertInto('jobs')
        .values({
          id,
          name: job.name,
          payload: JSON.stringify(parsed ?? null),
          state: 'queued',
          attempts: 0,
          max_attempts: job.retry.attempts,
          backoff_seconds: job.retry.backoffSeconds,
          run_at: options.runAt ? iso(options.runAt) : now,
          locked_by: null,
          lock_expires_at: null,
          last_error: null,
          created_at: now,
          updated_at: now,
          finished_at: null,
        })
        .execute();
      return id;
    });
  }

  async work({ concurrency }: { concurrency: number }): Promise<void> {
    this.concurrency = concurrency;
    this.stopping = false;
    this.tick();
  }

  private filling = false;
  private again = false;

  /** One fill at a time; a request that arrives meanwhile (a job finished) runs right after it. */
  private tick = () => {
    if (this.stopping) return;
    if (this.filling) {
      this.again = true;
      return;
    }
    this.filling = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    void this.fill()
      .catch((err: unknown) => this.options.logger.error({ err }, 'Queue poll failed'))
      .finally(() => {
        this.filling = false;
        if (this.stopping) return;
        if (this.again) {
          this.again = false;
          queueMicrotask(this.tick);
        } else {
          this.timer = setTimeout(this.tick, this.pollMs);
        }
      });
  };

  /** Job names with a free slot (each job runs at most its own concurrency at once in this worker). */
  private namesWithFreeSlots(): string[] {
    return this.options.definitions
      .filter((d) => (this.runningByName.get(d.name) ?? 0) < (d.concurrency ?? this.concurrency))
      .map((d) => d.name);
  }

  /** Claims jobs until every slot is busy or nothing is due. */
  private async fill(): Promise<void> {
    await this.fireSchedules();
    await this.purge();
    for (;;) {
      const names = this.namesWithFreeSlots();
      if (this.stopping || names.length === 0) return;
      const job = await this.claim(names);
      if (!job) return;
      this.runningByName.set(job.name, (this.runningByName.get(job.name) ?? 0) + 1);
      const p = this.process(job).finally(() => {
        this.running.delete(p);
        this.runningByName.set(job.name, (this.runningByName.get(job.name) ?? 1) - 1);
        if (!this.stopping) queueMicrotask(this.tick);
      });
      this.running.add(p);
    }
  }

  /**
   * Takes one job: a due queued one, else one whose worker's lease expired. Two separate lookups, so each uses
   * its index instead of scanning the table.
   */
  private async claim(names: string[]): Promise<Selectable<JobsTable> | undefined> {
    const now = iso(this.now());
    const expires = iso(new Date(this.now().getTime() + this.leaseMs));
    const take = async (candidate: ReturnType<typeof sql>) => {
      const { rows } = await sql<Selectable<JobsTable>>`
        update jobs set state = 'active', attempts = attempts + 1, locked_by = ${this.workerId},
          lock_expires_at = ${expires}, updated_at = ${now}
        where id = (${candidate})
        returning *`.execute(this.db);
      return rows[0];
    };
    return (
      (await take(sql`select id from jobs where state = 'queued' and run_at <= ${now}
        and name in (${sql.join(names)}) order by run_at, id limit 1`)) ??
      (await take(sql`select id from jobs where state = 'active' and lock_expires_at <= ${now}
        and name in (${sql.join(names)}) order by lock_expires_at, id limit 1`))
    );
  }

  private async process(row: Selectable<JobsTable>): Promise<void> {
    const definition = this.byName.get(row.name);
    if (!definition) {
      await this.finish(row, 'failed', `No handler for job "${row.name}" in this worker`);
      return;
    }
    if (row.attempts > row.max_attempts) {
      // Its previous worker stopped mid-run (lease expired) on the last allowed attempt.
      await this.finish(
        row,
        'failed',
        row.last_error ?? 'The worker running this job stopped; no attempts left',
      );
      return;
    }
    const renew = setInterval(
      () => {
        void this.db
          .updateTable('jobs')
          .set({ lock_expires_at: iso(new Date(this.now().getTime() + this.leaseMs)) })
          .where('id', '=', row.id)
          .where('locked_by', '=', this.workerId)
          .execute()
          .catch((err: unknown) => this.options.logger.error({ err, jobId: row.id }, 'Lease renewal failed'));
      },
      Math.max(250, this.leaseMs / 3),
    );
    try {
      await runJob(definition, JSON.parse(row.payload), {
        jobId: row.id,
        attempt: row.attempts,
        db: this.db,
        dialect: 'sqlite',
        clock: this.options.clock,
        logger: this.options.logger,
        queue: this,
        services: this.options.services,
      });
      await this.finish(row, 'completed', null);
    } catch (err) {
      const message = errorText(err);
      if (row.attempts < row.max_attempts) {
        const delay = backoffDelaySeconds(
          { attempts: row.max_attempts, backoffSeconds: row.backoff_seconds },
          row.attempts,
        );
        await this.db
          .updateTable('jobs')
          .set({
            state: 'queued',
            run_at: iso(new Date(this.now().getTime() + delay * 1000)),
            locked_by: null,
            lock_expires_at: null,
            last_error: message,
            updated_at: iso(this.now()),
          })
          .where('id', '=', row.id)
          .where('locked_by', '=', this.workerId)
          .execute();
      } else {
        await this.finish(row, 'failed', message);
      }
    } finally {
      clearInterval(renew);
    }
  }

  private async finish(row: Selectable<JobsTable>, state: 'completed' | 'failed', error: string | null) {
    const now = iso(this.now());
    await this.db
      .updateTable('jobs')
      .set({
        state,
        locked_by: null,
        lock_expires_at: null,
        finished_at: now,
        updated_at: now,
        last_error: error ?? row.last_error,
      })
      .where('id', '=', row.id)
      .where('locked_by', '=', this.workerId)
      .execute();
  }

  /** Enqueues each scheduled job whose time has come; a compare-and-set on next_run_at makes one worker win. */
  private async fireSchedules(): Promise<void> {
    const now = this.now();
    const due = await this.db
      .selectFrom('job_schedules')
      .selectAll()
      .where('next_run_at', '<=', iso(now))
      .execute();
    for (const s of due) {
      const definition = this.byName.get(s.name);
      if (!definition) continue;
      const next = iso(nextCronRun(s.cron, s.time_zone, now));
      await withTransaction(this.db, async (trx) => {
        const claimed = await trx
          .updateTable('job_schedules')
          .set({ next_run_at: next, last_run_at: iso(now) })
          .where('name', '=', s.name)
          .where('next_run_at', '=', s.next_run_at)
          .executeTakeFirst();
        if (Number(claimed.numUpdatedRows) !== 1) return;
        await this.enqueue(trx, definition, definition.scheduledPayload ?? {}, {
          idempotencyKey: `schedule:${s.name}:${s.next_run_at}`,
        });
      });
    }
  }

  private async purge(): Promise<void> {
    const now = this.now().getTime();
    if (now - this.lastPurge < 10 * 60_000) return;
    this.lastPurge = now;
    const before = iso(new Date(now - (this.options.retentionDays ?? 7) * 86_400_000));
    await this.db
      .deleteFrom('jobs')
      .where('state', 'in', ['completed', 'cancelled'])
      .where('finished_at', '<', before)
      .execute();
  }

  async stop(graceMs = 30_000): Promise<void> {
    this.stopping = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    let timedOut = false;
    await Promise.race([
      Promise.allSettled([...this.running]),
      new Promise<void>((resolve) =>
        setTimeout(() => {
          timedOut = true;
          resolve();
        }, graceMs).unref(),
      ),
    ]);
    if (timedOut)
      this.options.logger.warn(
        { running: this.running.size },
        'Stopped with jobs still running; their leases will expire',
      );
  }

  async counts(): Promise<JobCounts[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['name', 'state', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['name', 'state'])
      .execute();
    return tally(this.options.definitions, rows);
  }

  async failed(limit = 50): Promise<FailedJob[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .selectAll()
      .where('state', '=', 'failed')
      .orderBy('finished_at', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      attempts: r.attempts,
      error: r.last_error ?? '',
      failedAt: r.finished_at ? new Date(r.finished_at) : null,
      payload: JSON.parse(r.payload),
    }));
  }

  async queued(limit = 50): Promise<QueuedJob[]> {
    const rows = await this.db
      .selectFrom('jobs')
      .select(['id', 'name', 'run_at', 'attempts'])
      .where('state', '=', 'queued')
      .orderBy('run_at')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, runAt: new Date(r.run_at), attempts: r.attempts }));
  }

  async retry(name: string, id: string): Promise<boolean> {
    const now = iso(this.now());
    const r = await this.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'queued',
        max_attempts: eb('attempts', '+', 1),
        run_at: now,
        finished_at: null,
        updated_at: now,
      }))
      .where('id', '=', id)
      .where('name', '=', name)
      .where('state', '=', 'failed')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async cancel(name: string, id: string): Promise<boolean> {
    const now = iso(this.now());
    const r = await this.db
      .updateTable('jobs')
      .set({ state: 'cancelled', finished_at: now, updated_at: now })
      .where('id', '=', id)
      .where('name', '=', name)
      .where('state', '=', 'queued')
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async schedules(): Promise<ScheduleInfo[]> {
    const rows = await this.db.selectFrom('job_schedules').selectAll().orderBy('name').execute();
    return rows.map((r) => ({
      name: r.name,
      cron: r.cron,
      timeZone: r.time_zone,
      nextRunAt: new Date(r.next_run_at),
    }));
  }
}
