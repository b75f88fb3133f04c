// One Node server for the admin: better-auth's handler, the tRPC API and the built SPA.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appRouter, createCaller } from '@ayni/api';
import { CLIENT_IP_HEADER, staffSessionFrom, type Auth } from '@ayni/auth';
import type { DbHandle } from '@ayni/db';
import type { Clock, RegistrationStatus, SignatureStatus } from '@ayni/domain';
import type { Queue } from '@ayni/jobs';
import { TRPCError } from '@trpc/server';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';
import { fromNodeHeaders, toNodeHandler } from 'better-auth/node';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import type { Logger } from 'pino';
import { assertSameOriginJson } from './csrf.js';
import { securityHeaders } from './security-headers.js';

/** Larger bodies are refused with 413 as they stream in; file uploads, when they come, get routes of their own. */
export const MAX_API_BODY_BYTES = 1024 * 1024;
/** Calls allowed in one batched request (the SPA's batch link sends at most as many). */
export const MAX_API_BATCH = 10;
/** better-auth's bodies are a few fields (an email, a password, a token): nothing near this. */
export const MAX_AUTH_BODY_BYTES = 64 * 1024;

/**
 * better-auth (through better-call) reads any body it is given, in full. Bodies are judged by their declared
 * length, which HTTP/1.1 holds the client to; one without (chunked) is refused rather than counted, so the
 * request stream reaches better-call untouched — it reads the raw stream itself. Browsers always declare the
 * length of the bodies better-auth's client sends.
 */
const limitAuthBody: RequestHandler = (req, res, next) => {
  const declared = req.headers['content-length'];
  if (declared === undefined) {
    if (req.headers['transfer-encoding'] === undefined) return next();
    // Closing the connection spares reading a body nobody will use.
    res.status(411).set('Connection', 'close').type('text/plain').send('Length required');
    return;
  }
  if (Number(declared) > MAX_AUTH_BODY_BYTES) {
    res.status(413).set('Connection', 'close').type('text/plain').send('Request body too large');
    return;
  }
  next();
};

