// Fetching partner feeds from a real HTTP server on 127.0.0.1 (allowLoopback, as the test suites use it): good
// feeds, conditional GET, HTTP errors, a slow server, oversized and compressed bodies, redirects, and the
// addresses the fetcher must refuse. Each test checks what staff would read: the items, or the error message.
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_FEED_TIMEOUT_MS,
  FEED_ACCEPT_HEADER,
  FeedFetchError,
  fetchFeed,
  refusedAddress,
  type FetchFeedOptions,
} from './fetch-feed.js';
import { parseFeed } from './parse-feed.js';

const MB = 1024 * 1024;
const LAST_MODIFIED = 'Wed, 15 May 2024 10:00:00 GMT';
const TYPES: Record<string, string> = {
  xml: 'application/rss+xml; charset=utf-8',
  json: 'application/feed+json',
  html: 'text/html; charset=utf-8',
};
const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url));

let server: http.Server;
let base: string;
let port: number;
let connections = 0;
const seen: { url: string; headers: http.IncomingHttpHeaders }[] = [];
/** What the 6 MB chunked route managed to send before the client hung up (or all of it). */
const chunked = { sent: 0, closedEarly: false, finished: false };
let onSlowRequest: () => void = () => {};

function route(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', base);
  seen.push({ url: url.pathname + url.search, headers: req.headers });
  const parts = url.pathname.split('/').filter(Boolean);

  if (parts[0] === 'feeds' && parts[1]) {
    const name = parts[1];
    const etag = `"v1-${name}"`;
    if (req.headers['if-none-match'] === etag || req.headers['if-modified-since'] === LAST_MODIFIED) {
      res.writeHead(304, { etag }).end();
      return;
    }
    const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream';
    res.writeHead(200, { 'content-type': type, etag, 'last-modified': LAST_MODIFIED }).end(fixture(name));
  } else if (parts[0] === 'gzip' && parts[1]) {
    const body = zlib.gzipSync(fixture(parts[1]));
    res.writeHead(200, {
      'content-type': TYPES.xml,
      'content-encoding': 'gzip',
      'content-length': body.length,
    });
    res.end(body);
  } else if (parts[0] === 'brotli' && parts[1]) {
    res
      .writeHead(200, { 'content-type': TYPES.xml, 'content-encoding': 'br' })
      .end(zlib.brotliCompressSync(fixture(parts[1])));
  } else if (parts[0] === 'gzip-bomb') {
    // 6 MB of zeros compress to a few KB: only counting after decompression catches it.
    res
      .writeHead(200, { 'content-type': TYPES.xml, 'content-encoding': 'gzip' })
      .end(zlib.gzipSync(Buffer.alloc(6 * MB)));
  } else if (parts[0] === 'bad-encoding') {
    const encoding = url.searchParams.get('encoding') ?? 'gzip';
    res
      .writeHead(200, { 'content-type': TYPES.xml, 'content-encoding': encoding })
      .end('<rss>not compressed</rss>');
  } else if (parts[0] === 'status') {
    res.writeHead(Number(parts[1]), { 'content-type': 'text/plain' }).end('Something went wrong on our side');
  } else if (parts[0] === 'redirect') {
    const left = Number(parts[1]);
    res.writeHead(302, { location: left > 1 ? `/redirect/${left - 1}` : '/feeds/rss.xml' }).end();
  } else if (parts[0] === 'to') {
    res
      .writeHead(Number(url.searchParams.get('status') ?? 302), {
        location: url.searchParams.get('url') ?? '',
      })
      .end();
  } else if (parts[0] === 'slow-headers') {
    onSlowRequest(); // and never answer
  } else if (parts[0] === 'slow-body') {
    res.writeHead(200, { 'content-type': TYPES.xml });
    res.write('<?xml version="1.0"?><rss version="2.0"><channel>'); // and never finish
  } else if (parts[0] === 'huge-length') {
    res.writeHead(200, { 'content-type': TYPES.xml, 'content-length': 6 * MB });
    res.flushHeaders(); // and send nothing: only the header can fail this fetch in time
  } else if (parts[0] === 'huge-chunked') {
    sendChunked(res);
  } else {
    res.writeHead(404).end();
  }
}

/**
 * 6 MB with no Content-Length, 64 KB at a time. Past 5.25 MB it waits: a client counting as it streams has hung
 * up by then (seen as closedEarly); one that waits for the whole body makes it send the rest after 3 s.
 */
function sendChunked(res: http.ServerResponse): void {
  const chunk = Buffer.alloc(64 * 1024, 'a');
  res.writeHead(200, { 'content-type': TYPES.xml });
  res.on('close', () => {
    chunked.closedEarly = !res.writableFinished;
  });
  const write = (until: number, then: () => void): void => {
    while (chunked.sent < until && !res.destroyed) {
      chunked.sent += chunk.length;
      if (!res.write(chunk)) {
        res.once('drain', () => write(until, then));
        return;
      }
    }
    if (!res.destroyed) then();
  };
  write(5 * MB + 256 * 1024, () => {
    setTimeout(
      () =>
        write(6 * MB, () => {
          chunked.finished = true;
          res.end();
        }),
      3000,
    ).unref();
  });
}

