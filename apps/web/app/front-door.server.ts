// Every request to the site passes here first (server.js hands the bare http server this handler), in this order:
// a Host that is not host[:port] → 400; a method the site does not answer → 405; a target that is not a path → 400;
// a cross-site POST → 403 (but for RFC 8058's one-click unsubscribe, csrf.server.ts); a trailing slash, empty segments, a section spelt in Spanish (/es/noticias) or fixed path
// segments in another case → one 301 to the canonical address. A POST without a Content-Length → 411, over 16 KB → 413;
// the hub's sign form posted as a plain form is answered here when it signs (its 303, sign-form.server.ts), anything
// else it gives goes to Remix with the body read here. Then the page cache's fast path answers repeat requests for a page — 304 for the kept copy's
// own tag, or the HTML kept for the page's current content tag — without
// Express, the loaders or React; anything else goes on to Express with a fresh CSP nonce, and `remix` (in place of
// @remix-run/express, which reads the URL from Host and X-Forwarded-Host) builds the Request Remix renders from the
// configured origin and the target read here.
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import {
  createReadableStreamFromReadable,
  createRequestHandler,
  writeReadableStreamToWritable,
  type ServerBuild,
} from '@remix-run/node';
import type { Language } from '@ayni/domain';
import type { NextFunction, Request as ExpressRequest, Response as ExpressResponse } from 'express';
import { etagForPath } from './cache.server.js';
import { isCrossSite, isOneClickUnsubscribe, isUnsubscribePath, ONE_CLICK_MAX_BYTES } from './csrf.server.js';
import type { WebEnv } from './env.server.js';
import { etagMatches, makeEtag } from './etag.js';
import { inlineScriptHashes, isKeepable, PageCache, type CachedPage } from './page-cache.server.js';
import {
  canonicalLocation,
  isValidHost,
  readTarget,
  routePatterns,
  type RequestTarget,
} from './request-target.server.js';
import { securityHeaders } from './security-headers.server.js';
import { answerSignForm, signFormPost, type SignFormAnswer } from './sign-form.server.js';

/** GET and HEAD for reading; POST for the forms to come (sign, register, join), behind the Origin check. */
const METHODS = ['GET', 'HEAD', 'POST'];
const ALLOW = METHODS.join(', ');
/** The most a form post may carry (the sign form is well under 2 KB). */
const MAX_FORM_BYTES = 16 * 1024;

interface RequestState {
  target: RequestTarget;
  /** This response's CSP nonce, when it goes on to Express. */
  nonce?: string;
  /** The page's content tag as the fast path read it, when the page cache missed. */
  contentTag?: string;
  /** The ETag of this render (content tag and nonce, see entry.server.tsx), when the page cache missed. */
  etag?: string;
  /** The body, when the door has read it (a one-click unsubscribe, a sign form): Remix is given it. */
  body?: Buffer;
  /** A one-click unsubscribe from another origin, accepted for its body (csrf.server.ts). */
  oneClick?: boolean;
}

