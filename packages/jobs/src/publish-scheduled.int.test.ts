// Scheduled publishing: the sweep publishes every article whose time has passed, once, even when two sweeps run
// at the same time; articles not yet due stay scheduled.
import { findArticleById, insertArticle, randomIds, saveSettings, updateArticle } from '@ayni/db';
import { createTestDatabase, type TestDatabase } from '@ayni/db/testing';
import { articleInputSchema, fixedClock, newArticle, transitionArticle } from '@ayni/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobContext } from './define.js';
import { publishScheduledArticles } from './publish-scheduled.js';
import { outboxMailer, silentLogger } from './testing/helpers.js';

let t: TestDatabase;
const clock = fixedClock('2026-11-27T09:00:00.000Z');

beforeAll(async () => {
  t = await createTestDatabase();
  // The audit entry says the scheduled moment in the organisation's zone (Lima: UTC−5).
  await saveSettings(t.db, { timeZone: 'America/Lima' });
});
afterAll(async () => {
  await t?.cleanup();
});

async function scheduled(title: string, at: string) {
  const draft = newArticle(articleInputSchema.parse({ language: 'en', title, body: 'Text' }), {
    clock,
    ids: randomIds,
  });
  await insertArticle(t.db, draft);
  const s = transitionArticle(draft, 'schedule', clock, { at: new Date(at) });
  await updateArticle(t.db, s);
  return s;
}

const ctx = (): JobContext => ({
  jobId: 'sweep',
  attempt: 1,
  db: t.db,
  dialect: t.dialect,
  clock,
  logger: silentLogger,
  queue: null as never,
  services: { mailer: outboxMailer() },
});

describe('publishing scheduled articles', () => {
  it('publishes what is due, once, even with two sweeps at once', async () => {
    const due = await scheduled('Due at ten', '2026-11-27T10:00:00.000Z');
    const later = await scheduled('Due at noon', '2026-11-27T12:00:00.000Z');
    clock.set('2026-11-27T10:00:30.000Z');
    await Promise.all([publishScheduledArticles.sweep(ctx()), publishScheduledArticles.sweep(ctx())]);
    expect(await findArticleById(t.db, due.id)).toMatchObject({
      status: 'published',
      publishedAt: new Date('2026-11-27T10:00:30.000Z'),
      version: due.version + 1,
    });
    expect((await findArticleById(t.db, later.id))?.status).toBe('scheduled');
    const audits = await t.db
      .selectFrom('audit_log')
      .select(['action', 'summary'])
      .where('resource_id', '=', due.id)
      .execute();
    expect(audits).toEqual([
      {
        action: 'article.publish',
        summary: 'Published “Due at ten” as scheduled for 27 Nov 2026, 05:00',
      },
    ]);
    await publishScheduledArticles.sweep(ctx());
    expect((await findArticleById(t.db, due.id))?.version).toBe(due.version + 1);
  });
});
