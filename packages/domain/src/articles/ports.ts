// What the articles rules need from storage; packages/db implements it.
import type { Language } from '../shared/language.js';
import type { Article } from './schema.js';

export interface ArticleRepository {
  findById(id: string): Promise<Article | null>;
  findBySlug(language: Language, slug: string): Promise<Article | null>;
  /** Whether a slug is already used by an article in that language (for uniqueSlug). */
  slugExists(language: Language, slug: string): Promise<boolean>;
  insert(article: Article): Promise<void>;
  /** Saves only if the stored version is still `expectedVersion`; otherwise throws DomainError('STALE_VERSION'). */
  update(article: Article, expectedVersion: number): Promise<void>;
  /** Scheduled articles whose time has come (see isDueForPublishing). */
  listDueForPublishing(now: Date): Promise<Article[]>;
}
