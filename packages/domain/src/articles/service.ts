// The articles use cases: what the admin API, the worker and the seed call. Each takes its ports and one typed
// command (already parsed at the edge with `articleEditSchema`), and returns a Change — the article, its audit
// entry and the parts of the site it touches — for the unit of work (packages/db `runUnitOfWork`) to commit.
import type { SettingsReader } from '../settings/service.js';
import { change, type Change } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { languageNames, otherLanguage } from '../shared/language.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { formatDateTimeIn } from '../shared/time.js';
import { assertVersion } from '../shared/version.js';
import type { TopicRepository } from '../topics/ports.js';
import { resolveTopics } from '../topics/service.js';
import type { ArticleRepository } from './ports.js';
import {
  articleTouches,
  editArticle as applyEdit,
  isDueForPublishing,
  newArticle,
  transitionArticle,
  type ArticleAction,
} from './rules.js';
import type { Article, ArticleEdit, ArticleKind } from './schema.js';

export interface ArticlePorts {
  articles: ArticleRepository;
  topics: TopicRepository;
  /** The organisation's settings: audit summaries give a moment in its time zone. */
  settings: SettingsReader;
  clock: Clock;
  ids: IdGenerator;
}

export interface CreateArticle {
  edit: ArticleEdit;
  authorId: string | null;
}

export interface SaveArticleEdits {
  id: string;
  /** The version the editor opened; refused (STALE_VERSION) if someone saved since. */
  expectedVersion: number;
  edit: ArticleEdit;
}

export interface ChangeArticleStatus {
  id: string;
  expectedVersion: number;
  action: ArticleAction;
  /** For `schedule`: when to publish, in the future. */
  at?: Date;
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

/** A slug made from the title, free in its language: -2, -3… when taken. */
async function generatedSlug(ports: ArticlePorts, edit: ArticleEdit): Promise<string> {
  const base = slugify(edit.title) || 'untitled';
  return uniqueSlug(base, await ports.articles.slugsLike(edit.language, base));
}

/** " for 8 Mar 2027, 09:00": a moment as the admin shows it, in the organisation's time zone. */
async function forMoment(ports: ArticlePorts, at: Date | null): Promise<string> {
  return at ? ` for ${formatDateTimeIn(at, (await ports.settings.get()).timeZone)}` : '';
}

async function findArticle(ports: ArticlePorts, id: string): Promise<Article> {
  const article = await ports.articles.findById(id);
  if (!article) throw new DomainError('NOT_FOUND', 'Article not found');
  return article;
}

const kindWords: Record<ArticleKind, string> = { news: 'news item', page: 'page' };

/**
 * A new draft. A typed slug must be free (the database's unique index decides, CONFLICT on `slug`); a generated
 * one becomes -2, -3… when taken.
 */
export async function createArticle(ports: ArticlePorts, command: CreateArticle): Promise<Change<Article>> {
  const { edit } = command;
  const topics = await resolveTopics(ports, edit.topics);
  const slug = edit.slug ?? (await generatedSlug(ports, edit));
  const article = newArticle(
    { ...edit, topics },
    { clock: ports.clock, ids: ports.ids, authorId: command.authorId, slug },
  );
  await ports.articles.insert(article);
  await linkTranslation(ports, article, null);
  return change(
    article,
    {
      action: 'article.create',
      resourceType: 'article',
      resourceId: article.id,
      summary: `Created the ${languageNames[article.language]} ${kindWords[article.kind]} “${article.title}”`,
    },
    articleTouches(null, article),
  );
}

const editedFields = ['title', 'slug', 'summary', 'body', 'language', 'kind'] as const;

/** Saves an editor's changes made on `expectedVersion`. */
export async function saveArticleEdits(
  ports: ArticlePorts,
  command: SaveArticleEdits,
): Promise<Change<{ before: Article; after: Article }>> {
  const before = await findArticle(ports, command.id);
  assertVersion(before, command.expectedVersion, 'article');
  const topics = await resolveTopics(ports, command.edit.topics);
  const slug = command.edit.slug ?? before.slug;
  const after = applyEdit(before, { ...command.edit, topics, slug }, ports.clock);
  await ports.articles.update(after, command.expectedVersion);
  await linkTranslation(ports, after, before.translationId);
  const changed = editedFields.filter((k) => before[k] !== after[k]);
  return change(
    { before, after },
    {
      action: 'article.update',
      resourceType: 'article',
      resourceId: after.id,
      summary: `Edited “${after.title}”${changed.length ? ` (${changed.join(', ')})` : ''}`,
    },
    articleTouches(before, after),
  );
}

const pastTense: Record<ArticleAction, string> = {
  publish: 'Published',
  schedule: 'Scheduled',
  unschedule: 'Unscheduled',
  unpublish: 'Unpublished',
  archive: 'Archived',
  restore: 'Restored',
};

/** Publish, schedule (at a future time), unschedule, unpublish, archive, restore — as the domain allows. */
export async function changeArticleStatus(
  ports: ArticlePorts,
  command: ChangeArticleStatus,
): Promise<Change<Article>> {
  const current = await findArticle(ports, command.id);
  assertVersion(current, command.expectedVersion, 'article');
  const next = transitionArticle(
    current,
    command.action,
    ports.clock,
    command.at ? { at: command.at } : undefined,
  );
  await ports.articles.update(next, command.expectedVersion);
  const when = await forMoment(ports, next.scheduledFor);
  return change(
    next,
    {
      action: `article.${command.action}`,
      resourceType: 'article',
      resourceId: next.id,
      summary: `${pastTense[command.action]} “${next.title}”${when}`,
    },
    articleTouches(current, next),
  );
}

/**
 * Publishes one scheduled article if its time has come; a result of null when it is not (any more) due. Run it
 * in its own unit of work per article: a concurrent publisher makes the version check refuse the second one.
 */
export async function publishIfDue(
  ports: ArticlePorts,
  command: { id: string },
): Promise<Change<Article | null>> {
  const current = await ports.articles.findById(command.id);
  if (!current || !isDueForPublishing(current, ports.clock.now())) return change(null, null);
  const published = transitionArticle(current, 'publish', ports.clock);
  await ports.articles.update(published, current.version);
  return change(
    published,
    {
      action: 'article.publish',
      resourceType: 'article',
      resourceId: published.id,
      summary: `Published “${published.title}” as scheduled${await forMoment(ports, current.scheduledFor)}`,
    },
    articleTouches(current, published),
  );
}
