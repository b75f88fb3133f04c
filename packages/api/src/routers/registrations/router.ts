// An event's registrations for staff: the list (status, name or email search, arrival order, keyset pages,
// waitlist positions), the counts per status, the check-in list for the door, and what staff do — cancel someone,
// move someone off the waitlist by hand, check someone in — through the registration service (domain
// events/service.ts) in the unit of work. Access needs are health data: only a role with event:access-needs reads
// them, in the list and, when the export asks for them, in the CSV; the export is audited with who took it, of
// which event, with which filter and whether with the access needs. The admin server serves it as a file download
// (apps/admin/server/app.ts) through the `export` procedure, so its guard and audit are this one.
import {
  countRegistrationsByStatus,
  findEventById,
  getSettings,
  listStaffRegistrations,
  type StaffRegistrationFilter,
} from '@ayni/db';
import {
  can,
  cancelRegistrationByStaff,
  change,
  checkIn,
  DomainError,
  eventTitle,
  promoteByHand,
  registrationListItemSchema,
  registrationStatusCountsSchema,
  registrationStatusSchema,
  utcToZonedDateTime,
  type Registration,
  type RegistrationListItem,
} from '@ayni/domain';
import { z } from 'zod';
import { keysetPage, pageInput, pageOf, readAllPages, startAfter } from '../../pagination.js';
import { registrationPorts } from '../../ports.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';
import { registrationsCsv } from './csv.js';

const eventIdSchema = z.string().min(1).max(100);

/** What the list and the export filter by. */
export const registrationFilterSchema = z.object({
  eventId: eventIdSchema,
  status: registrationStatusSchema.optional(),
  /** Part of the person's name or email, any case. */
  q: z.string().trim().max(200).optional(),
});
export type RegistrationFilter = z.infer<typeof registrationFilterSchema>;

const mayReadAccessNeeds = (ctx: { session: { role: string } | null }) =>
  can(ctx.session?.role, 'event:access-needs');

function dbFilter(f: RegistrationFilter, withAccessNeeds: boolean): StaffRegistrationFilter {
  return {
    eventId: f.eventId,
    ...(f.status ? { status: f.status } : {}),
    ...(f.q ? { search: f.q } : {}),
    withAccessNeeds,
  };
}

/** Rows read per query while exporting (and for the check-in list). */
const EXPORT_BATCH = 1000;

const allRegistrations = (db: Parameters<typeof listStaffRegistrations>[0], f: StaffRegistrationFilter) =>
  readAllPages<RegistrationListItem>(
    (last) =>
      listStaffRegistrations(db, {
        ...f,
        limit: EXPORT_BATCH,
        ...(last ? { after: { at: last.createdAt, id: last.id } } : {}),
      }),
    EXPORT_BATCH,
  );

const changedSchema = z.object({
  id: z.string().min(1),
  status: registrationStatusSchema,
  checkedInAt: z.date().nullable(),
});
const changed = (r: Registration) => ({ id: r.id, status: r.status, checkedInAt: r.checkedInAt });
const idInput = z.object({ id: z.string().min(1).max(100) });

/** A staff action on one registration, through the registration service, audited by it. */
const action = (useCase: typeof cancelRegistrationByStaff) =>
  permitted('event:edit')
    .input(idInput)
    .output(changedSchema)
    .mutation(async ({ ctx, input }) =>
      changed(
        await inUnitOfWork(ctx, (trx) => useCase(registrationPorts(ctx, trx), { registrationId: input.id })),
      ),
    );

const statusWords: Readonly<Record<Registration['status'], string>> = {
  pending: 'waiting for confirmation',
  confirmed: 'confirmed',
  waitlisted: 'waitlist',
  cancelled: 'cancelled',
};

/** The filter in words, for the audit log: "status waitlist, search “luz”". */
function filterInWords(f: RegistrationFilter): string {
  const parts = [f.status ? `status ${statusWords[f.status]}` : null, f.q ? `search “${f.q}”` : null].filter(
    Boolean,
  );
  return parts.length ? ` (${parts.join(', ')})` : '';
}

export const registrationsRouter = router({
  list: permitted('registration:view')
    .input(registrationFilterSchema.extend(pageInput(50)))
    .output(pageOf('registrations', registrationListItemSchema))
    .query(async ({ ctx, input }) => {
      const rows = await listStaffRegistrations(ctx.handle.db, {
        ...dbFilter(input, mayReadAccessNeeds(ctx)),
        limit: input.limit + 1,
        after: startAfter(input.cursor),
      });
      const { page, nextCursor } = keysetPage(rows, input.limit, (r) => r.createdAt);
      return { registrations: page, nextCursor };
    }),

  counts: permitted('registration:view')
    .input(z.object({ eventId: eventIdSchema }))
    .output(registrationStatusCountsSchema)
    .query(({ ctx, input }) => countRegistrationsByStatus(ctx.handle.db, input.eventId)),

  /** Everyone with a place (confirmed), for the door's check-in list; with access needs for those who may read them. */
  checkInList: permitted('registration:view')
    .input(z.object({ eventId: eventIdSchema }))
    .output(z.array(registrationListItemSchema))
    .query(({ ctx, input }) =>
      allRegistrations(ctx.handle.db, {
        eventId: input.eventId,
        status: 'confirmed',
        withAccessNeeds: mayReadAccessNeeds(ctx),
      }),
    ),

  cancel: action(cancelRegistrationByStaff),
  promote: action(promoteByHand),
  checkIn: action(checkIn),

  /**
   * The registrations the filter picks, as CSV, with the audit entry: a mutation, since it writes that entry. The
   * access needs only when asked for, and only for a role that may read them (else FORBIDDEN).
   */
  export: permitted('registration:export')
    .input(registrationFilterSchema.extend({ accessNeeds: z.boolean().default(false) }))
    .output(z.object({ fileName: z.string().min(1), csv: z.string(), rows: z.number().int().min(0) }))
    .mutation(({ ctx, input }) => {
      if (input.accessNeeds && !mayReadAccessNeeds(ctx)) {
        throw new DomainError('FORBIDDEN', 'Your role does not allow reading access needs.');
      }
      return inUnitOfWork(ctx, async (trx) => {
        const event = await findEventById(trx, input.eventId);
        if (!event) throw new DomainError('NOT_FOUND', 'Event not found');
        const { timeZone } = await getSettings(trx);
        const rows = await allRegistrations(trx, dbFilter(input, input.accessNeeds));
        const slug = (event.translations.en ?? event.translations.es)!.slug;
        const count = `${rows.length} registration${rows.length === 1 ? '' : 's'}`;
        return change(
          {
            fileName: `registrations-${slug}-${utcToZonedDateTime(ctx.clock.now(), timeZone).slice(0, 10)}.csv`,
            csv: registrationsCsv(rows, input.accessNeeds),
            rows: rows.length,
          },
          {
            action: 'event.registration.export',
            resourceType: 'event',
            resourceId: event.id,
            summary: `Exported ${count} for “${eventTitle(event)}” as CSV${filterInWords(input)}, ${input.accessNeeds ? 'with' : 'without'} access needs`,
          },
        );
      });
    }),
});
