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
app.get('/healthz', (_req, res) => res.json({ ok: true }));
const build = vite ? undefined : await import('./build/server/index.js');
// The page cache comes before the static files: a page request then never touches the file system.
if (build) app.use(pageCache(build));
if (vite) {
  app.use(vite.middlewares);
} else {
  const client = fileURLToPath(new URL('./build/client', import.meta.url));
  app.use('/assets', express.static(`${client}/assets`, { immutable: true, maxAge: '1y' }));
  app.use(express.static(client, { maxAge: '1h' }));
}

app.all(
  '*',
  createRequestHandler({
    build: build ?? (() => vite.ssrLoadModule('virtual:remix/server-build')),
  }),
);

/**
 * Repeat requests for a page skip the loaders and React: the page's ETag (content version + URL + language + day
 * + build) is one indexed lookup, and the HTML last rendered for that ETag is kept in memory (up to 500 pages).
 * A matching If-None-Match gets 304; otherwise the cached HTML is sent. Any publish, edit or settings change
 * changes the content version, hence the ETag, so the next request renders afresh.
 */
function pageCache(serverBuild) {
  const { pageEtag, etagMatches } = serverBuild.entry.module;
  const version = serverBuild.assets.version;
  const pages = new Map();
  const MAX = 500;
  return async (req, res, next) => {
    if (req.method !== 'GET' || req.path.startsWith('/assets/') || req.path.endsWith('.data')) return next();
    let etag;
    try {
      etag = await pageEtag(`http://localhost${req.originalUrl}`, version);
    } catch {
      return next();
    }
    const hit = pages.get(etag);
    if (hit) {
      res.set(hit.headers);
      if (etagMatches(req.get('if-none-match') ?? null, etag)) return res.status(304).end();
      return res.status(200).send(hit.body);
    }
    const chunks = [];
    const write = res.write.bind(res);
    const end = res.end.bind(res);
    res.write = (chunk, ...rest) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
      return write(chunk, ...rest);
    };
    res.end = (chunk, ...rest) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk));
      const type = String(res.getHeader('content-type') ?? '');
      if (res.statusCode === 200 && type.startsWith('text/html') && res.getHeader('etag') === etag) {
        if (pages.size >= MAX) pages.delete(pages.keys().next().value);
        pages.set(etag, {
          body: Buffer.concat(chunks),
          headers: {
            'Content-Type': type,
            ETag: etag,
            'Cache-Control': String(res.getHeader('cache-control') ?? ''),
          },
        });
      }
      return end(chunk, ...rest);
    };
    next();
  };
}

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
