// Organisation settings as key/value rows, read with defaults so a fresh database works.
import { randomBytes } from 'node:crypto';
import { defaultSettings, type Settings, type SettingsPorts, type SitePart } from '@ayni/domain';
import type { CompiledQuery, Kysely } from 'kysely';
import type { Database } from '../schema.js';

export async function getSettings(db: Kysely<Database>): Promise<Settings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const known = new Set(Object.keys(defaultSettings));
  const stored = Object.fromEntries(rows.filter((r) => known.has(r.key)).map((r) => [r.key, r.value]));
  return { ...defaultSettings, ...(stored as Partial<Settings>) };
}

const CONTENT_VERSION = 'content_version';

/** The settings key holding one part's version (`content_version:news`, …), beside the overall one. */
export function partVersionKey(part: SitePart): string {
  return `${CONTENT_VERSION}:${part}`;
}

/**
 * Marks that the parts of the public site in `parts` have changed. Written by the unit of work in the same
 * transaction as the change. The site's ETags and page cache read the overall version with one key lookup; each
 * part's own version is kept beside it so a cache can later drop only the pages that show that part.
 */
export async function markSiteChanged(db: Kysely<Database>, parts: readonly SitePart[]): Promise<void> {
  const value = `${Date.now().toString(36)}.${randomBytes(6).toString('base64url')}`;
  for (const key of [CONTENT_VERSION, ...new Set(parts)].map((k) =>
    k === CONTENT_VERSION ? k : partVersionKey(k as SitePart),
  )) {
    await db
      .insertInto('settings')
      .values({ key, value })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value }))
      .execute();
  }
}

/** The site reads this on every request it answers from its cache: the query is compiled once per database. */
const compiledContentVersion = new WeakMap<Kysely<Database>, CompiledQuery<{ value: string }>>();

export async function contentVersion(db: Kysely<Database>): Promise<string> {
  let query = compiledContentVersion.get(db);
  if (!query) {
    query = db.selectFrom('settings').select('value').where('key', '=', CONTENT_VERSION).compile();
    compiledContentVersion.set(db, query);
  }
  const { rows } = await db.executeQuery(query);
  return rows[0]?.value ?? '0';
}

export async function saveSettings(db: Kysely<Database>, changes: Partial<Settings>): Promise<void> {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: String(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
      .execute();
  }
}

/** The settings use case's port (packages/domain settings/service.ts) on a transaction. */
export function settingsRepository(db: Kysely<Database>): SettingsPorts {
  return { settings: { get: () => getSettings(db), save: (changes) => saveSettings(db, changes) } };
}
