// The audit log, newest first, filterable; read-only by design (no procedure edits or deletes an entry).
import { listAudit } from '@ayni/db';
import { auditSectionNames, auditSectionOf, auditSections } from '@ayni/domain';
import { z } from 'zod';
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
        cursor: z.object({ at: z.iso.datetime(), id: z.string() }).optional(),
        limit: z.number().int().min(1).max(100).default(50),
      }),
    )
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
        before: input.cursor ? { at: new Date(input.cursor.at), id: input.cursor.id } : undefined,
      });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        entries: page.map((e) => ({ ...e, section: auditSectionOf(e.resourceType), at: e.at.toISOString() })),
        nextCursor: rows.length > input.limit && last ? { at: last.at.toISOString(), id: last.id } : null,
      };
    }),
});
