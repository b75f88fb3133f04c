// Starts the worker on the same database as the site and the admin; stops cleanly on SIGTERM/SIGINT.
import { createDb, migrateToLatest, type DbHandle } from '@ayni/db';
import { systemClock } from '@ayni/domain';
import pino from 'pino';
import { loadWorkerEnv, type WorkerEnv } from './env.js';
import { createWorker } from './worker.js';

function configure(): { env: WorkerEnv; handle: DbHandle } {
  try {
    return { env: loadWorkerEnv(), handle: createDb() };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const { env, handle } = configure();
const logger = pino({ name: 'worker', level: env.LOG_LEVEL });
await migrateToLatest(handle.db);
const worker = createWorker({
  handle,
  clock: systemClock,
  logger,
  heartbeatMs: env.WORKER_HEARTBEAT_SECONDS * 1000,
});
await worker.start();
logger.info({ worker: worker.id, database: handle.description }, 'Worker ready');

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'Worker stopping: finishing work in progress');
  const limit = setTimeout(() => {
    logger.warn('Work in progress did not finish in time; exiting anyway');
    process.exit(1);
  }, env.WORKER_SHUTDOWN_GRACE_SECONDS * 1000);
  await worker.stop();
  await handle.destroy();
  clearTimeout(limit);
  logger.info('Worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
