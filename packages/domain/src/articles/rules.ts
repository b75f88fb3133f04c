// The article lifecycle (draft → scheduled → published → archived) and the checks around it, as pure functions.
import type { Clock } from '../shared/clock.js';
import type { SitePart } from '../shared/change.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { slugify, slugSchema } from '../shared/slug.js';
import { RESERVED_SLUGS, type Article, type ArticleInputParsed, type ArticleStatus } from './schema.js';

/** Everything that moves an article through its lifecycle, in the order the editor offers them. */
export const articleActions = [
  'publish',
  'schedule',
  'unschedule',
  'unpublish',
  'archive',
  'restore',
] as const;
export type ArticleAction = (typeof articleActions)[number];

const TRANSITIONS: Readonly<Record<ArticleStatus, Partial<Record<ArticleAction, ArticleStatus>>>> = {
  draft: { publish: 'published', schedule: 'scheduled', archive: 'archived' },
  scheduled: { publish: 'published', unschedule: 'draft' },
  published: { unpublish: 'draft', archive: 'archived' },
  archived: { restore: 'draft' },
};

/** Throws a VALIDATION error on field 'slug' when the slug is malformed or taken by the site's own routes. */
export function assertSlugAllowed(slug: string): void {
  const result = slugSchema.safeParse(slug);
  if (!result.success) {
    throw new DomainError('VALIDATION', result.error.issues[0]?.message ?? 'Slug is not valid', {
      field: 'slug',
    });
  }
  if (result.data !== slug) {
    throw new DomainError('VALIDATION', 'Slug may not start or end with spaces', { field: 'slug' });
  }
  if (RESERVED_SLUGS.has(slug)) {
    throw new DomainError('VALIDATION', `The slug "${slug}" is used by the site itself; choose another one`, {
      field: 'slug',
    });
  }
}

/** The slug an article will get: the one the editor chose, else one made from the title ("untitled" if that is empty). */
export function articleSlugFor(input: { slug?: string | null | undefined; title: string }): string {
  return input.slug ?? (slugify(input.title) || 'untitled');
}

export function allowedActions(status: ArticleStatus): ArticleAction[] {
  return articleActions.filter((action) => TRANSITIONS[status][action] !== undefined);
}

const withArticle = (status: ArticleStatus) => `${/^[aeiou]/.test(status) ? 'an' : 'a'} ${status} article`;

/**
 * Moves an article through its lifecycle. Every transition bumps `version` and sets `updatedAt`.
 * `schedule` needs `opts.at`, strictly in the future.
 */
export function transitionArticle(
  article: Article,
  action: ArticleAction,
  clock: Clock,
  opts?: { at?: Date },
): Article {
  const target = TRANSITIONS[article.status][action];
  if (target === undefined) {
    throw new DomainError('INVALID_TRANSITION', `Cannot ${action} ${withArticle(article.status)}`);
  }
  const now = clock.now();
  const next: Article = { ...article, status: target, version: article.version + 1, updatedAt: now };

  switch (action) {
    case 'publish':
      return { ...next, publishedAt: now, scheduledFor: null };
    case 'schedule': {
      const at = opts?.at;
      if (at === undefined) {
        throw new DomainError('VALIDATION', 'Choose when this article should be published', {
          field: 'scheduledFor',
        });
      }
      if (at.getTime() <= now.getTime()) {
        throw new DomainError('VALIDATION', 'The publication time must be in the future', {
          field: 'scheduledFor',
        });
      }
      return { ...next, scheduledFor: new Date(at.getTime()), publishedAt: null };
    }
    case 'unschedule':
      return { ...next, scheduledFor: null };
    case 'unpublish':
    case 'restore':
      return { ...next, publishedAt: null, scheduledFor: null };
    case 'archive':
      return { ...next, scheduledFor: null };
  }
}

/** The message when a slug is already taken in a language (the database's unique index decides). */
export function articleSlugTaken(language: string, slug: string): { message: string; field: 'slug' } {
  return { message: `Another ${language} article already uses the slug "${slug}"`, field: 'slug' };
}

/** The part of the public site an article belongs to. */
export function articleSitePart(article: Pick<Article, 'kind'>): SitePart {
  return article.kind === 'page' ? 'pages' : 'news';
}

/**
 * What the public site shows differently after an article changed from `before` to `after`: its part (news, or
 * pages with the navigation) when either copy is published; nothing for a draft, a scheduled or an archived one.
 */
export function articleTouches(before: Article | null, after: Article): SitePart[] {
  const shown = [before, after].filter((a): a is Article => a !== null && a.status === 'published');
  return [...new Set(shown.map(articleSitePart))];
}

export function isDueForPublishing(article: Pick<Article, 'status' | 'scheduledFor'>, now: Date): boolean {
  return (
    article.status === 'scheduled' &&
    article.scheduledFor !== null &&
    article.scheduledFor.getTime() <= now.getTime()
  );
}

/** A new draft from an editor's input. The caller checks the slug is free in its language (see uniqueSlug). */
export function newArticle(
  input: ArticleInputParsed,
  ctx: { clock: Clock; ids: IdGenerator; authorId?: string | null; slug?: string },
): Article {
  const slug = ctx.slug ?? articleSlugFor(input);
  assertSlugAllowed(slug);
  const now = ctx.clock.now();
  return {
    id: ctx.ids.id(),
    kind: input.kind,
    navOrder: input.navOrder ?? null,
    language: input.language,
    slug,
    title: input.title,
    summary: input.summary,
    body: input.body,
    topics: input.topics,
    status: 'draft',
    publishedAt: null,
    scheduledFor: null,
    translationId: input.translationId ?? null,
    featuredImage: input.featuredImage ?? null,
    authorId: ctx.authorId ?? null,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
}

/** Applies an editor's changes; status and dates are left to transitionArticle. Bumps the version. */
export function editArticle(article: Article, input: ArticleInputParsed, clock: Clock): Article {
  const slug = input.slug ?? article.slug;
  assertSlugAllowed(slug);
  return {
    ...article,
    kind: input.kind,
    navOrder: input.navOrder === undefined ? article.navOrder : input.navOrder,
    language: input.language,
    slug,
    title: input.title,
    summary: input.summary,
    body: input.body,
    topics: input.topics,
    translationId: input.translationId === undefined ? article.translationId : input.translationId,
    featuredImage: input.featuredImage === undefined ? article.featuredImage : input.featuredImage,
    version: article.version + 1,
    updatedAt: clock.now(),
  };
}
