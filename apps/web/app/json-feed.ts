// JSON Feed 1.1 (https://jsonfeed.org/version/1.1): the subset Ayni publishes, validated before it is sent so a
// bad value fails loudly here instead of silently in a reader's app.
import { z } from 'zod';

export const jsonFeedItemSchema = z.object({
  id: z.string().min(1),
  url: z.url(),
  title: z.string(),
  content_html: z.string(),
  summary: z.string().optional(),
  image: z.url().optional(),
  date_published: z.iso.datetime({ offset: true }),
  date_modified: z.iso.datetime({ offset: true }).optional(),
  tags: z.array(z.string()).optional(),
  language: z.string().min(2).optional(),
});

export const jsonFeedSchema = z.object({
  version: z.literal('https://jsonfeed.org/version/1.1'),
  title: z.string().min(1),
  home_page_url: z.url(),
  feed_url: z.url(),
  description: z.string().optional(),
  language: z.string().min(2).optional(),
  authors: z.array(z.object({ name: z.string().min(1), url: z.url().optional() })).optional(),
  items: z.array(jsonFeedItemSchema),
});

export type JsonFeed = z.infer<typeof jsonFeedSchema>;
export type JsonFeedItem = z.infer<typeof jsonFeedItemSchema>;

export function serializeJsonFeed(feed: JsonFeed): string {
  return JSON.stringify(jsonFeedSchema.parse(feed), null, 2);
}
