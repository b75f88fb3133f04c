// The emails a registration causes, as the domain's RegistrationEmails port: queued on the use case's transaction
// (sent only if it commits), in the registration's language, with the event as it is now; the confirm and cancel
// links are minted when each is sent (eventRegistrationLinks), never stored.
import { getSettings, type Database } from '@ayni/db';
import {
  absoluteUrl,
  eventPath,
  formatEventWhen,
  languagesOf,
  type Clock,
  type Event,
  type Registration,
  type RegistrationEmails,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import type { Queue } from '../queue.js';
import { queueEmail } from './send.js';
import type { EmailTemplateName } from './templates/index.js';

const ONLINE = { en: 'Online', es: 'En línea' } as const;

export function registrationEmails(
  trx: Kysely<Database>,
  queue: Queue,
  /** `siteUrl`: the settings' site address when the caller has read them already (see queueEmail). */
  deps: { clock: Clock; siteUrl?: string },
): RegistrationEmails {
  async function send(
    template: EmailTemplateName,
    registration: Registration,
    event: Event,
    extra: Record<string, unknown> = {},
  ): Promise<void> {
    const siteUrl = deps.siteUrl ?? (await getSettings(trx)).siteUrl;
    const language = event.translations[registration.language]
      ? registration.language
      : languagesOf(event.translations)[0]!;
    const text = event.translations[language]!;
    const where = event.venue
      ? [event.venue.name, event.venue.address].filter((part) => part.trim() !== '').join(', ')
      : ONLINE[registration.language];
    await queueEmail(
      trx,
      queue,
      {
        to: registration.email,
        template,
        language: registration.language,
        data: {
          registrationId: registration.id,
          name: registration.name,
          eventId: event.id,
          eventTitle: text.title,
          eventSummary: text.summary.slice(0, 1000),
          when: formatEventWhen(
            event.startsAt,
            event.endsAt,
            event.timeZone,
            registration.language,
            deps.clock.now(),
          ),
          where,
          eventUrl: absoluteUrl(siteUrl, eventPath(language, text.slug)),
          onlineUrl: event.onlineUrl,
          startsAt: event.startsAt.toISOString(),
          endsAt: event.endsAt.toISOString(),
          timeZone: event.timeZone,
          venue: event.venue,
          status: event.status,
          updatedAt: event.updatedAt.toISOString(),
          ...extra,
        },
      },
      { ...deps, siteUrl },
    );
  }
  return {
    confirmYourRegistration: (registration, event, position) =>
      send('event-registration-confirm', registration, event, { position }),
    registered: (registration, event) => send('event-registered', registration, event),
    offTheWaitlist: (registration, event) =>
      send('event-off-the-waitlist', registration, event, { held: registration.status === 'pending' }),
    cancelled: (registration, event) => send('event-registration-cancelled', registration, event),
    reminder: (registration, event) => send('event-reminder', registration, event),
  };
}
