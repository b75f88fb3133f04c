// Starts the admin: validates configuration, migrates, then serves on ADMIN_PORT.
import { authSecret, createAuth } from '@ayni/auth';
import path from 'node:path';
import { createDb, dataDir, getSettings, loadSecretsKey, migrateToLatest, type DbHandle } from '@ayni/db';
import { systemClock } from '@ayni/domain';
import { allJobs, createMailer, createQueue, queuePasswordResetEmail } from '@ayni/jobs';
import pino from 'pino';
import { createAdminApp } from './app.js';
import { loadAdminEnv, type AdminEnv } from './env.js';

function configure(): { env: AdminEnv; handle: DbHandle; secret: string } {
  try {
    const env = loadAdminEnv();
    // Checked now though the admin does not use it yet, so a bad SECRETS_KEY stops every app the same way.
    loadSecretsKey();
    return { env, secret: authSecret(env), handle: createDb() };
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}

const { env, handle, secret } = configure();
const logger = pino({ name: 'admin', level: env.LOG_LEVEL });
await migrateToLatest(handle.db);
// The admin enqueues (email, retries) but never runs jobs; creating the queue here also creates pg-boss's
// queues, which must exist before the first send.
const queue = createQueue({
  handle,
  definitions: allJobs,
  clock: systemClock,
  logger,
  services: { mailer: createMailer({ outboxDir: path.join(dataDir, 'outbox'), logger }) },
  timeZone: (await getSettings(handle.db)).timeZone,
  role: 'producer',
});
await queue.start();
const auth = createAuth(handle, {
  secret,
  baseURL: env.ADMIN_URL,
  production: env.NODE_ENV === 'production',
  signInLimit: { window: env.AUTH_SIGN_IN_WINDOW_SECONDS, max: env.AUTH_SIGN_IN_MAX },
  sendResetPassword: queuePasswordResetEmail(handle.db, queue, { clock: systemClock }),
});
const app = createAdminApp({
  handle,
  auth,
  clock: systemClock,
  queue,
  logger,
  trustProxy: env.TRUST_PROXY,
  adminUrl: env.ADMIN_URL,
});
const server = app.listen(env.ADMIN_PORT, env.HOST, () => {
  logger.info({ url: env.ADMIN_URL, database: handle.description }, `Admin ready on ${env.ADMIN_URL}`);
});

function shutdown(signal: string) {
  logger.info({ signal }, 'Admin shutting down');
  server.close(() => {
    void queue
      .stop(5_000)
      .then(() => handle.destroy())
      .then(() => process.exit(0));
  });
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
