// Events and their registrations through the admin API with real sessions: create (a draft, in two languages, its
// zone and facts), edit on the copy opened (STALE_VERSION otherwise), publish, reschedule and cancel (each audited;
// the last two queue one fan-out each), the list's tabs, the registrations list (positions, search, access needs
// only for a role with event:access-needs), check-in, and the CSV export (audited with the filter; access needs
// only when asked and allowed; refused to a viewer; hostile text inert). SQLite by default, PostgreSQL with
// TEST_POSTGRES_URL.
import { findEventById, insertRegistration, listAudit } from '@ayni/db';
import { aRegistration } from '@ayni/db/testing';
import { fixedClock, type EventEditInput } from '@ayni/domain';
import { eventChangeEmailsJob } from '@ayni/jobs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ownerApiForThisFile } from './testing/owner-api.js';

const clock = fixedClock('2026-12-05T12:00:00.000Z');
const { s, api } = ownerApiForThisFile(clock);

const input = (over: Partial<EventEditInput> = {}): EventEditInput => ({
  translations: {
    en: { title: 'Vigil for Cusco', summary: 'Candles at six', body: '' },
    es: { title: 'Vigilia por Cusco', summary: '', body: '' },
  },
  startsAt: '2027-03-30T17:00:00.000Z',
  endsAt: '2027-03-30T19:00:00.000Z',
  timeZone: 'Europe/London',
  venue: { name: 'Friends House', address: '173 Euston Road, London' },
  onlineUrl: '',
  accessibilityFacts: ['hearing-loop', 'step-free'],
  capacity: 2,
  campaignId: '',
  ...over,
});

const fanOuts = async () =>
  (await s().queue.counts()).find((c) => c.name === eventChangeEmailsJob.name)?.queued ?? 0;

