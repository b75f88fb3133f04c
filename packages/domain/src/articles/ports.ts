// What the articles use cases need from storage; packages/db implements it (articleRepository).
import type { Language } from '../shared/language.js';
import type { Article } from './schema.js';

export interface ArticleRepository {
  findById(id: string): Promise<Article | null>;
  /** The slugs in `language` that are `base` or `base-<n>`, for picking a free generated slug. */
  slugsLike(language: Language, base: string): Promise<Set<string>>;
  /** Inserts a new article; a slug already used in its language is DomainError('CONFLICT', { field: 'slug' }). */
  insert(article: Article): Promise<void>;
  /**
   * Saves only if the stored version is still `expectedVersion` (else DomainError('STALE_VERSION')); a slug
   * already used in its language is DomainError('CONFLICT', { field: 'slug' }).
   */
  update(article: Article, expectedVersion: number): Promise<void>;
  /** Points `articleId` at its translation (or at none). */
  setTranslation(articleId: string, translationId: string | null): Promise<void>;
}
