// The admin server's configuration, validated once at start-up; a bad value stops it with one line.
import { authEnvSchema } from '@ayni/auth';
import { z } from 'zod';

const port = (name: string, fallback: number) =>
  z.coerce
    .number({ error: `${name} must be a port number (1-65535)` })
    .int({ error: `${name} must be a port number (1-65535)` })
    .min(1, { error: `${name} must be a port number (1-65535)` })
    .max(65535, { error: `${name} must be a port number (1-65535)` })
    .default(fallback);

export const adminEnvSchema = authEnvSchema.extend({
  ADMIN_PORT: port('ADMIN_PORT', 3001),
  HOST: z.string().default('0.0.0.0'),
  // Behind a reverse proxy, which hops to trust for the client's address (Express's `trust proxy`).
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === '' || v === 'false' ? false : v === 'true' ? true : v)),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type AdminEnv = z.infer<typeof adminEnvSchema>;

export function loadAdminEnv(env: NodeJS.ProcessEnv = process.env): AdminEnv {
  const result = adminEnvSchema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const name = issue.path.join('.');
    throw new Error(issue.message.startsWith(name) ? issue.message : `${name} ${issue.message}`);
  }
  return result.data;
}
