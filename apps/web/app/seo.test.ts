import { describe, expect, it } from 'vitest';
import { seoMeta, serializeJsonLd } from './seo.js';

describe('serializeJsonLd', () => {
  it('cannot close the script element it is written into', () => {
    const out = serializeJsonLd({ headline: '</script><script>alert(1)</script>' });
    expect(out).not.toContain('<');
    expect(JSON.parse(out)).toEqual({ headline: '</script><script>alert(1)</script>' });
  });
});

describe('seoMeta', () => {
  it('links translations with hreflang and an English x-default', () => {
    const tags = seoMeta({
      title: 'T',
      description: 'D',
      siteName: 'S',
      url: 'https://x.org/es/news/a',
      lang: 'es',
      alternates: { en: 'https://x.org/news/b', es: 'https://x.org/es/news/a' },
      type: 'article',
    });
    expect(tags).toContainEqual({ tagName: 'link', rel: 'canonical', href: 'https://x.org/es/news/a' });
    expect(tags).toContainEqual({
      tagName: 'link',
      rel: 'alternate',
      hrefLang: 'x-default',
      href: 'https://x.org/news/b',
    });
  });
});
