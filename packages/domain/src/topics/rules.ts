// Which topic a typed name means, and a topic's name in a language.
import type { Language } from '../shared/language.js';
import { slugify } from '../shared/slug.js';
import type { Topic } from './schema.js';

/**
 * How two spellings of one name compare: Unicode-normalised, apostrophes and quotes of any shape alike, case and
 * accents and spacing ignored ("Women’s rights" = "women's  Rights"; "Minería" = "mineria").
 */
export function topicNameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2018\u2019\u201A\u201B\u2032\u02BC`´]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A topic's name in `language`: the Spanish one when there is one, else the English one. */
export function topicName(topic: Topic, language: Language): string {
  return language === 'es' ? (topic.nameEs ?? topic.name) : topic.name;
}

/** A name for a topic known only by its slug ("womens-rights" → "womens rights"), until staff name it. */
export function nameFromSlug(slug: string): string {
  return slug.replace(/-/g, ' ');
}

/**
 * The topics that typed names mean: an existing topic whose English or Spanish name, or whose slug, matches a
 * typed name is that topic; any other name is a new topic (slug from the name, named as typed). Each topic once,
 * in the order typed; names with no letters or digits are dropped.
 */
export function resolveTopicNames(
  typed: readonly string[],
  existing: readonly Topic[],
): { slugs: string[]; created: Topic[] } {
  const byKey = new Map<string, string>();
  for (const t of existing) {
    byKey.set(`slug:${t.slug}`, t.slug);
    byKey.set(topicNameKey(t.name), t.slug);
    if (t.nameEs) byKey.set(topicNameKey(t.nameEs), t.slug);
  }
  const slugs: string[] = [];
  const created: Topic[] = [];
  for (const name of typed) {
    const key = topicNameKey(name);
    const slug = slugify(name);
    if (!slug) continue;
    let found = byKey.get(key) ?? byKey.get(`slug:${slug}`) ?? byKey.get(`slug:${name.trim()}`);
    if (!found) {
      found = slug;
      created.push({ slug, name: name.trim(), nameEs: null });
      byKey.set(key, slug);
      byKey.set(`slug:${slug}`, slug);
    }
    if (!slugs.includes(found)) slugs.push(found);
  }
  return { slugs, created };
}
