// The worker's life cycle: a heartbeat the admin can read, and a clean stop. Job processing arrives with the
// job-queue issue and plugs into `tick`; stop() waits for the tick in progress before resolving.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { recordHeartbeat, type DbHandle } from '@ayni/db';
import type { Clock } from '@ayni/domain';
import type { Logger } from 'pino';

export interface Worker {
  readonly id: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createWorker(deps: {
  handle: DbHandle;
  clock: Clock;
  logger: Logger;
  heartbeatMs: number;
}): Worker {
  const { handle, clock, logger, heartbeatMs } = deps;
  const id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const startedAt = clock.now();
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> = Promise.resolve();
  let stopping = false;

  async function tick() {
    await recordHeartbeat(handle.db, {
      workerId: id,
      hostname: hostname(),
      pid: process.pid,
      startedAt,
      seenAt: clock.now(),
    });
  }

  function schedule() {
    if (stopping) return;
    timer = setTimeout(() => {
      running = tick()
        .catch((err: unknown) => logger.error({ err }, 'Heartbeat failed'))
        .finally(schedule);
    }, heartbeatMs);
  }

  return {
    id,
    async start() {
      await tick();
      schedule();
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
