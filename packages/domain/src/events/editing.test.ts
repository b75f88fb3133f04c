// The event editor's use cases against in-memory ports (the real ones are tested in packages/db and packages/api).
import { describe, expect, it } from 'vitest';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import { sequentialIds } from '../shared/ids.js';
import {
  cancelEvent,
  createEvent,
  publishEvent,
  rescheduleEvent,
  saveEventEdits,
  unpublishEvent,
  type EventEditingPorts,
} from './editing.js';
import type { EventChangeKind } from './ports.js';
import { eventEditSchema, type Event, type EventEditInput } from './schema.js';

let now = new Date('2026-12-04T10:00:00.000Z');
const clock: Clock = { now: () => new Date(now) };

function setUp() {
  const rows = new Map<string, Event>();
  const announced: { id: string; kind: EventChangeKind; sequence: number }[] = [];
  const filled: string[] = [];
  const reminders: string[] = [];
  const ports: EventEditingPorts = {
    events: {
      findById: async (id) => rows.get(id) ?? null,
      slugsLike: async (language, base) =>
        new Set(
          [...rows.values()]
            .map((e) => e.translations[language]?.slug)
            .filter((s): s is string => s === base || !!s?.startsWith(`${base}-`)),
        ),
      insert: async (e) => void rows.set(e.id, e),
      update: async (e, expected) => {
        if (rows.get(e.id)?.updatedAt.getTime() !== expected.getTime()) {
          throw new DomainError('STALE_VERSION', 'stale');
        }
        rows.set(e.id, e);
      },
      campaignExists: async (id) => id === 'campaign-1',
    },
    announcements: {
      changed: async (e, kind) => void announced.push({ id: e.id, kind, sequence: e.sequence }),
    },
    places: {
      fillFreedPlaces: async (e) => {
        filled.push(e.id);
        return 2;
      },
      followMove: async (e) => void reminders.push(e.id),
    },
    clock,
    ids: sequentialIds('ev'),
  };
  return { ports, rows, announced, filled, reminders };
}

const input = (over: Partial<EventEditInput> = {}): EventEditInput => ({
  translations: {
    en: { title: 'Vigil for Cusco', summary: 'Candles at six', body: 'Come.' },
    es: { title: 'Vigilia por Cusco', summary: '', body: '' },
  },
  startsAt: '2027-03-30T17:00:00.000Z',
  endsAt: '2027-03-30T19:00:00.000Z',
  timeZone: 'Europe/London',
  venue: { name: 'Friends Meeting House', address: '173 Euston Road, London' },
  onlineUrl: 'https://meet.example.org/vigil',
  accessibilityFacts: ['seating', 'step-free'],
  capacity: 40,
  campaignId: 'campaign-1',
  ...over,
});
const edit = (over: Partial<EventEditInput> = {}) => eventEditSchema.parse(input(over));

async function created(over: Partial<EventEditInput> = {}) {
  const s = setUp();
  const { result, audit, touches } = await createEvent(s.ports, { edit: edit(over) });
  return { ...s, event: result, audit, touches };
}

async function published(over: Partial<EventEditInput> = {}) {
  const s = await created(over);
  now = new Date(now.getTime() + 1000);
  const { result } = await publishEvent(s.ports, { id: s.event.id, expectedUpdatedAt: s.event.updatedAt });
  return { ...s, event: result };
}

