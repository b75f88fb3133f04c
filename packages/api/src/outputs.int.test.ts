// Every read of the admin, on the demo content, answers with what its `.output()` declares (a procedure whose result
// does not match fails with "Output validation failed"), and a few writes no other test makes. On SQLite, and on
// PostgreSQL with TEST_POSTGRES_URL.
import { randomIds, seedDemo } from '@ayni/db';
import { fixedClock } from '@ayni/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { ownerApiForThisFile } from './testing/owner-api.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
const { s, api } = ownerApiForThisFile(clock);

beforeAll(async () => {
  await seedDemo(s().t.db, { clock, ids: randomIds });
});

describe('what the admin reads, on the demo content', () => {
  it('lists articles a page at a time, each with its author and translation, and opens one', async () => {
    const first = await api().articles.list({ limit: 3 });
    expect(first.articles).toHaveLength(3);
    expect(first.nextCursor).not.toBeNull();
    const second = await api().articles.list({ limit: 3, cursor: first.nextCursor! });
    expect(second.articles.map((a) => a.id)).not.toContain(first.articles[0]!.id);
    const translated = (await api().articles.list({ language: 'es', limit: 100 })).articles.find(
      (a) => a.translation,
    );
    expect(translated?.translation?.language).toBe('en');
    const detail = await api().articles.get({ id: translated!.id });
    expect(detail).toMatchObject({ id: translated!.id, status: 'published' });
    expect(detail.publicUrl).toMatch(/^http:\/\/localhost:3000\/es\//);
    expect(detail.translation?.id).toBe(translated!.translation!.id);
  });

  it('offers topics, authors and translation candidates to the editor', async () => {
    expect((await api().articles.topics()).map((t) => t.slug)).toContain('human-rights');
    expect(await api().articles.authors()).toEqual([{ id: s().owner.userId, name: 'Rosa' }]);
    const candidates = await api().articles.translationCandidates({ language: 'es' });
    expect(candidates.length).toBeGreaterThan(0);
    expect(Object.keys(candidates[0]!).sort()).toEqual(['id', 'slug', 'title']);
    expect((await api().topics.list()).find((t) => t.slug === 'human-rights')?.articles).toBeGreaterThan(0);
  });

  it('reads the dashboard, the jobs, the messages, the feeds, the settings, the staff and the audit log', async () => {
    const dashboard = await api().dashboard.summary();
    expect(dashboard.articles.published).toBeGreaterThan(0);
    expect(dashboard.worker).toEqual({ lastSeenAt: null, running: false });
    const jobs = await api().jobs.overview();
    expect(jobs.schedules.length).toBeGreaterThan(0);
    expect(jobs.schedules.every((x) => x.when !== '' && x.title !== '')).toBe(true);
    expect((await api().messages.list({})).nextCursor).toBeNull();
    expect(await api().partnerFeeds.list()).toEqual([]);
    expect((await api().settings.get()).organisationName).toBe('Andes Solidarity Network');
    expect((await api().staff.list()).staff.map((p) => p.email)).toEqual(['rosa@example.org']);
    expect(await api().setup.status()).toEqual({ needsSetup: false });
    expect((await api().account.me()).permissions).toContain('audit:view');
    const { entries } = await api().audit.list({ section: 'staff' });
    expect(entries.map((e) => [e.actorName, e.section, e.summary])).toEqual([
      ['Rosa', 'staff', 'Created the owner account for rosa@example.org at first run'],
    ]);
  });
});

describe('writes no other test makes', () => {
  it('withdraws an invitation, and the Staff page no longer lists it', async () => {
    const invitation = await api().staff.invite({ email: 'mia@example.org', role: 'membership' });
    expect(invitation).toMatchObject({ email: 'mia@example.org', role: 'membership' });
    expect((await api().staff.list()).invitations.map((i) => [i.email, i.state])).toEqual([
      ['mia@example.org', 'pending'],
    ]);
    expect(await api().staff.revokeInvitation({ invitationId: invitation.id })).toEqual({ ok: true });
    expect((await api().staff.list()).invitations).toEqual([]);
    const { entries } = await api().audit.list({ section: 'staff', limit: 2 });
    expect(entries.map((e) => e.summary)).toEqual([
      'Withdrew the invitation to mia@example.org',
      'Invited mia@example.org as membership secretary',
    ]);
  });

  it('asks for a feed to be fetched now', async () => {
    const feed = await api().partnerFeeds.create({
      url: 'https://partner.example/feed.xml',
      name: 'Partner news',
      language: 'es',
      topics: [],
    });
    expect(feed).toMatchObject({ name: 'Partner news', health: 'waiting', itemCount: null });
    const fetched = await api().partnerFeeds.fetchNow({ id: feed.id });
    expect(fetched).toMatchObject({ id: feed.id, health: 'waiting', nextFetchAt: clock.now() });
    expect((await api().partnerFeeds.get({ id: feed.id })).items).toEqual([]);
  });
});
