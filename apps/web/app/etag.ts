// Conditional GET for public pages and feeds: a weak ETag over what the response depends on, and the
// If-None-Match comparison (RFC 9110 §13.1.2: weak comparison, a list of tags, or *).
import { createHash } from 'node:crypto';

export function makeEtag(parts: readonly string[]): string {
  const hash = createHash('sha256').update(parts.join('\u0000')).digest('base64url').slice(0, 27);
  return `W/"${hash}"`;
}

export function etagMatches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/** Caches may keep public pages but must check with us (cheaply, via the ETag) before reusing them. */
export const PUBLIC_CACHE_CONTROL = 'public, max-age=0, must-revalidate';

/** A rendered page's caching headers: its tag, and the public default unless its route said otherwise. */
export function setPageCaching(headers: Headers, etag: string): void {
  headers.set('ETag', etag);
  if (!headers.has('Cache-Control')) headers.set('Cache-Control', PUBLIC_CACHE_CONTROL);
}