describe('creating an event', () => {
  it('is a draft at sequence 0, slugs made from the titles, facts in the domain’s order, and audited', async () => {
    const { event, audit, touches } = await created();
    expect(event.status).toBe('draft');
    expect(event.sequence).toBe(0);
    expect(event.translations.en?.slug).toBe('vigil-for-cusco');
    expect(event.translations.es?.slug).toBe('vigilia-por-cusco');
    expect(event.accessibilityFacts).toEqual(['step-free', 'seating']);
    expect(event.campaignId).toBe('campaign-1');
    expect(audit).toEqual({
      action: 'event.create',
      resourceType: 'event',
      resourceId: event.id,
      summary:
        'Created the event “Vigil for Cusco” in English and Spanish, on 30 Mar 2027, 18:00 (Europe/London)',
    });
    expect(touches).toEqual([]);
  });

  it('picks a free slug when the title’s is taken, and refuses a campaign that does not exist', async () => {
    const s = await created();
    const second = await createEvent(s.ports, { edit: edit() });
    expect(second.result.translations.en?.slug).toBe('vigil-for-cusco-2');
    await expect(createEvent(s.ports, { edit: edit({ campaignId: 'gone' }) })).rejects.toMatchObject({
      code: 'VALIDATION',
      field: 'campaignId',
    });
  });

  it('keeps a registration link only when people register elsewhere', async () => {
    const { event } = await created({
      registrationMode: 'none',
      registrationUrl: 'https://tickets.example/x',
    });
    expect(event.registrationUrl).toBeNull();
  });
});

