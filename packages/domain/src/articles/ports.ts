// What the articles use cases need from storage; packages/db implements it (articleRepository).
import type { Language } from '../shared/language.js';
import type { Article } from './schema.js';

export interface ArticleRepository {
  findById(id: string): Promise<Article | null>;
  /** Whether a slug is already used by another article in that language. */
  slugExists(language: Language, slug: string, exceptId?: string): Promise<boolean>;
  insert(article: Article): Promise<void>;
  /** Saves only if the stored version is still `expectedVersion`; otherwise throws DomainError('STALE_VERSION'). */
  update(article: Article, expectedVersion: number): Promise<void>;
  /** Points `articleId` at its translation (or at none). */
  setTranslation(articleId: string, translationId: string | null): Promise<void>;
  /** Creates topics that do not exist yet; existing ones keep their names. */
  ensureTopics(topics: { slug: string; name: string }[]): Promise<void>;
}
