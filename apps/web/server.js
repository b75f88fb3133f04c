// Serves the public site: the Remix build through Express in production, or Vite's dev server with --dev.
// Configuration is validated before anything starts; a bad value stops the server with one line.
import { createRequestHandler } from '@remix-run/express';
import { createDb, migrateToLatest } from '@ayni/db';
import compression from 'compression';
import express from 'express';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const envSchema = z.object({
  PORT: z.coerce
    .number({ error: 'PORT must be a port number (1-65535)' })
    .int({ error: 'PORT must be a port number (1-65535)' })
    .min(1, { error: 'PORT must be a port number (1-65535)' })
    .max(65535, { error: 'PORT must be a port number (1-65535)' })
    .default(3000),
  HOST: z.string().default('0.0.0.0'),
});

let env;
try {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(parsed.error.issues[0].message);
  env = parsed.data;
  // Fail fast on a bad DATABASE_URL and make sure the schema is current before the first request.
  const handle = createDb();
  await migrateToLatest(handle.db);
  await handle.destroy();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const dev = process.argv.includes('--dev');
const vite = dev
  ? await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;

const app = express();
app.disable('x-powered-by');
app.use(compression());
if (vite) {
  app.use(vite.middlewares);
} else {
  const client = fileURLToPath(new URL('./build/client', import.meta.url));
  app.use('/assets', express.static(`${client}/assets`, { immutable: true, maxAge: '1y' }));
  app.use(express.static(client, { maxAge: '1h' }));
}
app.get('/healthz', (_req, res) => res.json({ ok: true }));
app.all(
  '*',
  createRequestHandler({
    build: vite
      ? () => vite.ssrLoadModule('virtual:remix/server-build')
      : await import('./build/server/index.js'),
  }),
);

const server = app.listen(env.PORT, env.HOST, () => {
  console.log(
    JSON.stringify({ level: 'info', name: 'web', msg: `Site ready on http://localhost:${env.PORT}` }),
  );
});

function shutdown() {
  server.close(() => process.exit(0));
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
