// Fetches a partner's feed without letting the address reach our own network (SSRF). Two layers refuse
// non-public destinations: literal IP hosts (first URL and every redirect target) are checked here before any
// connection, and request-filtering-agent checks every address a host name resolves to inside the connection's
// own DNS lookup, so the address checked is the address connected to (DNS rebinding cannot slip in between).
// Redirects are followed by hand so each hop goes through both layers; one deadline covers the whole chain
// (connect, headers and body of every hop); the body is counted as it streams, before and after decompression.
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import { Transform, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

export interface FetchFeedOptions {
  /** Sent as If-None-Match. */
  etag?: string | null;
  /** Sent as If-Modified-Since. */
  lastModified?: string | null;
  /**
   * Test suites only: lets 127.0.0.0/8 and ::1 through. Private, link-local, metadata, unspecified and every
   * other non-public address stay refused.
   */
  allowLoopback?: boolean;
  /** The whole fetch (connect, headers and body of every redirect hop). Default 10 s. */
  timeoutMs?: number;
  /** Default 5 MB, counted on the wire and again after decompression. */
  maxBytes?: number;
  /** Default 5. */
  maxRedirects?: number;
  userAgent?: string;
}

export type FetchFeedResult =
  | { status: 'not-modified'; finalUrl: string }
  | {
      status: 'ok';
      body: Buffer;
      contentType: string | null;
      etag: string | null;
      lastModified: string | null;
      finalUrl: string;
    };

/** A fetch that failed; the message is shown to staff as is. */
export class FeedFetchError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FeedFetchError';
  }
}

export const DEFAULT_FEED_TIMEOUT_MS = 10_000;
export const DEFAULT_FEED_MAX_BYTES = 5 * 1024 * 1024;
export const DEFAULT_FEED_MAX_REDIRECTS = 5;
export const DEFAULT_FEED_USER_AGENT = 'Ayni partner feed reader (+https://github.com/ayni)';
export const FEED_ACCEPT_HEADER =
  'application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export async function fetchFeed(url: string, options: FetchFeedOptions = {}): Promise<FetchFeedResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS;
  const maxBytes = options.maxBytes ?? DEFAULT_FEED_MAX_BYTES;
  const maxRedirects = options.maxRedirects ?? DEFAULT_FEED_MAX_REDIRECTS;
  const allowLoopback = options.allowLoopback ?? false;

  let current = checkUrl(url, allowLoopback, null);
  const headers: Record<string, string> = {
    'user-agent': options.userAgent ?? DEFAULT_FEED_USER_AGENT,
    accept: FEED_ACCEPT_HEADER,
    'accept-encoding': 'gzip, deflate, br',
  };
  if (options.etag) headers['if-none-match'] = options.etag;
  if (options.lastModified) headers['if-modified-since'] = options.lastModified;

  // Loopback is let through by an allow list, which the agent consults before its own rules; '::1' comes first
  // because the agent compares every address with each CIDR entry in turn and warns when the families differ.
  const filter = {
    keepAlive: false,
    allowPrivateIPAddress: false,
    allowMetaIPAddress: false,
    allowIPAddressList: allowLoopback ? ['::1', '127.0.0.0/8'] : [],
    // IPv4-compatible IPv6 (::a.b.c.d, deprecated) counts as "unicast" to the agent, whatever IPv4 address it
    // carries: refuse the whole block (::1 is refused before this, or allowed above in test suites).
    denyIPAddressList: ['::/96'],
  };
  const agents = {
    http: new RequestFilteringHttpAgent(filter),
    https: new RequestFilteringHttpsAgent(filter),
  };
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), timeoutMs);
  let req: http.ClientRequest | null = null;

  try {
    for (let redirects = 0; ; redirects++) {
      const started = await startRequest(
        current,
        headers,
        current.protocol === 'https:' ? agents.https : agents.http,
        deadline.signal,
      );
      req = started.req;
      const res = started.res;
      const status = res.statusCode ?? 0;

      if (REDIRECT_STATUSES.has(status)) {
        discard(req, res);
        const location = res.headers.location;
        if (!location) {
          throw new FeedFetchError(
            `The server answered ${describeStatus(status)} without saying where to go`,
          );
        }
        if (redirects >= maxRedirects) {
          throw new FeedFetchError(`Too many redirects (more than ${maxRedirects})`);
        }
        let next: URL;
        try {
          next = new URL(location, current);
        } catch {
          throw new FeedFetchError(`The server redirected to an invalid address: ${location}`);
        }
        current = checkUrl(next.href, allowLoopback, current);
        continue;
      }
      if (status === 304) {
        discard(req, res);
        return { status: 'not-modified', finalUrl: current.href };
      }
      if (status < 200 || status > 299) {
        discard(req, res);
        throw new FeedFetchError(`The server answered ${describeStatus(status)}`);
      }

      const declared = Number(res.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes) {
        discard(req, res);
        throw tooLarge(maxBytes);
      }
      const body = await readBody(res, maxBytes, deadline.signal);
      return {
        status: 'ok',
        body,
        contentType: res.headers['content-type'] ?? null,
        etag: header(res, 'etag'),
        lastModified: header(res, 'last-modified'),
        finalUrl: current.href,
      };
    }
  } catch (err) {
    if (deadline.signal.aborted) {
      throw new FeedFetchError(`No complete answer within ${formatSeconds(timeoutMs)}`);
    }
    throw toFetchError(err, current);
  } finally {
    clearTimeout(timer);
    req?.destroy();
    agents.http.destroy();
    agents.https.destroy();
  }
}

