// Events in the admin: the list by tab (upcoming, past, drafts; keyset pages, registrations counted), one event as
// its editor opens it, create and edit (with the updatedAt check), publish, unpublish, cancel and reschedule — the
// last two email everyone registered — and the campaigns an event can belong to. Each write is a domain use case
// (packages/domain/src/events/editing.ts) in the unit of work (audit entry and what changed).
import { findEventDetail, listCampaignChoices, listStaffEvents } from '@ayni/db';
import {
  DomainError,
  campaignChoiceSchema,
  cancelEvent,
  createEvent,
  dateInputSchema,
  eventDetailSchema,
  eventEditSchema,
  eventListItemSchema,
  eventListTabSchema,
  eventStatusSchema,
  publishEvent,
  rescheduleEvent,
  saveEventEdits,
  unpublishEvent,
  type Event,
} from '@ayni/domain';
import { z } from 'zod';
import { keysetPage, pageInput, pageOf, startAfter } from '../../pagination.js';
import { eventEditingPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

const idInput = z.object({ id: z.string().min(1).max(100) });
/** Which copy a write was made on: the event's id and the updatedAt the editor opened. */
const copyInput = idInput.extend({ updatedAt: z.date() });

/** What an editor needs after a save or a status change to go on. */
const savedSchema = z.object({
  id: z.string().min(1),
  updatedAt: z.date(),
  status: eventStatusSchema,
  sequence: z.number().int().min(0),
  startsAt: z.date(),
  endsAt: z.date(),
  previousStartsAt: z.date().nullable(),
});

const saved = (e: Event) => ({
  id: e.id,
  updatedAt: e.updatedAt,
  status: e.status,
  sequence: e.sequence,
  startsAt: e.startsAt,
  endsAt: e.endsAt,
  previousStartsAt: e.previousStartsAt,
});

/** A status change on the copy the editor opened: publish, unpublish, cancel. */
const statusChange = (useCase: typeof publishEvent) =>
  permitted('event:edit')
    .input(copyInput)
    .output(savedSchema)
    .mutation(async ({ ctx, input }) =>
      saved(
        await inUnitOfWork(ctx, (trx) =>
          useCase(eventEditingPorts(ctx, trx), { id: input.id, expectedUpdatedAt: input.updatedAt }),
        ),
      ),
    );

export const eventsRouter = router({
  list: permitted('event:view')
    .input(z.object({ tab: eventListTabSchema.default('upcoming'), ...pageInput(25) }))
    .output(pageOf('events', eventListItemSchema))
    .query(async ({ ctx, input }) => {
      const rows = await listStaffEvents(ctx.handle.db, {
        tab: input.tab,
        now: ctx.clock.now(),
        limit: input.limit + 1,
        after: startAfter(input.cursor),
      });
      const { page, nextCursor } = keysetPage(rows, input.limit, (e) => e.startsAt);
      return { events: page, nextCursor };
    }),

  get: permitted('event:view')
    .input(idInput)
    .output(eventDetailSchema)
    .query(async ({ ctx, input }) => {
      const detail = await findEventDetail(ctx.handle.db, input.id);
      if (!detail) throw new DomainError('NOT_FOUND', 'Event not found');
      return detail;
    }),

  create: permitted('event:edit')
    .input(eventEditSchema)
    .output(savedSchema)
    .mutation(async ({ ctx, input }) =>
      saved(await inUnitOfWork(ctx, (trx) => createEvent(eventEditingPorts(ctx, trx), { edit: input }))),
    ),

  update: permitted('event:edit')
    .input(eventEditSchema.safeExtend(copyInput.shape))
    .output(savedSchema)
    .mutation(async ({ ctx, input: { id, updatedAt, ...edit } }) =>
      saved(
        await inUnitOfWork(ctx, (trx) =>
          saveEventEdits(eventEditingPorts(ctx, trx), { id, expectedUpdatedAt: updatedAt, edit }),
        ),
      ),
    ),

  publish: statusChange(publishEvent),
  unpublish: statusChange(unpublishEvent),
  cancel: statusChange(cancelEvent),

  reschedule: permitted('event:edit')
    .input(
      copyInput.extend({
        startsAt: dateInputSchema('New start time'),
        endsAt: dateInputSchema('New end time'),
      }),
    )
    .output(savedSchema)
    .mutation(async ({ ctx, input }) =>
      saved(
        await inUnitOfWork(ctx, (trx) =>
          rescheduleEvent(eventEditingPorts(ctx, trx), {
            id: input.id,
            expectedUpdatedAt: input.updatedAt,
            startsAt: input.startsAt,
            endsAt: input.endsAt,
          }),
        ),
      ),
    ),

  /** The campaigns an event can belong to (the editor's "related campaign"), newest first. */
  campaigns: permitted('event:view')
    .output(z.array(campaignChoiceSchema))
    .query(({ ctx }) => listCampaignChoices(ctx.handle.db)),
});
