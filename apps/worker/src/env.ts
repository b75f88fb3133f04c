// The worker's configuration, validated at start-up.
import { z } from 'zod';

export const workerEnvSchema = z.object({
  WORKER_HEARTBEAT_SECONDS: z.coerce
    .number({ error: 'WORKER_HEARTBEAT_SECONDS must be a whole number of seconds between 1 and 300' })
    .int({ error: 'WORKER_HEARTBEAT_SECONDS must be a whole number of seconds between 1 and 300' })
    .min(1, { error: 'WORKER_HEARTBEAT_SECONDS must be a whole number of seconds between 1 and 300' })
    .max(300, { error: 'WORKER_HEARTBEAT_SECONDS must be a whole number of seconds between 1 and 300' })
    .default(15),
  WORKER_SHUTDOWN_GRACE_SECONDS: z.coerce
    .number({ error: 'WORKER_SHUTDOWN_GRACE_SECONDS must be a number of seconds' })
    .min(1, { error: 'WORKER_SHUTDOWN_GRACE_SECONDS must be a number of seconds' })
    .default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type WorkerEnv = z.infer<typeof workerEnvSchema>;

export function loadWorkerEnv(env: NodeJS.ProcessEnv = process.env): WorkerEnv {
  const result = workerEnvSchema.safeParse(env);
  if (!result.success) throw new Error(result.error.issues[0]!.message);
  return result.data;
}
