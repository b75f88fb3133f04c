// The worker's configuration, validated at start-up; a bad value stops it with one line naming the variable.
// It mints the links of the emails it sends through better-auth, so it reads AUTH_SECRET and ADMIN_URL as the
// admin does (authEnvSchema).
import { authEnvSchema } from '@ayni/auth';
import { z } from 'zod';

const seconds = (name: string, min: number, max: number, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number of seconds between ${min} and ${max}` })
    .int({ error: `${name} must be a whole number of seconds between ${min} and ${max}` })
    .min(min, { error: `${name} must be a whole number of seconds between ${min} and ${max}` })
    .max(max, { error: `${name} must be a whole number of seconds between ${min} and ${max}` })
    .default(fallback);

export const workerEnvSchema = authEnvSchema.extend({
  WORKER_HEARTBEAT_SECONDS: seconds('WORKER_HEARTBEAT_SECONDS', 1, 300, 15),
  WORKER_SHUTDOWN_GRACE_SECONDS: seconds('WORKER_SHUTDOWN_GRACE_SECONDS', 1, 3600, 30),
  WORKER_CONCURRENCY: z.coerce
    .number({ error: 'WORKER_CONCURRENCY must be a whole number from 1 to 64' })
    .int({ error: 'WORKER_CONCURRENCY must be a whole number from 1 to 64' })
    .min(1, { error: 'WORKER_CONCURRENCY must be a whole number from 1 to 64' })
    .max(64, { error: 'WORKER_CONCURRENCY must be a whole number from 1 to 64' })
    .default(4),
  /** How long a SQLite-queue job stays with a worker that stopped renewing it (a crashed worker). */
  WORKER_LEASE_SECONDS: seconds('WORKER_LEASE_SECONDS', 1, 3600, 60),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/\S+$/, {
      error: 'SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@host:587',
    })
    .optional(),
  MAIL_FROM: z
    .string()
    .min(3, { error: 'MAIL_FROM must be an address such as "Ayni <no-reply@example.org>"' })
    .optional(),
  /**
   * Test suites only: lets partner feeds be fetched from 127.0.0.1 (a local fixture server). Private, link-local
   * and metadata addresses stay refused either way.
   */
  FEED_FETCH_ALLOW_LOOPBACK: z
    .enum(['true', 'false', '1', '0'], { error: 'FEED_FETCH_ALLOW_LOOPBACK must be true or false' })
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function loadWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const result = workerEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = issue.path.join('.');
    throw new Error(issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`);
  }
  return result.data;
}
