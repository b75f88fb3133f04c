// Picks the backend from the database: pg-boss on PostgreSQL, the embedded table queue on SQLite.
import { PgBossQueue } from './pgboss-queue.js';
import type { Queue, QueueBackendOptions } from './queue.js';
import { SqliteQueue } from './sqlite-queue.js';

export interface CreateQueueOptions extends QueueBackendOptions {
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