export interface FrontDoor {
  /** The bare http server's request handler. */
  handle(req: IncomingMessage, res: ServerResponse): void;
  /** Express middleware, before the static files: keeps what a page render sends. */
  capture(req: ExpressRequest, res: ExpressResponse, next: NextFunction): void;
  /** Express handler that renders through Remix. */
  remix(
    build: ServerBuild | (() => Promise<ServerBuild>),
  ): (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => Promise<void>;
}

export function createFrontDoor({
  env,
  build,
  dev,
  next,
  clientAddress,
}: {
  env: WebEnv;
  /** The server build: its routes (for canonical case) and version (part of every page's ETag). */
  build: ServerBuild;
  dev: boolean;
  /** Where requests that pass go: the Express app. */
  next: (req: IncomingMessage, res: ServerResponse) => void;
  /** The client's address: the socket's, or X-Forwarded-For's as far as TRUST_PROXY trusts it (Express's req.ip). */
  clientAddress: (req: IncomingMessage) => string | undefined;
}): FrontDoor {
  const headers = securityHeaders({ siteOrigin: env.siteOrigin, dev });
  const patterns = routePatterns(build.routes);
  const version = build.assets.version;
  const pages = env.PAGE_CACHE === 'on' && !dev ? new PageCache(env.PAGE_CACHE_MB * 1024 * 1024) : null;
  const requests = new WeakMap<IncomingMessage, RequestState>();

  function plain(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    text: string,
    extra: Record<string, string> = {},
  ) {
    headers(req, res, []);
    res.writeHead(status, {
      ...extra,
      'Content-Type': 'text/plain; charset=utf-8',
      'Cache-Control': 'no-store',
    });
    res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const method = req.method ?? 'GET';
    if (!isValidHost(req.headers.host)) {
      return plain(req, res, 400, 'Bad request: the Host header must be a host name and an optional port.');
    }
    if (!METHODS.includes(method)) return plain(req, res, 405, 'Method not allowed.', { Allow: ALLOW });
    const target = readTarget(req.url ?? '', method, env.siteOrigin, patterns);
    if (!target) return plain(req, res, 400, 'Bad request: the request target must be a path.');
    let oneClickBody: Buffer | undefined;
    if (method === 'POST' && isCrossSite(req.headers, env.siteOrigin)) {
      oneClickBody = isUnsubscribePath(target.pathname)
        ? await readBody(req, ONE_CLICK_MAX_BYTES)
        : undefined;
      if (!oneClickBody || !(await isOneClickUnsubscribe(req.headers['content-type'], oneClickBody))) {
        return plain(
          req,
          res,
          403,
          'Forbidden: cross-site requests are refused. Send the form from this site.',
        );
      }
    }
    if (method === 'POST') {
      // The site's forms are a few fields: a body larger than that is refused before anything reads it.
      const length = req.headers['content-length'];
      if (length === undefined) {
        return plain(req, res, 411, 'Length required: send the form with a Content-Length.');
      }
      if (!/^\d+$/.test(length) || Number(length) > MAX_FORM_BYTES) {
        return plain(req, res, 413, 'Content too large: a form is at most 16 KB.');
      }
    }
    if (method !== 'POST') {
      const canonical = canonicalLocation(target, patterns);
      if (canonical) {
        headers(req, res, []);
        res.writeHead(301, {
          Location: env.siteOrigin + canonical,
          'Cache-Control': 'no-cache',
        });
        return void res.end();
      }
    }
    const state: RequestState = { target, ...(oneClickBody ? { body: oneClickBody, oneClick: true } : {}) };
    if (method === 'POST' && !oneClickBody) {
      const hub = signFormPost(target, req.headers['content-type']);
      if (hub) {
        const body = await readBody(req, MAX_FORM_BYTES);
        if (!body) return plain(req, res, 400, 'Bad request: the body does not match its Content-Length.');
        if (await signedAtTheDoor(req, res, hub, body)) return;
        state.body = body;
      }
    }
    requests.set(req, state);
    if (pages && target.cacheable) {
      const contentTag = await pageContentTag(target.pathAndQuery);
      const page = contentTag === undefined ? undefined : pages.get(target.pathAndQuery);
      if (page && page.contentTag === contentTag) return serveKept(req, res, target.pathAndQuery, page);
      state.contentTag = contentTag;
      res.setHeader('X-Cache', 'miss');
    }
    state.nonce = randomBytes(16).toString('base64');
    // Two renders under one content tag differ (their nonces, and loader data that depends on the time): each gets
    // a tag of its own, so a 304 only ever confirms the very copy whose script hashes it sends.
    if (state.contentTag) state.etag = makeEtag([state.contentTag, state.nonce]);
    headers(req, res, [`'nonce-${state.nonce}'`]);
    next(req, res);
  }

  /**
   * The hub's sign form posted without JavaScript (or by a script posting the form): answered here when it signs,
   * with the 303 the hub's action gives (the same answerSignForm), without Express, the Fetch Request and Remix's
   * route matching. False when the answer is anything else (a field error, a closed campaign, an unknown slug, an
   * error): then Remix answers the same post, with the body read here, and renders it.
   */
  async function signedAtTheDoor(
    req: IncomingMessage,
    res: ServerResponse,
    hub: { lang: Language; slug: string },
    body: Buffer,
  ): Promise<boolean> {
    let answer: SignFormAnswer;
    try {
      answer = await answerSignForm(
        hub.lang,
        hub.slug,
        new URLSearchParams(body.toString('utf8')),
        clientAddress(req),
      );
    } catch {
      return false;
    }
    if (answer.status !== 303) return false;
    headers(req, res, []);
    res.writeHead(303, { Location: answer.location });
    res.end();
    return true;
  }

  /** The page's content tag, or undefined when it cannot be read now (the render path then reads it itself). */
  async function pageContentTag(pathAndQuery: string): Promise<string | undefined> {
    try {
      return await etagForPath(pathAndQuery, [version]);
    } catch {
      return undefined;
    }
  }

  function serveKept(req: IncomingMessage, res: ServerResponse, key: string, page: CachedPage) {
    // The kept HTML carries the scripts of its own render; the policy names their hashes, here and on its 304s,
    // so the copy a browser holds keeps running after revalidation.
    headers(req, res, page.scriptSources);
    res.setHeader('X-Cache', 'hit');
    const { 'Content-Type': type, ...validators } = page.headers;
    if (etagMatches(req.headers['if-none-match'] ?? null, page.etag)) {
      res.writeHead(304, validators);
      return void res.end();
    }
    const gzip = acceptsGzip(req.headers['accept-encoding']);
    if (gzip && !page.gzipped) pages!.setGzipped(key, page, gzipSync(page.body));
    const body = gzip && page.gzipped ? page.gzipped : page.body;
    res.writeHead(200, {
      ...validators,
      'Content-Type': type!,
      ...(body === page.gzipped ? { 'Content-Encoding': 'gzip' } : {}),
      'Content-Length': body.length,
    });
    res.end(body);
  }

  function capture(req: ExpressRequest, res: ExpressResponse, next: NextFunction) {
    const state = requests.get(req);
    const { etag, contentTag, nonce } = state ?? {};
    if (!pages || !state || !etag || !contentTag || !nonce) return next();
    const key = state.target.pathAndQuery;
    const chunks: Buffer[] = [];
    const write = res.write.bind(res) as (...args: unknown[]) => boolean;
    const end = res.end.bind(res) as (...args: unknown[]) => ExpressResponse;
    const keep = (chunk: unknown) => {
      if (chunk && typeof chunk !== 'function') chunks.push(Buffer.from(chunk as string | Uint8Array));
    };
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk);
      return write(chunk, ...rest);
    }) as ExpressResponse['write'];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk);
      if (isKeepable(res.statusCode, (name) => res.getHeader(name), etag)) {
        const body = Buffer.concat(chunks);
        const type = String(res.getHeader('content-type'));
        pages.set(key, {
          etag,
          contentTag,
          body,
          gzipped: undefined,
          headers: {
            ETag: etag,
            'Cache-Control': String(res.getHeader('cache-control') ?? ''),
            Vary: 'Accept-Encoding',
            'Content-Type': type,
          },
          scriptSources: inlineScriptHashes(body.toString('utf8'), nonce),
        });
      }
      return end(chunk, ...rest);
    }) as ExpressResponse['end'];
    next();
  }

  function remix(serverBuild: ServerBuild | (() => Promise<ServerBuild>)) {
    const handleRequest = createRequestHandler(serverBuild, dev ? 'development' : 'production');
    return async (req: ExpressRequest, res: ExpressResponse, next: NextFunction) => {
      try {
        const state = requests.get(req);
        if (!state) throw new Error('The request did not come through the front door');
        const response = await handleRequest(remixRequest(req, res, state), {
          // This render's ETag, from the content tag read before the loaders run (see entry.server.tsx), and the
          // nonce its scripts carry.
          pageEtag: state.etag,
          cspNonce: state.nonce,
          // The socket's address, or X-Forwarded-For's as far as TRUST_PROXY trusts it (as at the door).
          clientAddress: clientAddress(req),
        });
        res.statusMessage = response.statusText;
        res.status(response.status);
        // A route's own header (a token page's Referrer-Policy) replaces the door's; cookies add up.
        for (const [name, value] of response.headers) {
          if (name === 'set-cookie') res.append(name, value);
          else res.setHeader(name, value);
        }
        if (response.body) await writeReadableStreamToWritable(response.body, res);
        else res.end();
      } catch (error) {
        next(error);
      }
    };
  }

  /** The Request Remix renders: the configured origin plus the target read at the door, whatever Host said. */
  function remixRequest(req: ExpressRequest, res: ExpressResponse, state: RequestState): Request {
    const { target, body, oneClick } = state;
    const requestHeaders = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
        requestHeaders.append(name, v);
      }
    }
    requestHeaders.set('host', new URL(env.siteOrigin).host);
    requestHeaders.delete('x-forwarded-host');
    // Remix refuses an action whose Origin is not the Host (with a 500, for "null" too). The door has already
    // accepted this request as same-origin (isCrossSite), so it says so in the terms Remix checks.
    // A one-click unsubscribe from another origin was accepted at the door for its body alone (csrf.server.ts).
    if (requestHeaders.get('origin') === 'null' || oneClick) requestHeaders.set('origin', env.siteOrigin);
    let controller: AbortController | null = new AbortController();
    const init: RequestInit & { duplex?: 'half' } = {
      method: req.method,
      headers: requestHeaders,
      signal: controller.signal,
    };
    if (body) {
      init.body = new Uint8Array(body);
    } else if (req.method !== 'GET' && req.method !== 'HEAD') {
      init.body = createReadableStreamFromReadable(req);
      init.duplex = 'half';
    }
    // Abort loaders and actions when the client goes away before the answer is written.
    res.on('finish', () => (controller = null));
    res.on('close', () => controller?.abort());
    return new Request(env.siteOrigin + target.pathAndQuery, init);
  }

  function handle(req: IncomingMessage, res: ServerResponse) {
    route(req, res).catch((error: unknown) => {
      console.error(error);
      if (res.headersSent) return void res.destroy();
      plain(req, res, 500, 'Internal server error.');
    });
  }

  return { handle, capture, remix };
}

/**
 * The body of a small POST (a one-click unsubscribe, a sign form), or undefined when its Content-Length is missing
 * or above `maxBytes` (then nothing is read) or the body does not match it.
 */
async function readBody(req: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  const length = req.headers['content-length'];
  if (length === undefined || !/^\d+$/.test(length) || Number(length) > maxBytes) return undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > Number(length)) return undefined;
    chunks.push(chunk);
  }
  return size === Number(length) ? Buffer.concat(chunks) : undefined;
}

/** Whether an Accept-Encoding header allows gzip (listed, or covered by *, and not with q=0). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  const q = (coding: string) => {
    const entry = header
      .split(',')
      .map((part) => part.trim().split(';'))
      .find(([name]) => name!.trim().toLowerCase() === coding);
    if (!entry) return null;
    const param = entry.slice(1).find((p) => p.trim().toLowerCase().startsWith('q='));
    return param ? Number(param.trim().slice(2)) : 1;
  };
  const gzip = q('gzip') ?? q('*');
  return gzip !== null && gzip > 0;
}
