// The upgrade test of 20261202_0010 (docs/decisions/0010-migrations-keep-data.md): a database at 0008 holding
// articles, topics, campaigns, milestones, signatures, events, registrations, members, jobs and the rest is migrated;
// every row is still there with its values, campaigns' and events' texts now in their translations. Runs on SQLite
// by default and on PostgreSQL when TEST_POSTGRES_URL is set.
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../errors.js';
import { migrateToLatest } from '../migrate.js';
import { countConfirmedSignatures, findCampaignBySlug } from '../repositories/campaigns.js';
import { findEventBySlug, listUpcomingEvents } from '../repositories/events.js';
import type { Database } from '../schema.js';
import { testDialect } from '../testing.js';
import * as old from '../testing/data-at-0008.js';
import { normaliseRows, prepareUpgrade, SQLITE_CLEAN, type UpgradeTest } from '../testing/upgrade.js';

let up: UpgradeTest;

beforeAll(async () => {
  up = await prepareUpgrade('20261202_0010_campaign_and_event_translations', old.fillAt0008);
  await up.migrateOnly();
});
afterAll(async () => {
  await up?.cleanup();
});

const typed = () => up.db as Kysely<Database>;

describe(`upgrading to 20261202_0010 on ${testDialect()}`, () => {
  it('leaves the database sound', async () => {
    if (up.dialect === 'sqlite') expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);
    // Every table other than the three whose columns moved holds exactly its old rows: signatures and
    // registrations (rebuilt on SQLite) included, with their campaign and event ids.
    expect(await up.changedTables()).toEqual(['campaign_milestones', 'campaigns', 'events']);
    expect(up.before.signatures).toHaveLength(old.signatures.length);
    expect(up.before.event_registrations).toHaveLength(old.registrations.length);
    expect(up.before.articles).toHaveLength(old.articles.length);
    if (up.dialect === 'sqlite') expect(up.before.jobs).toHaveLength(old.jobs.length);
  });

  it('keeps each campaign as one row, its texts and slug a translation in its old language', async () => {
    expect(await up.rows('campaigns')).toEqual(
      normaliseRows(
        old.campaigns.map(
          ({ slug: _s, language: _l, title: _t, summary: _u, body: _b, petition_text: _p, ...row }) => row,
        ),
      ),
    );
    expect(await up.rows('campaign_translations')).toEqual(
      normaliseRows(
        old.campaigns.map((c) => ({
          campaign_id: c.id,
          language: c.language,
          slug: c.slug,
          title: c.title,
          summary: c.summary,
          body: c.body,
          petition_text: c.petition_text,
        })),
      ),
    );
  });

  it('keeps each milestone, its texts in its campaign’s language', async () => {
    const languageOf = new Map(old.campaigns.map((c) => [c.id, c.language]));
    expect(await up.rows('campaign_milestones')).toEqual(
      normaliseRows(old.milestones.map(({ title: _t, description: _d, ...row }) => row)),
    );
    expect(await up.rows('campaign_milestone_translations')).toEqual(
      normaliseRows(
        old.milestones.map((m) => ({
          milestone_id: m.id,
          language: languageOf.get(m.campaign_id),
          title: m.title,
          description: m.description,
        })),
      ),
    );
  });

  it('keeps each event as one row, its texts and slug a translation in its old language', async () => {
    expect(await up.rows('events')).toEqual(
      normaliseRows(
        old.events.map(({ slug: _s, language: _l, title: _t, summary: _u, body: _b, ...row }) => row),
      ),
    );
    expect(await up.rows('event_translations')).toEqual(
      normaliseRows(
        old.events.map((e) => ({
          event_id: e.id,
          language: e.language,
          slug: e.slug,
          title: e.title,
          summary: e.summary,
          body: e.body,
        })),
      ),
    );
  });

  // Today's code reads and writes the latest schema: the rest runs after the later migrations too.
  describe('then migrated to the latest schema', () => {
    beforeAll(async () => {
      await migrateToLatest(up.db);
    });

    it('reads back through the repositories: slugs, petitions, milestones and counts as before', async () => {
      const campaign = await findCampaignBySlug(typed(), 'en', 'justice-for-sterilised-women');
      expect(campaign).toMatchObject({
        id: 'camp-en',
        status: 'active',
        petition: {
          target: 'The Foreign Secretary',
          signatureGoal: 1000,
          deadline: new Date('2026-11-30T23:59:00.000Z'),
        },
        translations: {
          en: {
            title: 'Justice for women sterilised without consent',
            petitionText: 'We call on the Foreign Secretary to raise reparations.',
          },
        },
      });
      expect(campaign?.translations.es).toBeUndefined();
      expect(campaign?.milestones.map((m) => [m.id, m.translations.en?.title, m.reached])).toEqual([
        ['ms-1', 'Petition launched', true],
        ['ms-2', '500 signatures', false],
      ]);
      expect(await countConfirmedSignatures(typed(), 'camp-en')).toBe(2);
      expect(await countConfirmedSignatures(typed(), 'camp-closed')).toBe(1);
      expect((await findCampaignBySlug(typed(), 'es', 'agua-para-puno'))?.petition).toBeNull();
      // A Spanish slug is not found in English.
      expect(await findCampaignBySlug(typed(), 'en', 'agua-para-puno')).toBeNull();

      const event = await findEventBySlug(typed(), 'es', 'charla-en-linea');
      expect(event).toMatchObject({
        id: 'ev-es',
        status: 'cancelled',
        onlineUrl: 'https://meet.example.org/abc',
      });
      const upcoming = await listUpcomingEvents(typed(), 'en', new Date('2026-11-27T12:00:00.000Z'));
      expect(upcoming.map((e) => [e.id, e.title, e.capacity])).toEqual([
        ['ev-en', 'Screening: the Quipu testimonies', 2],
      ]);
    });

    it('accepts the widened statuses and still refuses unknown ones', async () => {
      const signature = { ...old.signatures[0]!, confirmed_at: null };
      // Other people: since 20261203_0011 one person has one signature that is not rejected per campaign.
      for (const status of ['held', 'rejected']) {
        const email = `${status}@example.org`;
        await typed()
          .insertInto('signatures')
          .values({ ...signature, id: `sig-${status}`, status, email, canonical_email: email })
          .execute();
      }
      for (const status of ['pending']) {
        await typed()
          .insertInto('event_registrations')
          .values({
            ...old.registrations[0]!,
            id: `reg-${status}`,
            email: 'p@example.org',
            canonical_email: 'p@example.org',
            status,
          })
          .execute();
      }
      await typed().updateTable('events').set({ status: 'rescheduled' }).where('id', '=', 'ev-en').execute();
      await expect(
        typed().updateTable('events').set({ status: 'postponed' }).where('id', '=', 'ev-en').execute(),
      ).rejects.toThrow();
      await expect(
        typed()
          .insertInto('signatures')
          .values({ ...signature, id: 'sig-x', status: 'spam' })
          .execute(),
      ).rejects.toThrow();
    });

    it('keeps the constraints: one slug per language, one confirmed signature per person, foreign keys', async () => {
      const duplicateSlug = await typed()
        .insertInto('campaign_translations')
        .values({
          campaign_id: 'camp-en',
          language: 'es',
          slug: 'agua-para-puno',
          title: 'x',
          summary: '',
          body: '',
        })
        .execute()
        .catch((e: unknown) => e);
      expect(isUniqueViolation(duplicateSlug)).toBe(true);
      const secondConfirmed = await typed()
        .insertInto('signatures')
        .values({ ...old.signatures[0]!, id: 'sig-again', email: 'ANA@example.org' })
        .execute()
        .catch((e: unknown) => e);
      expect(isUniqueViolation(secondConfirmed)).toBe(true);
      await expect(
        typed()
          .insertInto('signatures')
          .values({ ...old.signatures[2]!, id: 'sig-orphan', campaign_id: 'no-such-campaign' })
          .execute(),
      ).rejects.toThrow();
      // Deleting a campaign still takes its signatures, milestones and texts with it.
      await typed().deleteFrom('campaigns').where('id', '=', 'camp-closed').execute();
      const left = await typed()
        .selectFrom('signatures')
        .select('id')
        .where('campaign_id', '=', 'camp-closed')
        .execute();
      expect(left).toEqual([]);
    });
  });
});
