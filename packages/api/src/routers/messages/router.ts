// The email log: what was sent and what failed, newest first; and a test message to check email works.
import { listMessages } from '@ayni/db';
import { change } from '@ayni/domain';
import { queueEmail } from '@ayni/jobs';
import { z } from 'zod';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

const listInputSchema = z.object({
  status: z.enum(['queued', 'sent', 'failed']).optional(),
  cursor: z.object({ createdAt: z.iso.datetime(), id: z.string() }).optional(),
  limit: z.number().int().min(1).max(100).default(50),
});

export const messagesRouter = router({
  list: permitted('message:view')
    .input(listInputSchema)
    .query(async ({ ctx, input }) => {
      const rows = await listMessages(ctx.handle.db, {
        ...(input.status ? { status: input.status } : {}),
        limit: input.limit + 1,
        ...(input.cursor
          ? { before: { createdAt: new Date(input.cursor.createdAt), id: input.cursor.id } }
          : {}),
      });
      const page = rows.slice(0, input.limit);
      const last = page.at(-1);
      return {
        messages: page.map((m) => ({
          id: m.id,
          recipient: m.recipient,
          template: m.template,
          language: m.language,
          subject: m.subject,
          status: m.status,
          attempts: m.attempts,
          lastError: m.lastError,
          createdAt: m.createdAt.toISOString(),
          sentAt: m.sentAt?.toISOString() ?? null,
        })),
        nextCursor:
          rows.length > input.limit && last ? { createdAt: last.createdAt.toISOString(), id: last.id } : null,
      };
    }),
  /** Sends a test message to the signed-in staff member. */
  sendTest: permitted('message:send-test').mutation(async ({ ctx }) => {
    const id = await inUnitOfWork(ctx, async (trx) => {
      const messageId = await queueEmail(
        trx,
        ctx.queue,
        {
          to: ctx.session.email,
          template: 'test-message',
          language: 'en',
          data: { requestedBy: ctx.session.name },
        },
        { clock: ctx.clock },
      );
      return change(messageId, {
        action: 'message.send-test',
        resourceType: 'message',
        resourceId: messageId,
        summary: `Sent a test email to ${ctx.session.email}`,
      });
    });
    return { id, to: ctx.session.email };
  }),
});
