// Partner feeds through the admin API with a real session: add (a fetch is queued at once), refuse bad or repeated
// addresses naming the field, pause/resume/fetch now, and turn an item into a draft that credits the source —
// once. Also topic names in both languages.
import { findArticleById, randomIds, recordPartnerFeedFetched } from '@ayni/db';
import { fixedClock } from '@ayni/domain';
import { describe, expect, it } from 'vitest';
import { ownerApiForThisFile } from './testing/owner-api.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
const { s, api } = ownerApiForThisFile(clock);

describe('partner feeds in the admin API', () => {
  it('adds a feed, queues its first fetch and refuses a bad or repeated address, naming the field', async () => {
    const before = (await s().queue.queued(100)).filter((j) => j.name === 'partner-feed.fetch').length;
    const feed = await api().partnerFeeds.create({
      url: 'https://red-andina.example/feed.xml',
      name: 'Red Andina',
      language: 'es',
      topics: ['Minería'],
    });
    expect(feed).toMatchObject({ health: 'waiting', topics: ['mineria'], itemCount: null });
    expect((await s().queue.queued(100)).filter((j) => j.name === 'partner-feed.fetch')).toHaveLength(
      before + 1,
    );

    const repeated = await api()
      .partnerFeeds.create({
        url: 'https://red-andina.example/feed.xml',
        name: 'Again',
        language: 'es',
        topics: [],
      })
      .catch((e: unknown) => e);
    expect(repeated).toMatchObject({
      code: 'CONFLICT',
      message: 'A partner feed with this address already exists',
      cause: { field: 'url' },
    });
    const bad = await api()
      .partnerFeeds.create({ url: 'file:///etc/passwd', name: 'Bad', language: 'en', topics: [] })
      .catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'BAD_REQUEST' });
    expect((bad as { cause: { issues: { path: string[]; message: string }[] } }).cause.issues).toEqual([
      expect.objectContaining({ path: ['url'], message: 'Feed address must start with http:// or https://' }),
    ]);

    const paused = await api().partnerFeeds.pause({ id: feed.id });
    expect(paused.health).toBe('paused');
    const resumed = await api().partnerFeeds.resume({ id: feed.id });
    expect(resumed.health).toBe('waiting');
    const list = await api().partnerFeeds.list();
    expect(list.map((f) => f.name)).toContain('Red Andina');
    const log = await s()
      .t.db.selectFrom('audit_log')
      .select('action')
      .where('resource_id', '=', feed.id)
      .execute();
    expect(log.map((l) => l.action).sort()).toEqual(['feed.create', 'feed.pause', 'feed.resume']);
  });

  it('turns an item into a draft crediting the source, once', async () => {
    const feed = await api().partnerFeeds.create({
      url: 'https://derechos.example/rss',
      name: 'Derechos Ya',
      language: 'es',
      topics: ['Derechos humanos'],
    });
    await recordPartnerFeedFetched(
      s().t.db,
      feed.id,
      feed.url,
      {
        etag: null,
        lastModified: null,
        items: [
          {
            key: 'item-1',
            link: 'https://derechos.example/noticias/1',
            title: 'Audiencia en Cusco',
            summary: 'La audiencia fue aplazada.',
            author: 'Rosa Quispe',
            publishedAt: new Date('2026-11-20T10:00:00Z'),
          },
        ],
        warnings: [],
      },
      { now: clock.now(), newId: randomIds.id },
    );
    const { items } = await api().partnerFeeds.get({ id: feed.id });
    const first = await api().partnerFeeds.makeDraft({ itemId: items[0]!.id });
    expect(first.created).toBe(true);
    const draft = await findArticleById(s().t.db, first.articleId);
    expect(draft).toMatchObject({
      status: 'draft',
      language: 'es',
      title: 'Audiencia en Cusco',
      topics: ['derechos-humanos'],
    });
    expect(draft!.body).toContain(
      'Fuente: [Derechos Ya](<https://derechos.example/noticias/1>), por Rosa Quispe',
    );
    const second = await api().partnerFeeds.makeDraft({ itemId: items[0]!.id });
    expect(second).toEqual({ articleId: first.articleId, created: false });
    expect((await api().partnerFeeds.get({ id: feed.id })).items[0]!.draftArticleId).toBe(first.articleId);
  });

  it('makes one draft when two clicks arrive at once', async () => {
    const feed = await api().partnerFeeds.create({
      url: 'https://twice.example/rss',
      name: 'Twice',
      language: 'en',
      topics: [],
    });
    await recordPartnerFeedFetched(
      s().t.db,
      feed.id,
      feed.url,
      {
        etag: null,
        lastModified: null,
        items: [
          {
            key: 'twice-1',
            link: 'https://twice.example/1',
            title: 'Clicked twice',
            summary: '',
            author: null,
            publishedAt: new Date('2026-11-20T10:00:00Z'),
          },
        ],
        warnings: [],
      },
      { now: clock.now(), newId: randomIds.id },
    );
    const { items } = await api().partnerFeeds.get({ id: feed.id });
    const results = await Promise.all([
      api().partnerFeeds.makeDraft({ itemId: items[0]!.id }),
      api().partnerFeeds.makeDraft({ itemId: items[0]!.id }),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results[0]!.articleId).toBe(results[1]!.articleId);
    const drafts = await s()
      .t.db.selectFrom('articles')
      .select('id')
      .where('title', '=', 'Clicked twice')
      .execute();
    expect(drafts).toHaveLength(1);
  });
});

describe('topic names', () => {
  it('names a topic in both languages, and refuses an empty English name', async () => {
    await api().articles.create({
      kind: 'news',
      language: 'en',
      title: 'T',
      summary: '',
      body: '',
      topics: ['Water'],
    });
    const topic = await api().topics.rename({ slug: 'water', name: 'Water', nameEs: 'Agua' });
    expect(topic).toEqual({ slug: 'water', name: 'Water', nameEs: 'Agua' });
    const cleared = await api().topics.rename({ slug: 'water', name: 'Water', nameEs: '' });
    expect(cleared.nameEs).toBeNull();
    await expect(api().topics.rename({ slug: 'water', name: ' ', nameEs: '' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'English name is required',
    });
  });
});
