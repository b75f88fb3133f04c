// What staff do to an event in the admin: create it (a draft), edit it, publish and unpublish it, cancel it and
// reschedule it. Each takes its ports and one command (parsed at the edge with `eventEditSchema`) and returns a
// Change for the unit of work, with its audit entry; as campaigns do (campaigns/editing.ts), a save or a status
// change names the copy it was made on (its updatedAt) and is refused (STALE_VERSION) if someone saved since.
//
// The calendar SEQUENCE (RFC 5545) rises by one with each change readers' calendars must pick up: the times, the
// place, the online link, the texts, the status. A save that changes none of them (or only a draft's) leaves it.
//
// Moving a public event is a reschedule, never a plain save: it says "rescheduled" on the page (schema.org's
// previousStartDate) and emails everyone registered, as cancelling does. A larger capacity gives the freed places
// to the waitlist, through the registration service (EventPlaces).
import { change, type Change, type SitePart } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { languageNames, type Language } from '../shared/language.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { listInWords } from '../shared/text.js';
import { formatDateTimeIn } from '../shared/time.js';
import { languagesOf, type Translations } from '../shared/translations.js';
import { nextUpdatedAt, staleVersion } from '../shared/version.js';
import type { EventAnnouncements, EventEditingRepository, EventPlaces } from './ports.js';
import { publicEventStatuses, transitionEvent } from './rules.js';
import type { Event, EventEdit, EventText } from './schema.js';
import { eventTitle } from './views.js';

export interface EventEditingPorts {
  events: EventEditingRepository;
  announcements: EventAnnouncements;
  places: EventPlaces;
  clock: Clock;
  ids: IdGenerator;
}

export interface SaveEvent {
  id: string;
  /** The `updatedAt` of the copy the editor opened; refused (STALE_VERSION) if someone saved since. */
  expectedUpdatedAt: Date;
  edit: EventEdit;
}

export interface ChangeEventStatus {
  id: string;
  expectedUpdatedAt: Date;
}

export interface RescheduleEvent extends ChangeEventStatus {
  startsAt: Date;
  endsAt: Date;
}

const EVENT = 'event';

async function load(ports: EventEditingPorts, id: string, expected: Date): Promise<Event> {
  const event = await ports.events.findById(id);
  if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
  if (event.updatedAt.getTime() !== expected.getTime()) throw staleVersion(EVENT);
  return event;
}

async function freeSlug(ports: EventEditingPorts, language: Language, title: string): Promise<string> {
  const base = slugify(title) || 'event';
  const taken = await ports.events.slugsLike(language, base);
  return uniqueSlug(base, taken);
}

/** The texts as saved: a typed slug as typed; an empty one keeps the slug it had, else is made from the title. */
async function textsOf(
  ports: EventEditingPorts,
  edit: EventEdit,
  before: Event | null,
): Promise<Translations<EventText>> {
  const texts: Translations<EventText> = {};
  for (const language of languagesOf(edit.translations)) {
    const input = edit.translations[language]!;
    texts[language] = {
      slug:
        input.slug ?? before?.translations[language]?.slug ?? (await freeSlug(ports, language, input.title)),
      title: input.title,
      summary: input.summary,
      body: input.body,
    };
  }
  return texts;
}

async function checkCampaign(ports: EventEditingPorts, campaignId: string | null): Promise<void> {
  if (campaignId !== null && !(await ports.events.campaignExists(campaignId))) {
    throw new DomainError('VALIDATION', 'Related campaign: the chosen campaign no longer exists', {
      field: 'campaignId',
    });
  }
}

