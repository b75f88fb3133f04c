// Server rendering: pages carry an ETag derived from the published content (see cache.server.ts) and their inline
// scripts the CSP nonce the front door chose for this response. Pages are rendered whole (onAllReady): nothing here
// streams deferred data, and crawlers need full HTML anyway.
// A rendered page is always sent in full, never as a 304: the copy a browser revalidates may come from another
// render with another nonce, and only the page cache, which keeps the HTML it sent, knows the hashes of the
// scripts that copy runs — so 304s for pages come from the cache's fast path (front-door.server.ts) alone.
import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { etagFor } from './cache.server.js';
import { setPageCaching } from './etag.js';
import { NonceContext } from './nonce.js';

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext = {},
): Promise<Response> {
  if ((request.method === 'GET' || request.method === 'HEAD') && responseStatusCode === 200) {
    // The build version is part of the tag: a new deploy changes the HTML even when the content has not.
    // The front door reads the content tag before the loaders run and passes this render's tag (the content tag
    // and the render's nonce) in `pageEtag`: read afterwards, a publish committed while the loaders ran would label
    // the old page with the new tag, and revalidation would keep answering 304 with the old page. A tag read first
    // can only be older than the page, never newer. A route's own Cache-Control (private, no-store) wins.
    const known = typeof loadContext.pageEtag === 'string' ? loadContext.pageEtag : undefined;
    setPageCaching(responseHeaders, known ?? (await etagFor(request, [remixContext.manifest.version])));
  }
  const nonce = typeof loadContext.cspNonce === 'string' ? loadContext.cspNonce : undefined;

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <NonceContext.Provider value={nonce}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />
      </NonceContext.Provider>,
      {
        ...(nonce ? { nonce } : {}),
        onAllReady() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set('Content-Type', 'text/html; charset=utf-8');
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          );
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) console.error(error);
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

// What server.js needs from the build: its configuration and the front door (see front-door.server.ts).
export { loadWebEnv } from './env.server.js';
export { createFrontDoor } from './front-door.server.js';
