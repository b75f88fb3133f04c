// Staff cancelled or rescheduled an event (issue 14): the fan-out job, queued on that transaction, emails everyone
// registered for it — pending, confirmed or waitlisted — in their language. The same pattern as a milestone's
// emails (milestone-emails.ts): people read in batches by id (keyset); for each, the record (registration, the
// event's sequence after the change) — a primary key on both, inserted with "on conflict do nothing" — and their
// email are written in one transaction, so a job run twice, or again after a crash halfway, emails each person
// once. A job whose change was overtaken (the event moved again, or cancelled after a move) sends nothing: the
// later change's own job tells them.
import {
  findEventById,
  getSettings,
  listEventChangeRecipients,
  recordEventChangeEmail,
  withTransaction,
  type Database,
} from '@ayni/db';
import {
  absoluteUrl,
  eventPath,
  eventTextIn,
  formatEventWhen,
  type Event,
  type EventAnnouncements,
  type EventChangeKind,
} from '@ayni/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJob } from './define.js';
import { queueEmail } from './email/send.js';
import type { Queue } from './queue.js';

/** People read, recorded and queued per transaction. */
export const EVENT_CHANGE_EMAIL_BATCH = 200;

export const eventChangeEmailsJob = defineJob({
  name: 'event.change-emails',
  title: 'Email everyone registered that an event was cancelled or moved',
  payload: z.object({
    eventId: z.string().min(1),
    kind: z.enum(['cancelled', 'rescheduled']),
    /** The event's calendar sequence after the change: what each person's record is keyed on. */
    sequence: z.number().int().min(0),
    /** The start the change gave (rescheduled) or had (cancelled), as an ISO string. */
    startsAt: z.iso.datetime(),
  }),
  retry: { attempts: 5, backoffSeconds: 60 },
  timeoutSeconds: 600,
  async handler({ eventId, kind, sequence, startsAt }, ctx) {
    const event = await findEventById(ctx.db, eventId);
    if (!event || event.status !== kind || event.startsAt.toISOString() !== startsAt) {
      ctx.logger.info({ eventId, kind }, 'Event gone or changed again since; no emails for this change');
      return;
    }
    const { siteUrl } = await getSettings(ctx.db);
    let after: string | null = null;
    let queued = 0;
    for (;;) {
      const batch = await listEventChangeRecipients(ctx.db, eventId, after, EVENT_CHANGE_EMAIL_BATCH);
      if (batch.length === 0) break;
      queued += await withTransaction(ctx.db, async (trx) => {
        let n = 0;
        for (const person of batch) {
          if (!(await recordEventChangeEmail(trx, person.registrationId, sequence, ctx.clock.now())))
            continue;
          const { language, text } = eventTextIn(event, person.language);
          const when = formatEventWhen(
            event.startsAt,
            event.endsAt,
            event.timeZone,
            language,
            ctx.clock.now(),
          );
          const previous = event.previousStartsAt ?? event.startsAt;
          const length = event.endsAt.getTime() - event.startsAt.getTime();
          const previousWhen =
            kind === 'rescheduled'
              ? formatEventWhen(
                  previous,
                  new Date(previous.getTime() + length),
                  event.timeZone,
                  language,
                  ctx.clock.now(),
                )
              : when;
          await queueEmail(
            trx,
            ctx.queue,
            {
              to: person.email,
              template: 'event-changed',
              language,
              data: {
                registrationId: person.registrationId,
                name: person.name,
                kind,
                eventTitle: text.title,
                eventUrl: absoluteUrl(siteUrl, eventPath(language, text.slug)),
                previousWhen,
                when,
              },
            },
            { clock: ctx.clock, siteUrl },
          );
          n += 1;
        }
        return n;
      });
      after = batch[batch.length - 1]!.registrationId;
      if (batch.length < EVENT_CHANGE_EMAIL_BATCH) break;
    }
    ctx.logger.info({ eventId, kind, queued }, 'Queued the event change’s emails');
  },
});

/** The domain's EventAnnouncements: the fan-out queued on the caller's transaction, once per change. */
export function eventAnnouncements(trx: Kysely<Database>, queue: Queue): EventAnnouncements {
  return {
    async changed(event: Event, kind: EventChangeKind) {
      await queue.enqueue(
        trx,
        eventChangeEmailsJob,
        { eventId: event.id, kind, sequence: event.sequence, startsAt: event.startsAt.toISOString() },
        { idempotencyKey: `event-change-emails:${event.id}:${event.sequence}` },
      );
    },
  };
}