/** The event's fields from an edit (all but its id, status, sequence, history and stamps). */
function fieldsOf(edit: EventEdit) {
  return {
    startsAt: edit.startsAt,
    endsAt: edit.endsAt,
    timeZone: edit.timeZone,
    venue: edit.venue,
    onlineUrl: edit.onlineUrl,
    accessibility: edit.accessibility,
    accessibilityFacts: edit.accessibilityFacts,
    capacity: edit.capacity,
    registrationOpen: edit.registrationOpen,
    registrationMode: edit.registrationMode,
    registrationUrl: edit.registrationMode === 'elsewhere' ? edit.registrationUrl : null,
    registrationOpensAt: edit.registrationOpensAt,
    registrationClosesAt: edit.registrationClosesAt,
    campaignId: edit.campaignId,
  };
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** What a save changed, in words, in the form's order; the first group is what readers' calendars carry. */
function changesOf(before: Event, after: Event): { seen: string[]; other: string[] } {
  const differs = (keys: (keyof Event)[]) => keys.some((k) => !sameJson(before[k], after[k]));
  const seen = [
    ['texts', differs(['translations'])],
    ['times', differs(['startsAt', 'endsAt', 'timeZone'])],
    ['venue', differs(['venue'])],
    ['online link', differs(['onlineUrl'])],
  ];
  const other = [
    ['accessibility', differs(['accessibility', 'accessibilityFacts'])],
    ['capacity', differs(['capacity'])],
    [
      'registration',
      differs([
        'registrationOpen',
        'registrationMode',
        'registrationUrl',
        'registrationOpensAt',
        'registrationClosesAt',
      ]),
    ],
    ['related campaign', differs(['campaignId'])],
  ];
  const named = (list: (string | boolean)[][]) => list.filter(([, d]) => d).map(([what]) => what as string);
  return { seen: named(seen), other: named(other) };
}

/** An event readers see changes the events pages; a draft changes nothing anyone sees. */
function touches(...states: Event[]): SitePart[] {
  return states.some((e) => e.status !== 'draft') ? ['events'] : [];
}

const quoted = (event: Event) => `the event “${eventTitle(event)}”`;

/** More places than before (or no limit now): people on the waitlist can be given them. */
function capacityRose(before: Event, after: Event): boolean {
  if (after.capacity === before.capacity) return false;
  return after.capacity === null || (before.capacity !== null && after.capacity > before.capacity);
}

/** A new draft event, in its zone (the organisation's when the editor sends none other). */
export async function createEvent(
  ports: EventEditingPorts,
  command: { edit: EventEdit },
): Promise<Change<Event>> {
  const { edit } = command;
  await checkCampaign(ports, edit.campaignId);
  const now = ports.clock.now();
  const event: Event = {
    id: ports.ids.id(),
    ...fieldsOf(edit),
    sequence: 0,
    previousStartsAt: null,
    status: 'draft',
    translations: await textsOf(ports, edit, null),
    createdAt: now,
    updatedAt: now,
  };
  await ports.events.insert(event);
  const languages = listInWords(languagesOf(event.translations).map((l) => languageNames[l]));
  return change(event, {
    action: 'event.create',
    resourceType: EVENT,
    resourceId: event.id,
    summary: `Created ${quoted(event)} in ${languages}, on ${formatDateTimeIn(event.startsAt, event.timeZone)} (${event.timeZone})`,
  });
}

/**
 * Saves an editor's changes made on the copy stamped `expectedUpdatedAt`; the status stays as it is. A public
 * event's times change only by rescheduling it (which emails everyone registered).
 */
export async function saveEventEdits(ports: EventEditingPorts, command: SaveEvent): Promise<Change<Event>> {
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const { edit } = command;
  await checkCampaign(ports, edit.campaignId);
  const draft: Event = { ...before, ...fieldsOf(edit), translations: await textsOf(ports, edit, before) };
  if (
    before.status !== 'draft' &&
    (draft.startsAt.getTime() !== before.startsAt.getTime() ||
      draft.endsAt.getTime() !== before.endsAt.getTime())
  ) {
    throw new DomainError(
      'VALIDATION',
      'Start time: to move an event people can see, reschedule it, so that everyone registered is told',
      { field: 'startsAt' },
    );
  }
  const { seen, other } = changesOf(before, draft);
  const after: Event = {
    ...draft,
    sequence: before.status !== 'draft' && seen.length > 0 ? before.sequence + 1 : before.sequence,
    updatedAt: nextUpdatedAt(before.updatedAt, ports.clock.now()),
  };
  await ports.events.update(after, command.expectedUpdatedAt);
  const filled =
    publicEventStatuses.includes(after.status) && capacityRose(before, after)
      ? await ports.places.fillFreedPlaces(after)
      : 0;
  const changed = [...seen, ...other];
  const filledWords = filled ? `; ${filled} from the waitlist given a place` : '';
  return change(
    after,
    {
      action: 'event.update',
      resourceType: EVENT,
      resourceId: after.id,
      summary: `Edited ${quoted(after)}${changed.length ? ` (${listInWords(changed)})` : ' without changes'}${filledWords}`,
    },
    changed.length ? touches(before, after) : [],
  );
}

async function saveTransition(
  ports: EventEditingPorts,
  before: Event,
  expected: Date,
  next: Event,
  action: string,
  summary: string,
): Promise<Change<Event>> {
  const stamped: Event = {
    ...next,
    sequence: before.sequence + 1,
    updatedAt: nextUpdatedAt(before.updatedAt, ports.clock.now()),
  };
  await ports.events.update(stamped, expected);
  return change(
    stamped,
    { action: `event.${action}`, resourceType: EVENT, resourceId: stamped.id, summary },
    touches(before, stamped),
  );
}

/**
 * rules.ts's transitions, for the admin: a rescheduled event is a published one at its new time, so it is
 * unpublished and cancelled as a published one is.
 */
/** draft → published: the event appears on the site, in every language it is written in. */
export async function publishEvent(
  ports: EventEditingPorts,
  command: ChangeEventStatus,
): Promise<Change<Event>> {
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const next = transitionEvent(before, 'publish', ports.clock);
  const saved = await saveTransition(
    ports,
    before,
    command.expectedUpdatedAt,
    next,
    'publish',
    `Published ${quoted(next)}`,
  );
  // Published again after an unpublish: places freed meanwhile (a larger capacity saved on the draft) go to the
  // waitlist, in order, before any newcomer.
  await ports.places.fillFreedPlaces(saved.result);
  return saved;
}

/** published (or rescheduled) → draft: off the site; its registrations stay as they are. */
export async function unpublishEvent(
  ports: EventEditingPorts,
  command: ChangeEventStatus,
): Promise<Change<Event>> {
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const next = transitionEvent(before, 'unpublish', ports.clock);
  return saveTransition(
    ports,
    before,
    command.expectedUpdatedAt,
    next,
    'unpublish',
    `Unpublished ${quoted(next)}`,
  );
}

/** → cancelled: the page says it is off, it takes no registrations, and everyone registered is emailed. */
export async function cancelEvent(
  ports: EventEditingPorts,
  command: ChangeEventStatus,
): Promise<Change<Event>> {
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const next = transitionEvent(before, 'cancel', ports.clock);
  const saved = await saveTransition(
    ports,
    before,
    command.expectedUpdatedAt,
    next,
    'cancel',
    `Cancelled ${quoted(next)}; everyone registered is emailed`,
  );
  await ports.announcements.changed(saved.result, 'cancelled');
  return saved;
}

/**
 * A public event at a new time: status rescheduled, the old start kept as previousStartsAt, and everyone
 * registered emailed. A draft just has its times edited; a cancelled event cannot be moved.
 */
export async function rescheduleEvent(
  ports: EventEditingPorts,
  command: RescheduleEvent,
): Promise<Change<Event>> {
  if (command.endsAt.getTime() <= command.startsAt.getTime()) {
    throw new DomainError('VALIDATION', 'The event must end after it starts', { field: 'endsAt' });
  }
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  if (!publicEventStatuses.includes(before.status)) {
    throw new DomainError(
      'INVALID_TRANSITION',
      before.status === 'draft'
        ? 'A draft is not rescheduled: change its times and save'
        : 'A cancelled event cannot be rescheduled',
    );
  }
  if (command.startsAt.getTime() === before.startsAt.getTime()) {
    throw new DomainError('VALIDATION', 'New start time: give a start different from the current one', {
      field: 'startsAt',
    });
  }
  const next: Event = {
    ...before,
    status: 'rescheduled',
    startsAt: command.startsAt,
    endsAt: command.endsAt,
    previousStartsAt: before.startsAt,
  };
  const zone = before.timeZone;
  const saved = await saveTransition(
    ports,
    before,
    command.expectedUpdatedAt,
    next,
    'reschedule',
    `Rescheduled ${quoted(next)} from ${formatDateTimeIn(before.startsAt, zone)} to ${formatDateTimeIn(next.startsAt, zone)} (${zone}); everyone registered is emailed`,
  );
  await ports.places.followMove(saved.result);
  await ports.announcements.changed(saved.result, 'rescheduled');
  return saved;
}
