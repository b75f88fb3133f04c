// Topics group articles, partner feeds and (next) campaigns and events. A topic is kept by its slug (its URL) and
// has an English name and an optional Spanish one.
import { z } from 'zod';
import { optionalText, requiredText } from '../shared/text.js';

export const TOPIC_NAME_MAX = 60;

export interface Topic {
  slug: string;
  /** English name. */
  name: string;
  /** Spanish name, or null when not given yet (the English name is shown). */
  nameEs: string | null;
}

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
