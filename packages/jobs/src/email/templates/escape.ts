// Escaping for text and attribute values in the HTML part. Every interpolated value goes through escapeHtml.

const HTML_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes & < > " ' so the result is safe both as element text and inside a quoted attribute. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

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
