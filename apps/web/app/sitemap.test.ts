import { describe, expect, it } from 'vitest';
import { renderSitemap } from './sitemap.js';

describe('renderSitemap', () => {
  it('lists URLs with escaped values and hreflang alternates', () => {
    const xml = renderSitemap([
      {
        loc: 'https://x.org/news/a?b=1&c=2',
        lastmod: '2026-11-26T10:00:00.000Z',
        alternates: [
          { hreflang: 'en', href: 'https://x.org/news/a' },
          { hreflang: 'es', href: 'https://x.org/es/news/b' },
        ],
      },
    ]);
    expect(xml).toContain('<loc>https://x.org/news/a?b=1&amp;c=2</loc>');
    expect(xml).toContain('<xhtml:link rel="alternate" hreflang="es" href="https://x.org/es/news/b"/>');
    expect(xml).toContain('xmlns:xhtml="http://www.w3.org/1999/xhtml"');
  });
});
