// Server rendering, plus conditional GET for every successful page: pages carry an ETag derived from the
// published content (see cache.server.ts) and a repeat visit with a matching If-None-Match gets a bodiless 304.
// Pages are rendered whole (onAllReady): nothing here streams deferred data, and crawlers need full HTML anyway.
import { PassThrough } from 'node:stream';
import type { AppLoadContext, EntryContext } from '@remix-run/node';
import { createReadableStreamFromReadable } from '@remix-run/node';
import { RemixServer } from '@remix-run/react';
import { renderToPipeableStream } from 'react-dom/server';
import { conditionalGet, etagForPath } from './cache.server.js';

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
    // server.js computes the tag before the loaders run and passes it in `pageEtag`: read afterwards, a publish
    // committed while the loaders ran would label the old page with the new tag, and revalidation would keep
    // answering 304 with the old page. A tag read first can only be older than the page, never newer.
    const known = typeof loadContext.pageEtag === 'string' ? loadContext.pageEtag : undefined;
    const { notModified, headers } = await conditionalGet(request, [remixContext.manifest.version], known);
    if (notModified) return notModified;
    for (const [name, value] of Object.entries(headers)) responseHeaders.set(name, value);
  }

  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} />,
      {
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

/**
 * The ETag a page at this URL has for the current content and build — server.js uses it to answer repeat
 * requests (304, or the cached HTML) without running loaders or rendering.
 */
export function pageEtag(pathAndQuery: string, buildVersion: string): Promise<string> {
  return etagForPath(pathAndQuery, [buildVersion]);
}
export { etagMatches } from './etag.js';
