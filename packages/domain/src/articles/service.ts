// The articles use cases: what the admin API and the worker call. They take their ports (repository, clock, ids)
// as arguments and run inside whatever transaction the caller opened, so the caller can add its audit entry to it.
// Campaigns, members and events follow this pattern.
import { z } from 'zod';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { otherLanguage } from '../shared/language.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import type { ArticleRepository } from './ports.js';
import {
  assertVersion,
  editArticle as applyEdit,
  isDueForPublishing,
  newArticle,
  transitionArticle,
  type ArticleAction,
} from './rules.js';
import { articleInputSchema, type Article } from './schema.js';

export interface ArticlePorts {
  articles: ArticleRepository;
  clock: Clock;
  ids: IdGenerator;
}

/** What the editor sends: topics may be typed as names ("Human rights"); they are kept by slug. */
export const articleEditSchema = articleInputSchema.extend({
  topics: z
    .array(z.string().trim().min(1).max(60, { error: 'A topic must be at most 60 characters' }))
    .max(20, { error: 'At most 20 topics' })
    .default([]),
});
export type ArticleEdit = z.input<typeof articleEditSchema>;

async function topicSlugs(ports: ArticlePorts, names: string[]): Promise<string[]> {
  const topics = names.map((name) => ({ slug: slugify(name), name: name.trim() })).filter((t) => t.slug);
  await ports.articles.ensureTopics(topics);
  return [...new Set(topics.map((t) => t.slug))];
}

function slugTaken(language: string, slug: string): DomainError {
  return new DomainError('CONFLICT', `Another ${language} article already uses the slug "${slug}"`, {
    field: 'slug',
  });
}

/** Links both language versions to each other, unlinking a previous partner. */
async function linkTranslation(
  ports: ArticlePorts,
  article: Article,
  previous: string | null,
): Promise<void> {
  if (previous && previous !== article.translationId) {
    const old = await ports.articles.findById(previous);
    if (old?.translationId === article.id) await ports.articles.setTranslation(previous, null);
  }
  if (!article.translationId) return;
  const other = await ports.articles.findById(article.translationId);
  if (!other)
    throw new DomainError('VALIDATION', 'The linked translation does not exist', { field: 'translationId' });
  if (other.language !== otherLanguage(article.language)) {
    throw new DomainError('VALIDATION', 'A translation must be in the other language', {
      field: 'translationId',
    });
  }
  await ports.articles.setTranslation(other.id, article.id);
}

/** A new draft. A typed slug must be free; a generated one becomes -2, -3… when taken. */
export async function createArticle(
  raw: unknown,
  authorId: string | null,
  ports: ArticlePorts,
): Promise<Article> {
  const input = articleEditSchema.parse(raw);
  const topics = await topicSlugs(ports, input.topics);
  let slug = input.slug ?? undefined;
  if (slug && (await ports.articles.slugExists(input.language, slug))) throw slugTaken(input.language, slug);
  if (!slug) {
    const base = slugify(input.title) || 'untitled';
    const tried = new Set<string>();
    for (let candidate = base; ; candidate = uniqueSlug(base, tried)) {
      if (!(await ports.articles.slugExists(input.language, candidate))) {
        slug = candidate;
        break;
      }
      tried.add(candidate);
    }
  }
  const article = newArticle({ ...input, topics }, { clock: ports.clock, ids: ports.ids, authorId, slug });
  await ports.articles.insert(article);
  await linkTranslation(ports, article, null);
  return article;
}

/** Saves an editor's changes made on `expectedVersion`; refused (STALE_VERSION) if someone saved since. */
export async function saveArticleEdits(
  id: string,
  expectedVersion: number,
  raw: unknown,
  ports: ArticlePorts,
): Promise<{ before: Article; after: Article }> {
  const input = articleEditSchema.parse(raw);
  const before = await ports.articles.findById(id);
  if (!before) throw new DomainError('NOT_FOUND', 'Article not found');
  assertVersion(before, expectedVersion);
  const topics = await topicSlugs(ports, input.topics);
  const slug = input.slug ?? before.slug;
  if (await ports.articles.slugExists(input.language, slug, before.id)) throw slugTaken(input.language, slug);
  const after = applyEdit(before, { ...input, topics, slug }, ports.clock);
  await ports.articles.update(after, expectedVersion);
  await linkTranslation(ports, after, before.translationId);
  return { before, after };
}

/** Publish, schedule (at a future time), unschedule, unpublish, archive, restore — as the domain allows. */
export async function changeArticleStatus(
  id: string,
  expectedVersion: number,
  action: ArticleAction,
  at: Date | undefined,
  ports: ArticlePorts,
): Promise<Article> {
  const current = await ports.articles.findById(id);
  if (!current) throw new DomainError('NOT_FOUND', 'Article not found');
  assertVersion(current, expectedVersion);
  const next = transitionArticle(current, action, ports.clock, at ? { at } : undefined);
  await ports.articles.update(next, expectedVersion);
  return next;
}

/**
 * Publishes one scheduled article if its time has come; null when it is not (any more) due. Run it in its own
 * transaction per article: a concurrent publisher makes the version check refuse the second one.
 */
export async function publishIfDue(id: string, ports: ArticlePorts): Promise<Article | null> {
  const current = await ports.articles.findById(id);
  if (!current || !isDueForPublishing(current, ports.clock.now())) return null;
  const published = transitionArticle(current, 'publish', ports.clock);
  await ports.articles.update(published, current.version);
  return published;
}