describe('saving an event', () => {
  it('a draft’s edits leave the sequence and touch nothing public', async () => {
    const { ports, event } = await created();
    const saved = await saveEventEdits(ports, {
      id: event.id,
      expectedUpdatedAt: event.updatedAt,
      edit: edit({ startsAt: '2027-03-31T17:00:00.000Z', endsAt: '2027-03-31T19:00:00.000Z' }),
    });
    expect(saved.result.sequence).toBe(0);
    expect(saved.result.startsAt.toISOString()).toBe('2027-03-31T17:00:00.000Z');
    expect(saved.audit?.summary).toBe('Edited the event “Vigil for Cusco” (times)');
    expect(saved.touches).toEqual([]);
  });

  it('on a published event: a text change raises the sequence once; a save without changes does not', async () => {
    const { ports, event } = await published();
    expect(event.sequence).toBe(1);
    const texts = input().translations!;
    const changed = await saveEventEdits(ports, {
      id: event.id,
      expectedUpdatedAt: event.updatedAt,
      edit: edit({ translations: { ...texts, en: { ...texts.en!, title: 'Vigil for Cusco, again' } } }),
    });
    expect(changed.result.sequence).toBe(2);
    expect(changed.touches).toEqual(['events']);
    // The slug stays what it was when the box is left empty.
    expect(changed.result.translations.en?.slug).toBe('vigil-for-cusco');
    const same = await saveEventEdits(ports, {
      id: event.id,
      expectedUpdatedAt: changed.result.updatedAt,
      edit: edit({ translations: { ...texts, en: { ...texts.en!, title: 'Vigil for Cusco, again' } } }),
    });
    expect(same.result.sequence).toBe(2);
    expect(same.audit?.summary).toBe('Edited the event “Vigil for Cusco, again” without changes');
    expect(same.touches).toEqual([]);
  });

  it('the venue and the online link raise the sequence; the capacity does not, and a larger one fills places', async () => {
    const { ports, event, filled } = await published();
    // Publishing gives the waitlist any places freed while the event was a draft.
    expect(filled).toEqual([event.id]);
    const venue = await saveEventEdits(ports, {
      id: event.id,
      expectedUpdatedAt: event.updatedAt,
      edit: edit({ onlineUrl: 'https://meet.example.org/other' }),
    });
    expect(venue.result.sequence).toBe(2);
    const bigger = await saveEventEdits(ports, {
      id: event.id,
      expectedUpdatedAt: venue.result.updatedAt,
      edit: edit({ onlineUrl: 'https://meet.example.org/other', capacity: 60 }),
    });
    expect(bigger.result.sequence).toBe(2);
    expect(filled).toEqual([event.id, event.id]);
    expect(bigger.audit?.summary).toBe(
      'Edited the event “Vigil for Cusco” (capacity); 2 from the waitlist given a place',
    );
    const smaller = await saveEventEdits(ports, {
      id: event.id,
      expectedUpdatedAt: bigger.result.updatedAt,
      edit: edit({ onlineUrl: 'https://meet.example.org/other', capacity: 10 }),
    });
    expect(smaller.result.capacity).toBe(10);
    expect(filled).toHaveLength(2);
  });

  it('refuses to move a published event by a save, and a save made on an old copy', async () => {
    const { ports, event } = await published();
    await expect(
      saveEventEdits(ports, {
        id: event.id,
        expectedUpdatedAt: event.updatedAt,
        edit: edit({ startsAt: '2027-03-30T18:00:00.000Z' }),
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION', field: 'startsAt' });
    await expect(
      saveEventEdits(ports, { id: event.id, expectedUpdatedAt: new Date(0), edit: edit() }),
    ).rejects.toMatchObject({ code: 'STALE_VERSION' });
  });
});

describe('publishing, cancelling and rescheduling', () => {
  it('publish and unpublish each raise the sequence and touch the events pages', async () => {
    const { ports, event } = await published();
    expect(event.status).toBe('published');
    const off = await unpublishEvent(ports, { id: event.id, expectedUpdatedAt: event.updatedAt });
    expect(off.result.status).toBe('draft');
    expect(off.result.sequence).toBe(2);
    expect(off.touches).toEqual(['events']);
    expect(off.audit?.summary).toBe('Unpublished the event “Vigil for Cusco”');
  });

  it('reschedule: status rescheduled, the old start kept, everyone told, audited in the event’s zone', async () => {
    const { ports, event, announced, reminders } = await published();
    const moved = await rescheduleEvent(ports, {
      id: event.id,
      expectedUpdatedAt: event.updatedAt,
      startsAt: new Date('2027-04-06T17:00:00.000Z'),
      endsAt: new Date('2027-04-06T19:00:00.000Z'),
    });
    expect(moved.result).toMatchObject({ status: 'rescheduled', sequence: 2 });
    expect(moved.result.previousStartsAt?.toISOString()).toBe('2027-03-30T17:00:00.000Z');
    expect(announced).toEqual([{ id: event.id, kind: 'rescheduled', sequence: 2 }]);
    // Reminded for the old date, registrants are reminded again before the new one.
    expect(reminders).toEqual([event.id]);
    expect(moved.audit?.summary).toBe(
      'Rescheduled the event “Vigil for Cusco” from 30 Mar 2027, 18:00 to 6 Apr 2027, 18:00 (Europe/London); everyone registered is emailed',
    );
    // A rescheduled event can be cancelled, as a published one can; then it cannot be moved again.
    const off = await cancelEvent(ports, { id: event.id, expectedUpdatedAt: moved.result.updatedAt });
    expect(off.result).toMatchObject({ status: 'cancelled', sequence: 3 });
    expect(announced.map((a) => a.kind)).toEqual(['rescheduled', 'cancelled']);
    await expect(
      rescheduleEvent(ports, {
        id: event.id,
        expectedUpdatedAt: off.result.updatedAt,
        startsAt: new Date('2027-05-06T17:00:00.000Z'),
        endsAt: new Date('2027-05-06T19:00:00.000Z'),
      }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('refuses a reschedule of a draft, to the same start, or ending before it starts', async () => {
    const { ports, event } = await created();
    const at = { id: event.id, expectedUpdatedAt: event.updatedAt };
    const later = { startsAt: new Date('2027-04-06T17:00:00Z'), endsAt: new Date('2027-04-06T19:00:00Z') };
    await expect(rescheduleEvent(ports, { ...at, ...later })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    const p = await publishEvent(ports, at);
    const on = { id: event.id, expectedUpdatedAt: p.result.updatedAt };
    await expect(
      rescheduleEvent(ports, { ...on, startsAt: event.startsAt, endsAt: event.endsAt }),
    ).rejects.toMatchObject({ field: 'startsAt' });
    await expect(
      rescheduleEvent(ports, { ...on, startsAt: later.endsAt, endsAt: later.startsAt }),
    ).rejects.toMatchObject({ field: 'endsAt' });
  });

  it('refuses to cancel a draft: it was never announced, and a cancelled event has a public page', async () => {
    const { ports, event, announced } = await created();
    await expect(
      cancelEvent(ports, { id: event.id, expectedUpdatedAt: event.updatedAt }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
      message: 'Cannot cancel an event that is draft',
    });
    expect(announced).toEqual([]);
  });
});
