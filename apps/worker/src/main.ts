// Starts the worker on the same database as the site and the admin: the heartbeat the admin shows, and the job
// queue (pg-boss on PostgreSQL, the embedded queue on SQLite). On SIGTERM/SIGINT it stops taking jobs, lets
// running ones finish (up to WORKER_SHUTDOWN_GRACE_SECONDS) and exits 0.
import path from 'node:path';
import { authSecret } from '@ayni/auth';
import { createDb, dataDir, getSettings, loadSecretsKey, migrateToLatest, type DbHandle } from '@ayni/db';
import { systemClock } from '@ayni/domain';
import { allJobs, createMailer, createQueue } from '@ayni/jobs';
import pino from 'pino';
import { loadWorkerEnv, type WorkerEnv } from './env.js';
import { workerLinkMinters } from './links.js';
import { createWorker } from './worker.js';

function configure(): { env: WorkerEnv; handle: DbHandle; secretsKey: string; secret: string } {
  try {
    const env = loadWorkerEnv();
    const secretsKey = loadSecretsKey();
    return { env, handle: createDb(), secretsKey, secret: authSecret(env) };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const { env, handle, secretsKey, secret } = configure();
const logger = pino({ name: 'worker', level: env.LOG_LEVEL });
await migrateToLatest(handle.db);
const settings = await getSettings(handle.db);
const mailer = createMailer({ smtpUrl: env.SMTP_URL, outboxDir: path.join(dataDir, 'outbox'), logger });
const queue = createQueue({
  handle,
  definitions: allJobs,
  clock: systemClock,
  logger,
  services: {
    mailer,
    mailFrom: env.MAIL_FROM,
    links: workerLinkMinters(handle, {
      authSecret: secret,
      adminUrl: env.ADMIN_URL,
      production: env.NODE_ENV === 'production',
      secretsKey,
    }),
    feeds: { allowLoopback: env.FEED_FETCH_ALLOW_LOOPBACK },
  },
  timeZone: settings.timeZone,
  role: 'worker',
  leaseSeconds: env.WORKER_LEASE_SECONDS,
});
if (env.FEED_FETCH_ALLOW_LOOPBACK) {
  logger.warn(
    'FEED_FETCH_ALLOW_LOOPBACK is on: partner feeds may be fetched from 127.0.0.1 (for test suites only)',
  );
}
await queue.start();
const worker = createWorker({
  handle,
  clock: systemClock,
  logger,
  heartbeatMs: env.WORKER_HEARTBEAT_SECONDS * 1000,
});
await worker.start();
await queue.work({ concurrency: env.WORKER_CONCURRENCY });
logger.info(
  {
    worker: worker.id,
    database: handle.description,
    queue: queue.backend,
    mail: mailer.description,
    concurrency: env.WORKER_CONCURRENCY,
  },
  'Worker ready',
);

let shuttingDown = false;
async function shutdown(signal: string) {
  if (shuttingDown) return;
  shuttingDown = true;
  logger.info({ signal }, 'Worker stopping: finishing work in progress');
  const graceMs = env.WORKER_SHUTDOWN_GRACE_SECONDS * 1000;
  const limit = setTimeout(() => {
    logger.warn('Work in progress did not finish in time; exiting anyway');
    process.exit(1);
  }, graceMs + 5_000);
  await queue.stop(graceMs);
  await worker.stop();
  mailer.close();
  await handle.destroy();
  clearTimeout(limit);
  logger.info('Worker stopped');
  process.exit(0);
}
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
