// Topics group articles, partner feeds and (next) campaigns and events. A topic is kept by its slug (its URL) and
// has an English name and an optional Spanish one.
import { z } from 'zod';
import { slugSchema } from '../shared/slug.js';
import { optionalText, requiredText } from '../shared/text.js';

export const TOPIC_NAME_MAX = 60;

export const topicSchema = z.object({
  slug: slugSchema,
  /** English name. */
  name: z.string().min(1),
  /** Spanish name, or null when not given yet (the English name is shown). */
  nameEs: z.string().nullable(),
});
export type Topic = z.infer<typeof topicSchema>;

/** How many articles, partner feeds and campaigns carry a topic. */
export const topicUsageSchema = z.object({
  articles: z.number().int().min(0),
  feeds: z.number().int().min(0),
  campaigns: z.number().int().min(0),
});
export type TopicUsage = z.infer<typeof topicUsageSchema>;

/** A topic with how much carries it, as the Topics page lists it. */
export const topicWithUsageSchema = topicSchema.extend(topicUsageSchema.shape);
export type TopicWithUsage = z.infer<typeof topicWithUsageSchema>;

/** A topic's names: English required; Spanish optional (empty means none yet, and the English name is shown). */
export const topicNamesSchema = z.object({
  name: requiredText('English name', TOPIC_NAME_MAX),
  nameEs: optionalText('Spanish name', TOPIC_NAME_MAX).transform((v) => v || null),
});

/** Topics as an editor types them, by name ("Human rights", "Women’s rights"); resolved to slugs by the use case. */
export function typedTopicsSchema(max: number, tooMany: string) {
  return z
    .array(
      z
        .string({ error: 'Each topic must be text' })
        .trim()
        .min(1, { error: 'A topic cannot be empty' })
        .max(TOPIC_NAME_MAX, { error: `A topic must be at most ${TOPIC_NAME_MAX} characters` }),
      { error: 'Topics must be a list' },
    )
    .max(max, { error: tooMany })
    .default([]);
}
