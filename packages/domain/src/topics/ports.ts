// What the topics use cases need from storage; packages/db implements it (topicRepository).
import type { Topic } from './schema.js';

export interface TopicRepository {
  list(): Promise<Topic[]>;
  /** Adds topics that do not exist yet; an existing slug keeps its names. */
  insertMissing(topics: readonly Topic[]): Promise<void>;
  /** Sets both names; null when no topic has that slug. */
  rename(slug: string, names: { name: string; nameEs: string | null }): Promise<Topic | null>;
}
