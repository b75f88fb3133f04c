// What search engines and link previews read: title, description, canonical URL, hreflang alternates,
// Open Graph and Twitter cards. Loaders compute a `Seo` (they know the settings); route `meta` turns it into tags.
import type { MetaDescriptor } from '@remix-run/node';
import type { Language } from './i18n.js';

export interface Seo {
  title: string;
  description: string;
  siteName: string;
  /** Absolute URL of this page. */
  url: string;
  lang: Language;
  /** Absolute URLs of this page in each language it exists in (including this one). */
  alternates: Partial<Record<Language, string>>;
  type: 'website' | 'article';
  image?: { url: string; alt: string } | null;
  publishedTime?: string;
  modifiedTime?: string;
}

export function seoMeta(seo: Seo): MetaDescriptor[] {
  const tags: MetaDescriptor[] = [
    { title: seo.title },
    { name: 'description', content: seo.description },
    { tagName: 'link', rel: 'canonical', href: seo.url },
    { property: 'og:site_name', content: seo.siteName },
    { property: 'og:title', content: seo.title },
    { property: 'og:description', content: seo.description },
    { property: 'og:url', content: seo.url },
    { property: 'og:type', content: seo.type },
    { property: 'og:locale', content: seo.lang === 'es' ? 'es_PE' : 'en_GB' },
    { name: 'twitter:card', content: seo.image ? 'summary_large_image' : 'summary' },
    { name: 'twitter:title', content: seo.title },
    { name: 'twitter:description', content: seo.description },
  ];
  if (seo.image) {
    tags.push(
      { property: 'og:image', content: seo.image.url },
      { property: 'og:image:alt', content: seo.image.alt },
      { name: 'twitter:image', content: seo.image.url },
      { name: 'twitter:image:alt', content: seo.image.alt },
    );
  }
  if (seo.publishedTime) tags.push({ property: 'article:published_time', content: seo.publishedTime });
  if (seo.modifiedTime) tags.push({ property: 'article:modified_time', content: seo.modifiedTime });
  const languages = Object.keys(seo.alternates) as Language[];
  if (languages.length > 1) {
    for (const lang of languages) {
      tags.push({ tagName: 'link', rel: 'alternate', hrefLang: lang, href: seo.alternates[lang] });
    }
    const fallback = seo.alternates.en ?? seo.url;
    tags.push({ tagName: 'link', rel: 'alternate', hrefLang: 'x-default', href: fallback });
  }
  return tags;
}

/** JSON for a <script type="application/ld+json">: `<` (and line separators) escaped so it cannot end the script. */
export function serializeJsonLd(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
