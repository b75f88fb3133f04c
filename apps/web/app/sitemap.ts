// sitemap.xml with hreflang alternates (https://developers.google.com/search/docs/specialty/international).
export interface SitemapEntry {
  loc: string;
  lastmod?: string;
  /** Every language version of this URL, including itself; empty when it has no translation. */
  alternates: { hreflang: string; href: string }[];
}

function escapeXml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

export function renderSitemap(entries: SitemapEntry[]): string {
  const urls = entries.map((e) => {
    const lines = [`  <url>`, `    <loc>${escapeXml(e.loc)}</loc>`];
    if (e.lastmod) lines.push(`    <lastmod>${escapeXml(e.lastmod)}</lastmod>`);
    for (const a of e.alternates) {
      lines.push(
        `    <xhtml:link rel="alternate" hreflang="${escapeXml(a.hreflang)}" href="${escapeXml(a.href)}"/>`,
      );
    }
    lines.push(`  </url>`);
    return lines.join('\n');
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    '</urlset>',
    '',
  ].join('\n');
}
