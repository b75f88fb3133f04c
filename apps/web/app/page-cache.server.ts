// The HTML of rendered pages kept in memory for the front door's fast path: one entry per page (the request
// target's path and page parameters), the least recently used dropped first once the entries' bytes pass the
// limit — so a flood of distinct addresses can only push out pages nobody asked for since.
import { createHash } from 'node:crypto';

export interface CachedPage {
  /** The ETag this very render was sent with: the only tag its 304s confirm. */
  etag: string;
  /** The content tag the page was rendered for; once the current one differs, a request renders afresh. */
  contentTag: string;
  body: Buffer;
  /** Filled in on the first request that accepts gzip. */
  gzipped: Buffer | undefined;
  /** ETag, Cache-Control, Vary, Content-Type, as the render sent them. */
  headers: Record<string, string>;
  /** The CSP script sources of this very HTML: the hashes of its inline scripts (see inlineScriptHashes). */
  scriptSources: string[];
}

export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  private total = 0;

  constructor(private readonly maxBytes: number) {}

  get bytes(): number {
    return this.total;
  }

  get size(): number {
    return this.pages.size;
  }

  /** The page kept for `key`, marked as the most recently used. */
  get(key: string): CachedPage | undefined {
    const page = this.pages.get(key);
    if (page) {
      this.pages.delete(key);
      this.pages.set(key, page);
    }
    return page;
  }

  set(key: string, page: CachedPage): void {
    this.delete(key);
    if (sizeOf(key, page) > this.maxBytes) return;
    this.pages.set(key, page);
    this.total += sizeOf(key, page);
    this.evict();
  }

  /** Keeps the gzipped copy of a kept page, counted against the limit like the rest. */
  setGzipped(key: string, page: CachedPage, gzipped: Buffer): void {
    if (this.pages.get(key) !== page) return;
    this.total -= sizeOf(key, page);
    page.gzipped = gzipped;
    this.total += sizeOf(key, page);
    this.evict();
  }

  delete(key: string): void {
    const page = this.pages.get(key);
    if (!page) return;
    this.pages.delete(key);
    this.total -= sizeOf(key, page);
  }

  private evict(): void {
    for (const [key] of this.pages) {
      if (this.total <= this.maxBytes) return;
      this.delete(key);
    }
  }
}

function sizeOf(key: string, page: CachedPage): number {
  return key.length + page.body.length + (page.gzipped?.length ?? 0) + 256;
}

/**
 * What the cache keeps besides pages: calendar files (the /events.ics feed is large and asked for by every
 * subscribed calendar app), which cachedResource sends with the render's tag.
 */
const KEPT_TYPES = ['text/html', 'text/calendar'];

/**
 * Whether a render's response may be kept and sent to everyone: a full HTML page (or calendar) with this render's
 * tag, that sets no cookie and that its route did not mark private or no-store — the next visitor would get
 * another's answer.
 */
export function isKeepable(
  status: number,
  header: (name: string) => number | string | string[] | undefined,
  etag: string,
): boolean {
  const type = String(header('content-type') ?? '');
  const cacheControl = String(header('cache-control') ?? '').toLowerCase();
  return (
    status === 200 &&
    KEPT_TYPES.some((kept) => type.startsWith(kept)) &&
    header('etag') === etag &&
    header('set-cookie') === undefined &&
    !/(^|[\s,])(private|no-store)\b/.test(cacheControl)
  );
}

/**
 * The CSP hash sources ('sha256-…') of the inline scripts a render marked with its nonce. Only scripts carrying
 * that nonce count: every script Remix and React write has it, and no text from the content can (it is random per
 * render and escaped everywhere else), so a hash can never be made to allow a script the page did not write.
 */
export function inlineScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  const marker = ` nonce="${nonce}"`;
  for (const [, attributes, text] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (!attributes!.includes(marker) || /\ssrc=/.test(attributes!)) continue;
    hashes.add(`'sha256-${createHash('sha256').update(text!, 'utf8').digest('base64')}'`);
  }
  return [...hashes];
}