export function createAdminApp(deps: {
  /** Express's `trust proxy`: false (no proxy, the default) or e.g. 'loopback' behind a proxy on this host. */
  trustProxy?: boolean | string;
  handle: DbHandle;
  auth: Auth;
  clock: Clock;
  queue: Queue;
  logger: Logger;
  clientDir?: string;
  /** The admin's public address, for links in emails. */
  adminUrl?: string;
}): Express {
  const { handle, auth, clock, queue, logger } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', deps.trustProxy ?? false);
  app.use(securityHeaders({ handle, clock, logger, adminUrl: deps.adminUrl }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // The client's address for rate limits comes from the socket (or a proxy on loopback), never from the client.
  app.use((req, _res, next) => {
    req.headers[CLIENT_IP_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    next();
  });

  // better-auth reads the raw body itself, so it is mounted before any body parser.
  app.all('/api/auth/*', limitAuthBody, toNodeHandler(auth));

  app.use(
    '/trpc',
    (_req, res, next) => {
      // Every answer is someone's data, for them only, now.
      res.setHeader('Cache-Control', 'no-store');
      next();
    },
    createExpressMiddleware({
      router: appRouter,
      maxBodySize: MAX_API_BODY_BYTES,
      maxBatchSize: MAX_API_BATCH,
      createContext: async ({ req, res }) => {
        // Before the session is read or the body parsed: a forged request costs nothing.
        const authContext = await auth.$context;
        assertSameOriginJson(req, (origin) =>
          authContext.isTrustedOrigin(origin, { allowRelativePaths: false }),
        );
        return {
          handle,
          auth,
          clock,
          queue,
          adminUrl: deps.adminUrl ?? `${req.protocol}://${req.get('host')}`,
          headers: fromNodeHeaders(req.headers),
          appendResponseHeader: (name: string, value: string) => res.append(name, value),
          session: await staffSessionFrom(auth, fromNodeHeaders(req.headers)),
        };
      },
      onError: ({ error, path: procedure }) => {
        if (error.code === 'INTERNAL_SERVER_ERROR') logger.error({ err: error, procedure }, 'API error');
      },
    }),
  );

  // The exports as CSV downloads: the API's `signatures.export` and `registrations.export` (their permissions,
  // their audit entries) served as files, for links the admin shows to those who may export. A GET, so that a plain
  // link downloads it; refused when another site sends the browser here (the file would reach only the browser,
  // but the audit log would record an export nobody asked for).
  function csvDownload(
    address: string,
    exportFor: (
      caller: ReturnType<typeof createCaller>,
      query: { text: (key: string) => string | undefined; date: (key: string) => Date | undefined },
    ) => Promise<{ fileName: string; csv: string }>,
  ) {
    app.get(address, async (req, res, next) => {
      res.setHeader('Cache-Control', 'no-store');
      const site = req.headers['sec-fetch-site'];
      if (site !== undefined && site !== 'same-origin' && site !== 'none') {
        res.status(403).type('text/plain').send('Exports are downloaded from the admin’s own pages.');
        return;
      }
      try {
        const headers = fromNodeHeaders(req.headers);
        const session = await staffSessionFrom(auth, headers);
        if (!session) {
          res.status(401).type('text/plain').send('Please sign in.');
          return;
        }
        const text = (key: string) => {
          const value = req.query[key];
          return typeof value === 'string' && value.trim() !== '' ? value : undefined;
        };
        const date = (key: string) => {
          const value = text(key);
          return value === undefined ? undefined : new Date(value);
        };
        const caller = createCaller({
          handle,
          auth,
          clock,
          queue,
          session,
          adminUrl: deps.adminUrl ?? `${req.protocol}://${req.get('host')}`,
          headers,
        });
        const { fileName, csv } = await exportFor(caller, { text, date });
        res
          .status(200)
          .type('text/csv; charset=utf-8')
          .setHeader('Content-Disposition', `attachment; filename="${fileName}"`)
          .send(csv);
      } catch (error) {
        if (!(error instanceof TRPCError)) return next(error);
        const status = getHTTPStatusCodeFromError(error);
        if (status >= 500) return next(error);
        res.status(status).type('text/plain').send(error.message);
      }
    });
  }

  // Every value is checked, with the rest, by the procedure's input schema (a bad value is 400).
  csvDownload('/export/signatures.csv', (caller, { text, date }) =>
    caller.signatures.export({
      campaignId: text('campaignId'),
      q: text('q'),
      status: text('status') as SignatureStatus | undefined,
      country: text('country'),
      source: text('source'),
      createdFrom: date('createdFrom'),
      createdBefore: date('createdBefore'),
    }),
  );
  csvDownload('/export/registrations.csv', (caller, { text }) =>
    caller.registrations.export({
      eventId: text('eventId') ?? '',
      q: text('q'),
      status: text('status') as RegistrationStatus | undefined,
      accessNeeds: text('accessNeeds') === 'yes',
    }),
  );

  const clientDir = deps.clientDir ?? path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../client');
  app.use(express.static(clientDir, { index: false, maxAge: '1y', immutable: true }));
  app.get('*', (_req, res) => {
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(path.join(clientDir, 'index.html'));
  });
  // Express's own 404 and error pages would replace the security headers' policy with theirs.
  app.use((_req, res) => {
    res.status(404).type('text/plain').send('Not found');
  });
  app.use(((err, _req, res, _next) => {
    const status = Number((err as { status?: unknown }).status) || 500;
    if (status >= 500) logger.error({ err }, 'Admin server error');
    res
      .status(status)
      .type('text/plain')
      .send(status >= 500 ? 'Something went wrong' : 'Bad request');
  }) as ErrorRequestHandler);
  return app;
}
