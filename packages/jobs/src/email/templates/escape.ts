// Safe values for the HTML part: links only to web pages, one-line values. Every interpolated value also goes
// through the domain's escapeHtml.

/** The URL if it is an absolute http(s) address, otherwise null (so it is shown as text, never linked). */
export function safeHttpUrl(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? url.trim() : null;
  } catch {
    return null;
  }
}

/** Collapses runs of whitespace (including line breaks) to single spaces: for subjects and one-line values. */
export function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
