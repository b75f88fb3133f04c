// Serves the public site: the Remix build through Express in production, or Vite's dev server with --dev.
// Configuration is validated before anything starts; a bad value stops the server with one line.
import { createRequestHandler } from '@remix-run/express';
import { createDb, migrateToLatest } from '@ayni/db';
import compression from 'compression';
import express from 'express';
import http from 'node:http';
import { gzipSync } from 'node:zlib';
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
const pages = build ? pageCache(build) : undefined;
// The page cache comes before the static files: a page request then never touches the file system.
if (pages) app.use(pages.capture);
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
    // The page's ETag as `capture` computed it, before the loaders read anything (see entry.server.tsx).
    getLoadContext: (_req, res) => ({ pageEtag: res.locals.pageEtag }),
  }),
);

/**
 * Repeat requests for a page skip Express, the loaders and React: the page's ETag (content version + URL +
 * language + day + build) costs one indexed lookup — shared by the requests that arrive while it runs — and the
 * HTML last rendered for that ETag is kept in memory (up to 500 pages). A matching If-None-Match gets 304;
 * otherwise the cached HTML is sent (gzipped when the client accepts it). Any publish, edit or settings change
 * changes the content version, hence the ETag, so the next request renders afresh through Express and Remix,
 * and `capture` keeps what it sends.
 */
function pageCache(serverBuild) {
  const { pageEtag, etagMatches } = serverBuild.entry.module;
  const version = serverBuild.assets.version;
  const pages = new Map();
  const MAX = 500;
  const cacheable = (req) =>
    req.method === 'GET' && !req.url.startsWith('/assets/') && !req.url.includes('.data');

  /** Answers from the cache and returns true, or returns false (the request goes on to Express). */
  async function serve(req, res) {
    if (!cacheable(req)) return false;
    const etag = await pageEtag(req.url, version);
    const hit = pages.get(etag);
    if (!hit) {
      // Rendered by Express and Remix next: `capture` uses this tag rather than reading the version again.
      req.pageEtag = etag;
      return false;
    }
    if (etagMatches(req.headers['if-none-match'] ?? null, etag)) {
      res.writeHead(304, hit.validators);
      res.end();
      return true;
    }
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    if (gzip) hit.gzipped ??= gzipSync(hit.body);
    const body = gzip ? hit.gzipped : hit.body;
    res.writeHead(200, {
      ...hit.headers,
      ...(gzip ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Length': body.length,
    });
    res.end(body);
    return true;
  }

  /** Express middleware: keeps the HTML of pages rendered with the current ETag. */
  async function capture(req, res, next) {
    if (!cacheable(req)) return next();
    let etag = req.pageEtag;
    try {
      etag ??= await pageEtag(req.url, version);
    } catch {
      return next();
    }
    res.locals.pageEtag = etag;
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
        const validators = {
          ETag: etag,
          'Cache-Control': String(res.getHeader('cache-control') ?? ''),
          Vary: 'Accept-Encoding',
        };
        pages.set(etag, {
          body: Buffer.concat(chunks),
          gzipped: undefined,
          validators,
          headers: { ...validators, 'Content-Type': type },
        });
      }
      return end(chunk, ...rest);
    };
    next();
  }

  return { serve, capture };
}

/** Whether an Accept-Encoding header allows gzip (listed, or covered by *, and not with q=0). */
function acceptsGzip(header) {
  if (!header) return false;
  const q = (coding) => {
    const entry = header
      .split(',')
      .map((part) => part.trim().split(';'))
      .find(([name]) => name.trim().toLowerCase() === coding);
    if (!entry) return null;
    const param = entry.slice(1).find((p) => p.trim().toLowerCase().startsWith('q='));
    return param ? Number(param.trim().slice(2)) : 1;
  };
  const gzip = q('gzip') ?? q('*');
  return gzip !== null && gzip > 0;
}

const server = http.createServer((req, res) => {
  if (!pages) return app(req, res);
  pages.serve(req, res).then(
    (served) => served || app(req, res),
    () => app(req, res),
  );
});
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
