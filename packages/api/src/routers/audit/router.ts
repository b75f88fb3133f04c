// The audit log, newest first, filterable; read-only by design (no procedure edits or deletes an entry).
import { listAudit } from '@ayni/db';
import {
  auditEntrySchema,
  auditSectionNames,
  auditSectionOf,
  auditSectionSchema,
  auditSections,
} from '@ayni/domain';
import { z } from 'zod';
import { keysetPage, pageInput, pageOf, startAfter } from '../../pagination.js';
import { permitted, router } from '../../trpc.js';

export const auditRouter = router({
  list: permitted('audit:view')
    .input(
      z.object({
        actorId: z.string().optional(),
        /** A section of the log (articles, staff, …); `resourceType` narrows to one kind of resource. */
        section: z.enum(auditSectionNames).optional(),
        resourceType: z.string().optional(),
        action: z.string().optional(),
        ...pageInput(50),
      }),
    )
    .output(pageOf('entries', auditEntrySchema.extend({ section: auditSectionSchema.nullable() })))
    .query(async ({ ctx, input }) => {
      const rows = await listAudit(ctx.handle.db, {
        actorId: input.actorId,
        resourceTypes: input.resourceType
          ? [input.resourceType]
          : input.section
            ? auditSections[input.section]
            : undefined,
        action: input.action,
        limit: input.limit + 1,
        before: startAfter(input.cursor),
      });
      const { page, nextCursor } = keysetPage(rows, input.limit, (e) => e.at);
      return {
        entries: page.map((e) => ({ ...e, section: auditSectionOf(e.resourceType) })),
        nextCursor,
      };
    }),
});
