// Words the Articles pages use for the values the API sends.
export type ArticleStatus = 'draft' | 'scheduled' | 'published' | 'archived';
export type ArticleKind = 'news' | 'page';
export type Language = 'en' | 'es';
export type ArticleAction = 'publish' | 'schedule' | 'unschedule' | 'unpublish' | 'archive' | 'restore';

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

export function otherLanguage(language: Language): Language {
  return language === 'en' ? 'es' : 'en';
}

export function statusLabel(status: string): string {
  return status in statusLabels ? statusLabels[status as ArticleStatus] : status;
}
