// Articles through the admin API with a real session: create (slug generated, topics created on the fly, alt text
// required with an image), edit with the version check, preview with the site's renderer, and transitions.
import { findArticleBySlug } from '@ayni/db';
import { fixedClock } from '@ayni/domain';
import { describe, expect, it } from 'vitest';
import { ownerApiForThisFile } from './testing/owner-api.js';

const clock = fixedClock('2026-11-27T12:00:00.000Z');
const { s, api } = ownerApiForThisFile(clock);

describe('articles in the admin API', () => {
  it('creates a draft with a generated slug and topics created on the fly', async () => {
    const { id, version } = await api().articles.create({
      kind: 'news',
      language: 'es',
      title: 'Esterilización forzada',
      summary: 'Resumen',
      body: '## Testimonios\n\nTexto',
      topics: ['Derechos humanos', 'Mujeres'],
    });
    expect(version).toBe(1);
    const a = await api().articles.get({ id });
    expect(a).toMatchObject({
      slug: 'esterilizacion-forzada',
      status: 'draft',
      topics: ['derechos-humanos', 'mujeres'],
      allowedActions: ['publish', 'schedule', 'archive'],
    });
    expect((await api().articles.topics()).map((x) => x.name)).toEqual(['Derechos humanos', 'Mujeres']);
    const again = await api().articles.create({
      kind: 'news',
      language: 'es',
      title: 'Esterilización forzada',
      summary: '',
      body: '',
      topics: [],
    });
    expect((await api().articles.get({ id: again.id })).slug).toBe('esterilizacion-forzada-2');
  });

  it('requires alt text with an image and refuses reserved or taken slugs, naming the field', async () => {
    const noAlt = await api()
      .articles.create({
        kind: 'news',
        language: 'en',
        title: 'Image',
        summary: '',
        body: '',
        topics: [],
        featuredImage: { url: 'https://example.org/a.jpg', alt: '' },
      })
      .catch((e: unknown) => e);
    expect(noAlt).toMatchObject({
      code: 'BAD_REQUEST',
      message: 'Describe the image for people who cannot see it',
    });
    await expect(
      api().articles.create({
        kind: 'news',
        language: 'en',
        title: 'Feed',
        slug: 'feed.xml',
        summary: '',
        body: '',
        topics: [],
      }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await api().articles.create({
      kind: 'news',
      language: 'en',
      title: 'One',
      slug: 'one',
      summary: '',
      body: '',
      topics: [],
    });
    await expect(
      api().articles.create({
        kind: 'news',
        language: 'en',
        title: 'Two',
        slug: 'one',
        summary: '',
        body: '',
        topics: [],
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'Another en article already uses the slug "one"' });
  });

  it('refuses a save based on a stale version, keeping the other editor’s work', async () => {
    const { id } = await api().articles.create({
      kind: 'news',
      language: 'en',
      title: 'Shared',
      summary: '',
      body: 'v1',
      topics: [],
    });
    await api().articles.update({
      id,
      version: 1,
      kind: 'news',
      language: 'en',
      title: 'Shared',
      summary: '',
      body: 'first editor',
      topics: [],
    });
    await expect(
      api().articles.update({
        id,
        version: 1,
        kind: 'news',
        language: 'en',
        title: 'Shared',
        summary: '',
        body: 'second editor',
        topics: [],
      }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'This article was changed by someone else since you opened it. Reload to see their changes.',
    });
    expect((await api().articles.get({ id })).body).toBe('first editor');
  });

  it('previews Markdown with the site’s sanitising renderer', async () => {
    expect(await api().articles.preview({ body: '## Hi\n\n<script>alert(1)</script>' })).toEqual({
      html: '<h2>Hi</h2>\n<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n',
    });
  });

  it('publishes, schedules only in the future, and keeps the old URL after a slug change', async () => {
    const { id } = await api().articles.create({
      kind: 'news',
      language: 'en',
      title: 'Vigil report',
      summary: '',
      body: '',
      topics: [],
    });
    await expect(
      api().articles.transition({ id, version: 1, action: 'schedule', at: '2026-11-27T11:00:00Z' }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    const published = await api().articles.transition({ id, version: 1, action: 'publish' });
    expect(published.status).toBe('published');
    await api().articles.update({
      id,
      version: published.version,
      kind: 'news',
      language: 'en',
      title: 'Vigil report',
      slug: 'vigil-in-lima',
      summary: '',
      body: '',
      topics: [],
    });
    expect(await findArticleBySlug(s().t.db, 'en', 'vigil-report')).toMatchObject({
      currentSlug: 'vigil-in-lima',
      redirected: true,
    });
    const { entries } = await api().audit.list({ resourceType: 'article' });
    expect(entries[0]?.summary).toBe('Edited “Vigil report” (slug)');
    expect(entries[1]?.summary).toBe('Published “Vigil report”');
  });

  it('says in the audit log when a scheduled article will go out, on the organisation’s clock', async () => {
    const schedule = async (title: string, at: string) => {
      const { id } = await api().articles.create({
        kind: 'news',
        language: 'en',
        title,
        summary: '',
        body: '',
        topics: [],
      });
      const scheduled = await api().articles.transition({ id, version: 1, action: 'schedule', at });
      expect(scheduled).toEqual({ id, version: 2, status: 'scheduled' });
      const { entries } = await api().audit.list({ resourceType: 'article', limit: 1 });
      return entries[0]?.summary;
    };
    // Europe/London (the default) in summer: 09:00 UTC is 10:00 BST.
    expect(await schedule('Summer vigil', '2027-07-08T09:00:00Z')).toBe(
      'Scheduled “Summer vigil” for 8 Jul 2027, 10:00',
    );
    const settings = await api().settings.get();
    await api().settings.update({ ...settings, timeZone: 'America/Lima' });
    expect(await schedule('Lima vigil', '2027-07-08T09:00:00Z')).toBe(
      'Scheduled “Lima vigil” for 8 Jul 2027, 04:00',
    );
  });
});
