// What the topics use cases need from storage; packages/db implements it (topicRepository).
import type { Topic, TopicUsage } from './schema.js';

export interface TopicRepository {
  list(): Promise<Topic[]>;
  /** Adds topics that do not exist yet; an existing slug keeps its names. */
  insertMissing(topics: readonly Topic[]): Promise<void>;
  /** Sets both names; null when no topic has that slug. */
  rename(slug: string, names: { name: string; nameEs: string | null }): Promise<Topic | null>;
  /** How many articles and partner feeds carry each topic (topics carried by nothing are absent). */
  usage(): Promise<Map<string, TopicUsage>>;
  /** Moves every link to `from` onto `into` (once each) and deletes `from`. */
  merge(from: string, into: string): Promise<void>;
  /** Deletes a topic nothing links to. */
  remove(slug: string): Promise<void>;
}