describe('events through the API', () => {
  let id = '';
  let updatedAt = new Date(0);

  it('creates a draft, saves it on the copy opened only, and lists it under drafts', async () => {
    const created = await api().events.create(input());
    id = created.id;
    expect(created).toMatchObject({ status: 'draft', sequence: 0 });
    const detail = await api().events.get({ id });
    expect(detail.accessibilityFacts).toEqual(['step-free', 'hearing-loop']);
    expect(detail.translations.es?.slug).toBe('vigilia-por-cusco');
    expect(detail.campaignId).toBeNull();
    const saved = await api().events.update({ ...input({ capacity: 3 }), id, updatedAt: created.updatedAt });
    updatedAt = saved.updatedAt;
    await expect(
      api().events.update({ ...input({ capacity: 4 }), id, updatedAt: created.updatedAt }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const drafts = await api().events.list({ tab: 'drafts' });
    expect(drafts.events.map((e) => e.id)).toEqual([id]);
    expect((await api().events.list({ tab: 'upcoming' })).events).toEqual([]);
  });

  it('names the field of a bad value', async () => {
    await expect(
      api().events.create(input({ registrationMode: 'elsewhere', registrationUrl: '' })),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('publishes, reschedules and cancels, each audited; the last two queue one fan-out each', async () => {
    const published = await api().events.publish({ id, updatedAt });
    expect(published).toMatchObject({ status: 'published', sequence: 1 });
    expect((await api().events.list({ tab: 'upcoming' })).events.map((e) => e.id)).toEqual([id]);
    const moved = await api().events.reschedule({
      id,
      updatedAt: published.updatedAt,
      startsAt: new Date('2027-04-06T17:00:00.000Z'),
      endsAt: new Date('2027-04-06T19:00:00.000Z'),
    });
    expect(moved).toMatchObject({ status: 'rescheduled', sequence: 2 });
    expect(moved.previousStartsAt?.toISOString()).toBe('2027-03-30T17:00:00.000Z');
    expect(await fanOuts()).toBe(1);
    updatedAt = moved.updatedAt;
    const audit = await listAudit(s().t.db, { limit: 10 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['event.create', 'event.update', 'event.publish', 'event.reschedule']),
    );
    expect(audit.find((a) => a.action === 'event.reschedule')?.summary).toBe(
      'Rescheduled the event “Vigil for Cusco” from 30 Mar 2027, 18:00 to 6 Apr 2027, 18:00 (Europe/London); everyone registered is emailed',
    );
  });

  describe('registrations', () => {
    it('lists them in arrival order with waitlist positions; access needs only for a role allowed to read them', async () => {
      const reg = (name: string, minute: number, over: Parameters<typeof aRegistration>[2] = {}) =>
        insertRegistration(
          s().t.db,
          aRegistration(name, id, { name, createdAt: new Date(Date.UTC(2026, 11, 2, 10, minute)), ...over }),
        );
      await reg('ana', 1, { accessNeeds: 'A seat near the door' });
      await reg('=HYPERLINK("http://x")', 2, {
        email: 'hostile@example.org',
        canonicalEmail: 'hostile@example.org',
      });
      await reg('cai', 3, { status: 'waitlisted' });
      await reg('dee', 4, { status: 'waitlisted' });
      const list = await api().registrations.list({ eventId: id });
      expect(list.registrations.map((r) => [r.name, r.status, r.position])).toEqual([
        ['ana', 'confirmed', null],
        ['=HYPERLINK("http://x")', 'confirmed', null],
        ['cai', 'waitlisted', 1],
        ['dee', 'waitlisted', 2],
      ]);
      expect(list.registrations[0]!.accessNeeds).toBe('A seat near the door');
      expect((await api().registrations.list({ eventId: id, q: 'DEE' })).registrations).toHaveLength(1);
      expect(await api().registrations.counts({ eventId: id })).toEqual({
        pending: 0,
        confirmed: 2,
        waitlisted: 2,
        cancelled: 0,
      });
      const viewer = await s().sessionFor('viewer');
      const seen = await s().as(viewer).registrations.list({ eventId: id });
      expect(seen.registrations[0]!.accessNeeds).toBeNull();
      expect((await s().as(viewer).registrations.checkInList({ eventId: id }))[0]!.accessNeeds).toBeNull();
    });

    it('checks someone in (a viewer may not); the check-in list is everyone confirmed', async () => {
      const ana = (await api().registrations.list({ eventId: id, q: 'ana' })).registrations[0]!;
      const checked = await api().registrations.checkIn({ id: ana.id });
      expect(checked.checkedInAt?.toISOString()).toBe('2026-12-05T12:00:00.000Z');
      expect((await api().registrations.checkInList({ eventId: id })).map((r) => r.name)).toEqual([
        'ana',
        '=HYPERLINK("http://x")',
      ]);
      const viewer = await s().sessionFor('editor');
      await expect(s().as(viewer).registrations.checkIn({ id: ana.id })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    });

    it('exports the CSV (audited with the filter), access needs only when asked; hostile cells inert', async () => {
      const plain = await api().registrations.export({ eventId: id });
      const rows = parse(plain.csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<string, string>[];
      expect(plain.fileName).toBe('registrations-vigil-for-cusco-2026-12-05.csv');
      expect(Object.keys(rows[0]!)).not.toContain('Access needs');
      expect(rows.map((r) => [r['Name'], r['Status'], r['Waitlist position']])).toEqual([
        ['ana', 'Confirmed', ''],
        [`'=HYPERLINK("http://x")`, 'Confirmed', ''],
        ['cai', 'Waitlist', '1'],
        ['dee', 'Waitlist', '2'],
      ]);
      expect(plain.csv).not.toContain('A seat near the door');
      const withNeeds = await api().registrations.export({
        eventId: id,
        status: 'confirmed',
        accessNeeds: true,
      });
      const needs = parse(withNeeds.csv.replace(/^\uFEFF/, ''), { columns: true }) as Record<
        string,
        string
      >[];
      expect(needs.map((r) => r['Access needs'])).toEqual(['A seat near the door', '']);
      const audit = await listAudit(s().t.db, { limit: 5 });
      expect(audit.filter((a) => a.action === 'event.registration.export').map((a) => a.summary)).toEqual([
        'Exported 2 registrations for “Vigil for Cusco” as CSV (status confirmed), with access needs',
        'Exported 4 registrations for “Vigil for Cusco” as CSV, without access needs',
      ]);
    });

    it('refuses the export to a viewer, and the access needs to a role without event:access-needs', async () => {
      const viewer = await s().sessionFor('membership');
      await expect(
        s().as(viewer).registrations.export({ eventId: id, accessNeeds: true }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      expect((await s().as(viewer).registrations.export({ eventId: id })).rows).toBe(4);
      const reader = await s().sessionFor('campaigner');
      expect((await s().as(reader).registrations.export({ eventId: id, accessNeeds: true })).rows).toBe(4);
    });
  });

  it('gives a waitlisted person a free place by hand, and cancels a registration (both audited)', async () => {
    const waiting = async () =>
      (await api().registrations.list({ eventId: id, status: 'waitlisted' })).registrations.map((r) => [
        r.name,
        r.position,
      ]);
    // 3 places, 2 taken: the second in line can be given the free one.
    const dee = (await api().registrations.list({ eventId: id, q: 'dee' })).registrations[0]!;
    expect((await api().registrations.promote({ id: dee.id })).status).toBe('confirmed');
    expect(await waiting()).toEqual([['cai', 1]]);
    // Full now: no one else can be moved by hand.
    const cai = (await api().registrations.list({ eventId: id, q: 'cai' })).registrations[0]!;
    await expect(api().registrations.promote({ id: cai.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    // Cancelling Ana frees her place, which goes to the first in line.
    const ana = (await api().registrations.list({ eventId: id, q: 'ana' })).registrations[0]!;
    expect((await api().registrations.cancel({ id: ana.id })).status).toBe('cancelled');
    expect(await waiting()).toEqual([]);
    const audit = await listAudit(s().t.db, { limit: 5 });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(['event.registration.promote', 'event.registration.cancel']),
    );
  });

  it('cancels the event: the page status is cancelled and a second fan-out is queued', async () => {
    const off = await api().events.cancel({ id, updatedAt });
    expect(off.status).toBe('cancelled');
    expect((await findEventById(s().t.db, id))?.status).toBe('cancelled');
    expect(await fanOuts()).toBe(2);
  });
});
