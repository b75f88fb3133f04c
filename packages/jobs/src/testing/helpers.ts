// Test helpers for queue tests: a queue on a test database, a table that records what handlers did, polling.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { DbHandle } from '@ayni/db';
import { systemClock, type Clock } from '@ayni/domain';
import { sql } from 'kysely';
import pino, { type Logger } from 'pino';
import { createQueue } from '../create-queue.js';
import type { JobDefinition } from '../define.js';
import type { LinkMinters } from '../email/links.js';
import { createMailer, type Mailer } from '../email/transport.js';
import type { Queue } from '../queue.js';

export const silentLogger = pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' });

export function outboxMailer(): Mailer {
  return createMailer({ outboxDir: mkdtempSync(path.join(tmpdir(), 'ayni-outbox-')), logger: silentLogger });
}

export function testQueue(
  handle: DbHandle,
  definitions: JobDefinition[],
  options: {
    clock?: Clock;
    mailer?: Mailer;
    links?: LinkMinters;
    leaseSeconds?: number;
    role?: 'worker' | 'producer';
    logger?: Logger;
  } = {},
): Queue {
  return createQueue({
    handle,
    definitions,
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    services: { mailer: options.mailer ?? outboxMailer(), links: options.links },
    timeZone: 'Europe/London',
    role: options.role ?? 'worker',
    leaseSeconds: options.leaseSeconds ?? 2,
    maintenanceIntervalSeconds: 1,
    pollMs: 100,
  });
}

/** A table where test handlers write what they did (not part of the product schema). */
export async function createEffectsTable(handle: DbHandle): Promise<void> {
  await sql`create table if not exists test_effects (
    job_id text not null, label text not null, attempt integer not null, worker text not null
  )`.execute(handle.db);
}

export interface Effect {
  job_id: string;
  label: string;
  attempt: number;
  worker: string;
}

export async function effects(handle: DbHandle, label?: string): Promise<Effect[]> {
  const { rows } = label
    ? await sql<Effect>`select * from test_effects where label = ${label} order by attempt`.execute(handle.db)
    : await sql<Effect>`select * from test_effects order by label, attempt`.execute(handle.db);
  return rows.map((r) => ({ ...r, attempt: Number(r.attempt) }));
}

export async function recordEffect(handle: Pick<DbHandle, 'db'>, e: Effect): Promise<void> {
  await sql`insert into test_effects (job_id, label, attempt, worker)
            values (${e.job_id}, ${e.label}, ${e.attempt}, ${e.worker})`.execute(handle.db);
}

/** Polls `check` until it returns a truthy value (no fixed sleeps); fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => T | Promise<T>,
  timeoutMs = 20_000,
  what = 'condition',
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