function startRequest(
  url: URL,
  headers: Record<string, string>,
  agent: http.Agent,
  signal: AbortSignal,
): Promise<{ req: http.ClientRequest; res: http.IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const onResponse = (res: http.IncomingMessage) => resolve({ req, res });
    const req =
      url.protocol === 'https:'
        ? https.get(url, { agent, headers, signal }, onResponse)
        : http.get(url, { agent, headers, signal }, onResponse);
    // Stays attached after the response: a later destroy (deadline, size limit) must not be an unhandled error.
    req.on('error', reject);
  });
}

/** Drops a response we do not read, closing its connection (keep-alive is off). */
function discard(req: http.ClientRequest, res: http.IncomingMessage): void {
  res.on('error', () => {});
  req.destroy();
}

async function readBody(res: http.IncomingMessage, maxBytes: number, signal: AbortSignal): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const collect = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
  });
  const encoding = (res.headers['content-encoding'] ?? 'identity').trim().toLowerCase();
  const decoder = createDecoder(encoding);
  if (decoder) {
    let corrupt: Error | null = null;
    decoder.once('error', (err) => (corrupt = err));
    // Counted twice: on the wire, and decompressed (a few KB of gzip can inflate to gigabytes).
    await pipeline(res, byteLimit(maxBytes), decoder, byteLimit(maxBytes), collect, { signal }).catch(
      (err) => {
        if (err === corrupt && !(err instanceof FeedFetchError)) {
          throw new FeedFetchError(`The feed could not be decompressed (${encoding}): ${err.message}`, {
            cause: err,
          });
        }
        throw err;
      },
    );
  } else {
    await pipeline(res, byteLimit(maxBytes), collect, { signal });
  }
  return Buffer.concat(chunks);
}

function createDecoder(encoding: string): Transform | null {
  switch (encoding) {
    case '':
    case 'identity':
      return null;
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      // createUnzip also accepts the zlib-wrapped form that "deflate" officially means.
      return zlib.createUnzip();
    case 'br':
      return zlib.createBrotliDecompress();
    default:
      throw new FeedFetchError(`The server sent the feed in an unsupported compression (${encoding})`);
  }
}

function byteLimit(maxBytes: number): Transform {
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      seen += chunk.length;
      if (seen > maxBytes) callback(tooLarge(maxBytes));
      else callback(null, chunk);
    },
  });
}

function tooLarge(maxBytes: number): FeedFetchError {
  return new FeedFetchError(`The feed is larger than ${formatBytes(maxBytes)}`);
}

