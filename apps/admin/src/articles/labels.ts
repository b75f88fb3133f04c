// Words the Articles pages use for the domain's values.
import type { ArticleKind, ArticleStatus, Language } from '@ayni/domain';

export const statusLabels: Record<ArticleStatus, string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  published: 'Published',
  archived: 'Archived',
};

export const kindLabels: Record<ArticleKind, string> = { news: 'News', page: 'Page' };

export const languageLabels: Record<Language, string> = { en: 'English', es: 'Spanish' };

export const languageOptions = [
  ['en', 'English'],
  ['es', 'Español (Spanish)'],
] as const;

export const kindOptions = [
  ['news', 'News'],
  ['page', 'Page'],
] as const;

export function statusLabel(status: string): string {
  return status in statusLabels ? statusLabels[status as ArticleStatus] : status;
}
