// The topics use cases: resolving what an editor typed (used by articles and partner feeds, and next by
// campaigns and events) and naming a topic in both languages.
import { change, type Change } from '../shared/change.js';
import { DomainError } from '../shared/errors.js';
import type { TopicRepository } from './ports.js';
import { resolveTopicNames } from './rules.js';
import type { Topic } from './schema.js';

export interface TopicPorts {
  topics: TopicRepository;
}

/** The slugs of the topics that typed names mean, creating the ones that do not exist yet. */
export async function resolveTopics(ports: TopicPorts, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const { slugs, created } = resolveTopicNames(names, await ports.topics.list());
  if (created.length > 0) await ports.topics.insertMissing(created);
  return slugs;
}

export interface RenameTopic {
  slug: string;
  name: string;
  nameEs: string | null;
}

/** Names a topic in English and Spanish; its slug, hence its URL, stays. */
export async function renameTopic(ports: TopicPorts, command: RenameTopic): Promise<Change<Topic>> {
  const topic = await ports.topics.rename(command.slug, { name: command.name, nameEs: command.nameEs });
  if (!topic) throw new DomainError('NOT_FOUND', 'This topic no longer exists');
  return change(
    topic,
    {
      action: 'topic.rename',
      resourceType: 'topic',
      resourceId: topic.slug,
      summary: `Named the topic ${topic.slug} “${topic.name}”${topic.nameEs ? ` / “${topic.nameEs}”` : ''}`,
    },
    ['news', 'pages', 'partner-items'],
  );
}