function header(res: http.IncomingMessage, name: 'etag' | 'last-modified'): string | null {
  const value = res.headers[name];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

function describeStatus(status: number): string {
  const reason = http.STATUS_CODES[status];
  return reason ? `HTTP ${status} ${reason}` : `HTTP ${status}`;
}

function formatSeconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(ms < 1000 ? 2 : 1))} s`;
}

function formatBytes(bytes: number): string {
  const mb = 1024 * 1024;
  if (bytes >= mb) return `${Number((bytes / mb).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Number((bytes / 1024).toFixed(1))} KB`;
  return `${bytes} bytes`;
}

// ---------------------------------------------------------------------------------------------------------------
// Addresses

const ONLY_PUBLIC = 'Only public internet addresses can be fetched.';

/** Parses and checks a URL (the first one, or a redirect target when `from` is given). */
function checkUrl(raw: string, allowLoopback: boolean, from: URL | null): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new FeedFetchError(`The feed address is not a valid URL: ${raw}`);
  }
  const prefix = from ? `The feed redirected to ${url.href}, which was refused: ` : '';
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    const message = `only http and https addresses can be fetched (got ${url.protocol})`;
    throw new FeedFetchError(from ? prefix + message : message.charAt(0).toUpperCase() + message.slice(1));
  }
  // WHATWG URL parsing has already turned 2130706433, 0x7f.1 and friends into dotted quads.
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (net.isIP(host)) {
    const refusal = refusedAddress(host, allowLoopback);
    if (refusal) {
      throw new FeedFetchError(
        from
          ? `${prefix}${host} is ${refusal}. ${ONLY_PUBLIC}`
          : `Refused to fetch ${url.href}: ${host} is ${refusal}. ${ONLY_PUBLIC}`,
      );
    }
  }
  return url;
}

interface Range {
  bytes: number[];
  bits: number;
  reason: string;
  loopback?: boolean;
}

const PRIVATE = 'a private network address';
const RESERVED = 'a reserved address';
const LOOPBACK = 'a loopback address';

// Most specific first: the first match names the refusal.
const IPV4_RANGES = ranges([
  ['169.254.169.254/32', 'the cloud metadata address'],
  ['0.0.0.0/8', 'an unspecified address'],
  ['10.0.0.0/8', PRIVATE],
  ['172.16.0.0/12', PRIVATE],
  ['192.168.0.0/16', PRIVATE],
  ['127.0.0.0/8', LOOPBACK],
  ['169.254.0.0/16', 'a link-local address'],
  ['100.64.0.0/10', 'a carrier-grade NAT (shared) address'],
  ['192.0.0.0/24', RESERVED],
  ['192.0.2.0/24', RESERVED],
  ['192.88.99.0/24', RESERVED],
  ['198.18.0.0/15', RESERVED],
  ['198.51.100.0/24', RESERVED],
  ['203.0.113.0/24', RESERVED],
  ['224.0.0.0/4', 'a multicast address'],
  ['255.255.255.255/32', 'the broadcast address'],
  ['240.0.0.0/4', RESERVED],
]);

const IPV6_RANGES = ranges([
  ['fd00:ec2::254/128', 'the cloud metadata address'],
  ['::/128', 'an unspecified address'],
  ['::1/128', LOOPBACK],
  ['fc00::/7', PRIVATE],
  ['fe80::/10', 'a link-local address'],
  ['fec0::/10', PRIVATE],
  ['ff00::/8', 'a multicast address'],
  ['64:ff9b::/96', 'a NAT64 address'],
  ['64:ff9b:1::/48', 'a NAT64 address'],
  ['2002::/16', 'a 6to4 address'],
  ['2001::/32', 'a Teredo address'],
  ['2001:db8::/32', RESERVED],
  ['100::/64', RESERVED],
]);

function ranges(list: [cidr: string, reason: string][]): Range[] {
  return list.map(([cidr, reason]) => {
    const [address, bits] = cidr.split('/') as [string, string];
    return { bytes: ipBytes(address)!, bits: Number(bits), reason, loopback: reason === LOOPBACK };
  });
}

/**
 * Why an IP address may not be fetched ('a private network address', …), or null for a public address.
 * Exported for the tests.
 */
export function refusedAddress(address: string, allowLoopback = false): string | null {
  const bytes = ipBytes(address);
  if (!bytes) return 'not an IP address';
  const ranges = bytes.length === 4 ? IPV4_RANGES : IPV6_RANGES;
  const match = ranges.find((r) => inRange(bytes, r));
  if (match) return match.loopback && allowLoopback ? null : match.reason;
  if (bytes.length === 4) return null;
  // ::ffff:a.b.c.d (mapped) and ::a.b.c.d (the old "compatible" form) lead to the IPv4 address inside; the
  // connect-time check refuses both forms outright, so do the same, naming the address when it is not public.
  const zeros = (from: number, to: number) => bytes.slice(from, to).every((b) => b === 0);
  if (zeros(0, 10) && ((bytes[10] === 0xff && bytes[11] === 0xff) || zeros(10, 12))) {
    const embedded = bytes.slice(12).join('.');
    const inner = refusedAddress(embedded);
    return inner ? `${inner} (${embedded}) written as IPv6` : `the IPv4 address ${embedded} written as IPv6`;
  }
  // Everything outside 2000::/3 (global unicast) is reserved for something other than the public internet.
  return (bytes[0]! & 0xe0) === 0x20 ? null : RESERVED;
}

function inRange(bytes: number[], r: Range): boolean {
  if (bytes.length !== r.bytes.length) return false;
  for (let bit = 0; bit < r.bits; bit += 8) {
    const take = Math.min(8, r.bits - bit);
    const mask = (0xff << (8 - take)) & 0xff;
    if ((bytes[bit / 8]! & mask) !== (r.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

function ipBytes(address: string): number[] | null {
  const kind = net.isIP(address);
  if (kind === 4) return address.split('.').map(Number);
  if (kind !== 6) return null;
  let text = address.replace(/%.*$/, '').toLowerCase();
  // A trailing dotted quad becomes two hex groups.
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad[1]!.split('.').map(Number) as [number, number, number, number];
    text = text.slice(0, quad.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? left
      : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return groups.flatMap((g) => {
    const n = parseInt(g, 16);
    return [n >> 8, n & 0xff];
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Errors

const AGENT_REFUSAL = /^DNS lookup (.+?)\(family:[^,]*, host:([^)]*)\) is not allowed/;

function toFetchError(err: unknown, url: URL): FeedFetchError {
  if (err instanceof FeedFetchError) return err;
  const host = url.hostname;
  const message = err instanceof Error ? err.message : String(err);
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';

  // request-filtering-agent refused an address at connect time (after DNS resolution).
  const refused = AGENT_REFUSAL.exec(message);
  if (refused || message.includes('is not allowed. Because')) {
    const address = refused?.[1];
    const reason = address ? (refusedAddress(address) ?? RESERVED) : null;
    const what = address ? `it resolves to ${address}, ${reason}` : 'it resolves to a non-public address';
    return new FeedFetchError(`Refused to connect to ${host}: ${what}. ${ONLY_PUBLIC}`, { cause: err });
  }
  switch (code) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NODATA':
    case 'EAI_NONAME':
      return new FeedFetchError(`The host name ${host} could not be found (DNS lookup failed)`, {
        cause: err,
      });
    case 'ECONNREFUSED':
      return new FeedFetchError(`The server at ${host} refused the connection`, { cause: err });
    case 'ECONNRESET':
    case 'EPIPE':
      return new FeedFetchError(`The connection to ${host} was closed before the feed was complete`, {
        cause: err,
      });
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return new FeedFetchError(`The server at ${host} could not be reached (${code})`, { cause: err });
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ALTNAME/.test(code)) {
    return new FeedFetchError(`The HTTPS certificate of ${host} is not valid (${code})`, { cause: err });
  }
  if (code.startsWith('HPE_')) {
    return new FeedFetchError(`The server at ${host} sent an invalid HTTP response`, { cause: err });
  }
  return new FeedFetchError(`Could not fetch the feed from ${host}: ${message}`, { cause: err });
}
