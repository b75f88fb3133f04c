// Articles are dated news items and static pages, each in one language and optionally linked to its translation.
import { z } from 'zod';
import { languageSchema } from '../shared/language.js';
import { SECTION_ALIASES, SECTIONS } from '../shared/paths.js';
import { slugify, optionalSlugSchema, slugSchema } from '../shared/slug.js';
import { optionalText, requiredText } from '../shared/text.js';
import { typedTopicsSchema } from '../topics/schema.js';

export const articleStatuses = ['draft', 'scheduled', 'published', 'archived'] as const;
export const articleKinds = ['news', 'page'] as const;

export const articleStatusSchema = z.enum(articleStatuses);
export const articleKindSchema = z.enum(articleKinds, { error: 'Kind must be news or page' });

export type ArticleStatus = z.infer<typeof articleStatusSchema>;
export type ArticleKind = z.infer<typeof articleKindSchema>;

/**
 * Top-level paths the site itself uses; a page with one of these slugs would hide or be hidden by a route. One set
 * for both languages (a Spanish page lives at /es/:slug), holding the sections' Spanish spellings, which redirect.
 */
export const RESERVED_SLUGS: ReadonlySet<string> = new Set([
  ...Object.values(SECTIONS),
  ...Object.keys(SECTION_ALIASES),
  'news',
  'topics',
  'topic',
  'search',
  'es',
  'en',
  'partners',
  'feed.xml',
  'atom.xml',
  'feed.json',
  'sitemap.xml',
  'robots.txt',
  'campaigns',
  'events',
  'members',
  // Spanish for members (not an alias of partners): kept for the members' pages to come.
  'socios',
  'join',
  'admin',
  'api',
  'assets',
  'build',
  'static',
  'favicon.ico',
  'healthz',
  'page',
  'tag',
  'tags',
  'login',
  'logout',
  'account',
  'auth',
  'unsubscribe',
  'confirm',
]);

export const ARTICLE_TITLE_MAX = 200;
export const ARTICLE_SUMMARY_MAX = 500;
export const ARTICLE_BODY_MAX = 200_000;

export const articleSchema = z.object({
  id: z.string().min(1),
  kind: articleKindSchema,
  navOrder: z.number().int().nullable(),
  language: languageSchema,
  slug: slugSchema,
  title: z.string().min(1).max(ARTICLE_TITLE_MAX),
  summary: z.string().max(ARTICLE_SUMMARY_MAX),
  /** Markdown. */
  body: z.string().max(ARTICLE_BODY_MAX),
  /** Topic slugs. */
  topics: z.array(slugSchema),
  status: articleStatusSchema,
  publishedAt: z.date().nullable(),
  scheduledFor: z.date().nullable(),
  /** Id of the same article in the other language. */
  translationId: z.string().min(1).nullable(),
  featuredImage: z.object({ url: z.string(), alt: z.string() }).nullable(),
  authorId: z.string().min(1).nullable(),
  version: z.number().int().min(1),
  createdAt: z.date(),
  updatedAt: z.date(),
});

export type Article = z.infer<typeof articleSchema>;

/** Topics as typed by an editor ("Human Rights", "human-rights ") become distinct slugs. */
export const topicsInputSchema = z
  .array(z.string({ error: 'Each topic must be text' }), { error: 'Topics must be a list' })
  .default([])
  .transform((topics) => [...new Set(topics.map(slugify).filter((t) => t !== ''))]);

/** What an editor submits to create or update an article. */
export const articleInputSchema = z.object({
  kind: articleKindSchema.default('news'),
  navOrder: z
    .number({ error: 'Navigation order must be a number' })
    .int({ error: 'Navigation order must be a whole number' })
    .min(0, { error: 'Navigation order cannot be negative' })
    .nullable()
    .optional(),
  language: languageSchema,
  /** Optional: generated from the title when absent or empty. */
  slug: optionalSlugSchema,
  title: requiredText('Title', ARTICLE_TITLE_MAX),
  summary: optionalText('Summary', ARTICLE_SUMMARY_MAX),
  body: optionalText('Body', ARTICLE_BODY_MAX, { trim: false }),
  topics: topicsInputSchema,
  translationId: z.string().trim().min(1).nullable().optional(),
  /** An image shown with the article and in link previews; its description is required for screen readers. */
  featuredImage: z
    .object({
      url: z
        .string()
        .trim()
        .pipe(
          z.url({
            protocol: /^https?$/,
            error: 'Image URL must be a web address starting with http:// or https://',
          }),
        ),
      alt: z
        .string()
        .trim()
        .min(1, { error: 'Describe the image for people who cannot see it' })
        .max(300, { error: 'Image description must be at most 300 characters' }),
    })
    .nullable()
    .optional(),
});

export type ArticleInput = z.input<typeof articleInputSchema>;
export type ArticleInputParsed = z.output<typeof articleInputSchema>;

/** What the editor sends: topics typed by name ("Human rights", "Women’s rights"), resolved to slugs by the use case. */
export const articleEditSchema = articleInputSchema.extend({
  topics: typedTopicsSchema(20, 'At most 20 topics'),
});
export type ArticleEditInput = z.input<typeof articleEditSchema>;
export type ArticleEdit = z.output<typeof articleEditSchema>;
