// Organisation settings as key/value rows, read with defaults so a fresh database works.
import type { Kysely } from 'kysely';
import type { Database } from '../schema.js';

export interface OrganisationSettings {
  organisationName: string;
  postalAddress: string;
  siteUrl: string;
  defaultLanguage: 'en' | 'es';
  timeZone: string;
  contactEmail: string;
}

export const defaultSettings: OrganisationSettings = {
  organisationName: 'Ayni',
  postalAddress: '',
  siteUrl: 'http://localhost:3000',
  defaultLanguage: 'en',
  timeZone: 'Europe/London',
  contactEmail: '',
};

export async function getSettings(db: Kysely<Database>): Promise<OrganisationSettings> {
  const rows = await db.selectFrom('settings').selectAll().execute();
  const stored = Object.fromEntries(rows.map((r) => [r.key, r.value]));
  return { ...defaultSettings, ...(stored as Partial<OrganisationSettings>) };
}

export async function saveSettings(
  db: Kysely<Database>,
  changes: Partial<OrganisationSettings>,
): Promise<void> {
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) continue;
    await db
      .insertInto('settings')
      .values({ key, value: String(value) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(value) }))
      .execute();
  }
}
