// The topics use cases: resolving what an editor typed (used by articles, partner feeds and campaigns, and next
// by events), and what staff do on the Topics page: create, name in both languages, merge, delete.
import { change, type Change, type SitePart } from '../shared/change.js';
import { DomainError } from '../shared/errors.js';
import { listInWords } from '../shared/text.js';
import type { TopicRepository } from './ports.js';
import { resolveTopicNames } from './rules.js';
import type { Topic, TopicUsage, TopicWithUsage } from './schema.js';

/** A topic shows wherever what carries it shows: news and pages, partner items and campaigns. */
const topicParts: readonly SitePart[] = ['news', 'pages', 'partner-items', 'campaigns'];

const unused: TopicUsage = { articles: 0, feeds: 0, campaigns: 0 };

const counted = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;

/** "3 articles, 1 feed and 2 campaigns". */
function usageInWords(usage: TopicUsage): string {
  return listInWords([
    counted(usage.articles, 'article'),
    counted(usage.feeds, 'feed'),
    counted(usage.campaigns, 'campaign'),
  ]);
}

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
    topicParts,
  );
}

export async function listTopicsWithUsage(ports: TopicPorts): Promise<TopicWithUsage[]> {
  const [topics, usage] = await Promise.all([ports.topics.list(), ports.topics.usage()]);
  return topics.map((t) => ({ ...t, ...(usage.get(t.slug) ?? unused) }));
}

async function existing(ports: TopicPorts, slug: string): Promise<Topic> {
  const topic = (await ports.topics.list()).find((t) => t.slug === slug);
  if (!topic) throw new DomainError('NOT_FOUND', 'This topic no longer exists');
  return topic;
}

/** A new topic, before anything carries it; a name an existing topic already answers to is refused. */
export async function createTopic(
  ports: TopicPorts,
  command: { name: string; nameEs: string | null },
): Promise<Change<Topic>> {
  const known = await ports.topics.list();
  const { slugs, created } = resolveTopicNames([command.name], known);
  const same = known.find((t) => t.slug === slugs[0]);
  if (same || created.length === 0) {
    throw new DomainError(
      'CONFLICT',
      same
        ? `There is already a topic called “${same.name}”.`
        : 'The English name needs a letter or a digit.',
      { field: 'name' },
    );
  }
  const topic: Topic = { ...created[0]!, nameEs: command.nameEs };
  await ports.topics.insertMissing([topic]);
  return change(topic, {
    action: 'topic.create',
    resourceType: 'topic',
    resourceId: topic.slug,
    summary: `Created the topic “${topic.name}”${topic.nameEs ? ` / “${topic.nameEs}”` : ''}`,
  });
}

/** Everything that carries `from` carries `into` instead, and `from` goes (its address stops answering). */
export async function mergeTopics(
  ports: TopicPorts,
  command: { from: string; into: string },
): Promise<Change<Topic>> {
  if (command.from === command.into) {
    throw new DomainError('VALIDATION', 'Choose another topic to merge into.', { field: 'into' });
  }
  const [from, into] = [await existing(ports, command.from), await existing(ports, command.into)];
  const usage = (await ports.topics.usage()).get(from.slug) ?? unused;
  await ports.topics.merge(from.slug, into.slug);
  return change(
    into,
    {
      action: 'topic.merge',
      resourceType: 'topic',
      resourceId: into.slug,
      summary: `Merged the topic “${from.name}” into “${into.name}” (${usageInWords(usage)})`,
    },
    topicParts,
  );
}

/** Deletes a topic nothing carries; one still in use is merged instead, so nothing loses its topic. */
export async function deleteTopic(ports: TopicPorts, command: { slug: string }): Promise<Change<Topic>> {
  const topic = await existing(ports, command.slug);
  const usage = (await ports.topics.usage()).get(topic.slug);
  if (usage && usage.articles + usage.feeds + usage.campaigns > 0) {
    throw new DomainError(
      'CONFLICT',
      `“${topic.name}” is still given to ${usageInWords(usage)}: merge it into another topic instead.`,
    );
  }
  await ports.topics.remove(topic.slug);
  return change(topic, {
    action: 'topic.delete',
    resourceType: 'topic',
    resourceId: topic.slug,
    summary: `Deleted the unused topic “${topic.name}”`,
  });
}