beforeAll(async () => {
  server = http.createServer(route);
  server.on('connection', () => connections++);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  base = `http://127.0.0.1:${port}`;
});

afterEach(() => {
  vi.useRealTimers();
  server.closeAllConnections(); // the slow routes never end on their own
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const loopback: FetchFeedOptions = { allowLoopback: true };

async function fetchError(url: string, options: FetchFeedOptions = loopback): Promise<FeedFetchError> {
  const error = await fetchFeed(url, options).then(
    () => null,
    (err: unknown) => err,
  );
  expect(error).toBeInstanceOf(FeedFetchError);
  expect((error as Error).name).toBe('FeedFetchError');
  return error as FeedFetchError;
}

async function fetchOk(url: string, options: FetchFeedOptions = loopback) {
  const result = await fetchFeed(url, options);
  if (result.status !== 'ok') throw new Error(`expected a body, got ${result.status}`);
  return result;
}

describe('good feeds', () => {
  it.each([
    ['rss.xml', 'rss', 2],
    ['atom.xml', 'atom', 2],
    ['feed-1.0.json', 'json', 2],
    ['feed-1.1.json', 'json', 2],
  ] as const)('fetches and reads %s', async (name, format, count) => {
    const result = await fetchOk(`${base}/feeds/${name}`);
    expect(result.finalUrl).toBe(`${base}/feeds/${name}`);
    const feed = parseFeed(result.body, result.contentType, result.finalUrl);
    expect(feed.format).toBe(format);
    expect(feed.items).toHaveLength(count);
    expect(feed.items.every((item) => item.guid && item.title && item.link?.startsWith('http'))).toBe(true);
  });

  it('resolves relative links against the address the feed was fetched from', async () => {
    const rss = await fetchOk(`${base}/feeds/rss.xml`);
    expect(parseFeed(rss.body, rss.contentType, rss.finalUrl).items[0]?.link).toBe(
      `${base}/news/2024/water-hearing`,
    );
    const json = await fetchOk(`${base}/feeds/feed-1.0.json`);
    expect(parseFeed(json.body, json.contentType, json.finalUrl).items[0]?.link).toBe(`${base}/episodes/301`);
  });

  it('asks for feeds, names itself, and accepts compressed answers', async () => {
    await fetchOk(`${base}/feeds/rss.xml`);
    const { headers } = seen.at(-1)!;
    expect(headers.accept).toBe(FEED_ACCEPT_HEADER);
    expect(headers['user-agent']).toBe('Ayni partner feed reader (+https://github.com/ayni)');
    expect(headers['accept-encoding']).toBe('gzip, deflate, br');
  });

  it('decompresses gzip and brotli feeds', async () => {
    for (const path of ['gzip/rss.xml', 'brotli/atom.xml']) {
      const result = await fetchOk(`${base}/${path}`);
      expect(parseFeed(result.body, result.contentType, result.finalUrl).items).toHaveLength(2);
    }
  });
});

describe('conditional GET', () => {
  it('returns the validators, and "not-modified" when they still match', async () => {
    const first = await fetchOk(`${base}/feeds/atom.xml`);
    expect(first.etag).toBe('"v1-atom.xml"');
    expect(first.lastModified).toBe(LAST_MODIFIED);

    const second = await fetchFeed(`${base}/feeds/atom.xml`, {
      ...loopback,
      etag: first.etag,
      lastModified: first.lastModified,
    });
    expect(second).toEqual({ status: 'not-modified', finalUrl: `${base}/feeds/atom.xml` });
    expect(seen.at(-1)!.headers['if-none-match']).toBe('"v1-atom.xml"');
    expect(seen.at(-1)!.headers['if-modified-since']).toBe(LAST_MODIFIED);

    const byDate = await fetchFeed(`${base}/feeds/atom.xml`, { ...loopback, lastModified: LAST_MODIFIED });
    expect(byDate.status).toBe('not-modified');
  });
});

describe('failures staff would see', () => {
  it('reports HTTP errors with their status', async () => {
    expect((await fetchError(`${base}/status/500`)).message).toBe(
      'The server answered HTTP 500 Internal Server Error',
    );
    expect((await fetchError(`${base}/status/404`)).message).toBe('The server answered HTTP 404 Not Found');
  });

  it('gives up on a server that does not answer in time, headers or body', async () => {
    const options = { ...loopback, timeoutMs: 300 };
    expect((await fetchError(`${base}/slow-headers`, options)).message).toBe(
      'No complete answer within 0.3 s',
    );
    expect((await fetchError(`${base}/slow-body`, options)).message).toBe('No complete answer within 0.3 s');
  });

  it('waits 10 s by default', async () => {
    expect(DEFAULT_FEED_TIMEOUT_MS).toBe(10_000);
    const arrived = new Promise<void>((resolve) => (onSlowRequest = resolve));
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let settled = false;
    const pending = fetchFeed(`${base}/slow-headers`, loopback).finally(() => (settled = true));
    pending.catch(() => {});
    await arrived;
    await vi.advanceTimersByTimeAsync(9_999);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(pending).rejects.toThrow(new FeedFetchError('No complete answer within 10 s'));
  });

  it('cuts off a 6 MB chunked body while it streams', async () => {
    Object.assign(chunked, { sent: 0, closedEarly: false, finished: false });
    expect((await fetchError(`${base}/huge-chunked`)).message).toBe('The feed is larger than 5 MB');
    // The server was still holding the last ~0.75 MB when the client hung up.
    await vi.waitFor(() => expect(chunked.closedEarly).toBe(true));
    expect(chunked.finished).toBe(false);
    expect(chunked.sent).toBeLessThan(6 * MB);
  });

  it('refuses a body declared larger than the limit before reading it', { timeout: 3000 }, async () => {
    // The server sends only headers: waiting for the body would end in the (longer) timeout instead.
    const error = await fetchError(`${base}/huge-length`, { ...loopback, timeoutMs: 10_000 });
    expect(error.message).toBe('The feed is larger than 5 MB');
  });

  it('counts bytes after decompression (a gzip bomb)', async () => {
    expect((await fetchError(`${base}/gzip-bomb`)).message).toBe('The feed is larger than 5 MB');
  });

  it('reports a body that does not decompress, or an unknown compression', async () => {
    expect((await fetchError(`${base}/bad-encoding?encoding=gzip`)).message).toBe(
      'The feed could not be decompressed (gzip): incorrect header check',
    );
    expect((await fetchError(`${base}/bad-encoding?encoding=zstd`)).message).toBe(
      'The server sent the feed in an unsupported compression (zstd)',
    );
  });

  it('honours a smaller limit', async () => {
    const error = await fetchError(`${base}/feeds/rss.xml`, { ...loopback, maxBytes: 1024 });
    expect(error.message).toBe('The feed is larger than 1 KB');
  });

  it('refuses addresses that are not http or https', async () => {
    expect((await fetchError('ftp://files.example.org/feed.xml')).message).toBe(
      'Only http and https addresses can be fetched (got ftp:)',
    );
    expect((await fetchError('file:///etc/passwd')).message).toBe(
      'Only http and https addresses can be fetched (got file:)',
    );
    expect((await fetchError('not a url')).message).toBe('The feed address is not a valid URL: not a url');
  });
});

describe('redirects', () => {
  it('follows a 302 to another path, and each of 301, 303, 307 and 308', async () => {
    const result = await fetchOk(`${base}/to?url=/feeds/rss.xml`);
    expect(result.finalUrl).toBe(`${base}/feeds/rss.xml`);
    expect(parseFeed(result.body, result.contentType, result.finalUrl).items).toHaveLength(2);
    for (const status of [301, 303, 307, 308]) {
      expect((await fetchOk(`${base}/to?status=${status}&url=../feeds/atom.xml`)).finalUrl).toBe(
        `${base}/feeds/atom.xml`,
      );
    }
  });

  it('follows five redirects but not six', async () => {
    expect((await fetchOk(`${base}/redirect/5`)).finalUrl).toBe(`${base}/feeds/rss.xml`);
    expect((await fetchError(`${base}/redirect/6`)).message).toBe('Too many redirects (more than 5)');
  });

  it('refuses a redirect to a private or metadata address, naming it', async () => {
    expect((await fetchError(`${base}/to?url=http://10.0.0.1/`)).message).toBe(
      'The feed redirected to http://10.0.0.1/, which was refused: 10.0.0.1 is a private network address. ' +
        'Only public internet addresses can be fetched.',
    );
    expect((await fetchError(`${base}/to?url=http://169.254.169.254/latest/meta-data/`)).message).toBe(
      'The feed redirected to http://169.254.169.254/latest/meta-data/, which was refused: 169.254.169.254 is the ' +
        'cloud metadata address. Only public internet addresses can be fetched.',
    );
  });

  it('refuses a redirect to another protocol', async () => {
    expect((await fetchError(`${base}/to?url=ftp://files.example.org/feed.xml`)).message).toBe(
      'The feed redirected to ftp://files.example.org/feed.xml, which was refused: only http and https addresses ' +
        'can be fetched (got ftp:)',
    );
  });

  it('reports a redirect without a location', async () => {
    expect((await fetchError(`${base}/to`)).message).toBe(
      'The server answered HTTP 302 Found without saying where to go',
    );
  });
});

describe('addresses that must not be fetched (SSRF)', () => {
  const strict: FetchFeedOptions = {};

  it('refuses a loopback IP before connecting', async () => {
    const before = connections;
    expect((await fetchError(`${base}/feeds/rss.xml`, strict)).message).toBe(
      `Refused to fetch ${base}/feeds/rss.xml: 127.0.0.1 is a loopback address. ` +
        'Only public internet addresses can be fetched.',
    );
    // The same address in another spelling is the same address.
    expect((await fetchError(`http://2130706433:${port}/`, strict)).message).toMatch(
      /: 127\.0\.0\.1 is a loopback/,
    );
    expect(connections).toBe(before);
  });

  it('refuses a host name that resolves to loopback, at connect time', async () => {
    // "localhost" is not an IP address, so nothing refuses it up front (allowLoopback only widens the
    // connect-time check): the refusal names the address DNS gave, which only the check at connect time knows.
    expect((await fetchOk(`http://localhost:${port}/feeds/rss.xml`, loopback)).status).toBe('ok');
    const before = connections;
    const error = await fetchError(`http://localhost:${port}/feeds/rss.xml`, strict);
    expect(error.message).toMatch(
      /^Refused to connect to localhost: it resolves to (127\.0\.0\.1|::1), a loopback address\. Only public internet addresses can be fetched\.$/,
    );
    expect(connections).toBe(before);
  });

  it('refuses IPv6 loopback, the unspecified address and IPv4 written as IPv6', async () => {
    expect((await fetchError(`http://[::1]:${port}/`, strict)).message).toBe(
      `Refused to fetch http://[::1]:${port}/: ::1 is a loopback address. Only public internet addresses can be fetched.`,
    );
    expect((await fetchError(`http://0.0.0.0:${port}/`, strict)).message).toBe(
      `Refused to fetch http://0.0.0.0:${port}/: 0.0.0.0 is an unspecified address. Only public internet addresses can be fetched.`,
    );
    expect((await fetchError(`http://[::ffff:127.0.0.1]:${port}/`, loopback)).message).toMatch(
      /::ffff:7f00:1 is a loopback address \(127\.0\.0\.1\) written as IPv6\./,
    );
  });

  it('with allowLoopback, lets 127.0.0.1 through and nothing else', { timeout: 2000 }, async () => {
    expect((await fetchOk(`${base}/feeds/rss.xml`, loopback)).status).toBe('ok');
    // Refused at the address check: no connection attempt to wait for.
    const options = { ...loopback, timeoutMs: 60_000 };
    expect((await fetchError('http://10.0.0.1/feed.xml', options)).message).toBe(
      'Refused to fetch http://10.0.0.1/feed.xml: 10.0.0.1 is a private network address. ' +
        'Only public internet addresses can be fetched.',
    );
    expect((await fetchError('http://169.254.169.254/latest/meta-data/', options)).message).toMatch(
      /169\.254\.169\.254 is the cloud metadata address/,
    );
    expect((await fetchError('http://[fd00:ec2::254]/', options)).message).toMatch(
      /fd00:ec2::254 is the cloud metadata address/,
    );
    expect((await fetchError('http://0.0.0.0/', options)).message).toMatch(
      /0\.0\.0\.0 is an unspecified address/,
    );
  });

  it('classifies addresses', () => {
    const cases: [string, string | null][] = [
      ['10.1.2.3', 'a private network address'],
      ['172.20.0.1', 'a private network address'],
      ['172.32.0.1', null],
      ['192.168.1.1', 'a private network address'],
      ['100.64.1.1', 'a carrier-grade NAT (shared) address'],
      ['169.254.10.1', 'a link-local address'],
      ['255.255.255.255', 'the broadcast address'],
      ['224.0.0.1', 'a multicast address'],
      ['192.0.2.10', 'a reserved address'],
      ['8.8.8.8', null],
      ['fe80::1', 'a link-local address'],
      ['fc00::1', 'a private network address'],
      ['fd12:3456::1', 'a private network address'],
      ['::', 'an unspecified address'],
      ['::ffff:10.0.0.1', 'a private network address (10.0.0.1) written as IPv6'],
      ['::ffff:a9fe:a9fe', 'the cloud metadata address (169.254.169.254) written as IPv6'],
      ['2002:a00:1::1', 'a 6to4 address'],
      ['2606:4700::1111', null],
    ];
    for (const [address, reason] of cases)
      expect([address, refusedAddress(address)]).toEqual([address, reason]);
    expect(refusedAddress('127.0.0.1', true)).toBeNull();
    expect(refusedAddress('::1', true)).toBeNull();
    expect(refusedAddress('10.0.0.1', true)).toBe('a private network address');
  });
});
