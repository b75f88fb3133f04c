// Serves the public site: the Remix build through Express in production, or Vite's dev server with --dev.
// In front of Express sits the site's front door (app/front-door.server.ts): Host, method, CSRF and canonical-case
// checks, the security headers, and the page cache's fast path. Configuration is validated before anything starts;
// a bad value stops the server with one line.
import { createDb, loadSecretsKey, migrateToLatest } from '@ayni/db';
import compression from 'compression';
import express from 'express';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import proxyaddr from 'proxy-addr';

const dev = process.argv.includes('--dev');
const vite = dev
  ? await import('vite').then((v) => v.createServer({ server: { middlewareMode: true } }))
  : undefined;
const serverBuild = new URL('./build/server/index.js', import.meta.url);
const loadBuild = () => (vite ? vite.ssrLoadModule('virtual:remix/server-build') : import(serverBuild.href));
const build = await loadBuild().catch((error) => {
  if (error?.code !== 'ERR_MODULE_NOT_FOUND' || !String(error.message).includes(fileURLToPath(serverBuild))) {
    throw error;
  }
  console.error('apps/web/build is missing: run pnpm build');
  process.exit(1);
});
/** The site's server-side helpers, exported by app/entry.server.tsx. */
const site = build.entry.module;

let env;
try {
  env = site.loadWebEnv(process.env);
  // Not used by the site yet (signers' addresses will be kept as keyed hashes), but a missing or bad key stops
  // every app at start-up alike, not the first signature.
  loadSecretsKey(process.env);
  // Fail fast on a bad DATABASE_URL and make sure the schema is current before the first request.
  const handle = createDb();
  await migrateToLatest(handle.db);
  await handle.destroy();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const app = express();
app.disable('x-powered-by');
app.set('trust proxy', env.TRUST_PROXY);
app.use(compression());
app.get('/healthz', (_req, res) => res.json({ ok: true }));
// The client's address as Express's req.ip reads it (the same package and the same trust setting), also where the
// door answers a request without Express (the sign form's post).
const trustProxy = app.get('trust proxy fn');
const door = site.createFrontDoor({
  env,
  build,
  dev,
  next: app,
  clientAddress: (req) => proxyaddr(req, trustProxy),
});
// The page cache's capture comes before the static files: a page request then never touches the file system.
app.use(door.capture);
if (vite) {
  app.use(vite.middlewares);
} else {
  const client = fileURLToPath(new URL('./build/client', import.meta.url));
  app.use('/assets', express.static(`${client}/assets`, { immutable: true, maxAge: '1y' }));
  app.use(express.static(client, { maxAge: '1h' }));
}
app.all('*', door.remix(vite ? loadBuild : build));
// Express's own error page would replace the headers the front door set; this answer keeps them.
app.use((error, _req, res, _next) => {
  console.error(error);
  if (res.headersSent) return res.destroy();
  res.status(500).type('text/plain').set('Cache-Control', 'no-store').send('Internal server error.\n');
});

const server = http.createServer(door.handle);
server.listen(env.PORT, env.HOST, () => {
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
