// Picks the backend from the database: pg-boss on PostgreSQL, the embedded table queue on SQLite.
import type { DbHandle } from '@ayni/db';
import type { Clock } from '@ayni/domain';
import type { Logger } from 'pino';
import type { JobDefinition, JobServices } from './define.js';
import { PgBossQueue } from './pgboss-queue.js';
import type { Queue } from './queue.js';
import { SqliteQueue } from './sqlite-queue.js';

export interface CreateQueueOptions {
  handle: DbHandle;
  definitions: JobDefinition[];
  clock: Clock;
  logger: Logger;
  services: JobServices;
  timeZone: string;
  role: 'worker' | 'producer';
  /** Tests shorten these to see a dead worker's job come back quickly. */
  leaseSeconds?: number;
  maintenanceIntervalSeconds?: number;
  pollMs?: number;
}

export function createQueue(options: CreateQueueOptions): Queue {
  if (options.handle.dialect === 'postgres') {
    return new PgBossQueue({
      ...options,
      ...(options.pollMs ? { pollingIntervalSeconds: Math.max(0.5, options.pollMs / 1000) } : {}),
    });
  }
  return new SqliteQueue(options);
}
