// The email log: what was sent and what failed, newest first; and a test message to check email works.
import { listMessages } from '@ayni/db';
import { change, languageSchema } from '@ayni/domain';
import { queueEmail } from '@ayni/jobs';
import { z } from 'zod';
import { createdBefore, keysetPage, pageInput, pageOf } from '../../pagination.js';
import { inUnitOfWork, permitted, router } from '../../trpc.js';

const messageStatusSchema = z.enum(['queued', 'sent', 'failed']);

const listInputSchema = z.object({
  status: messageStatusSchema.optional(),
  ...pageInput(50),
});

/** One email in the log: to whom, which template, how it went (never its data, which may hold links). */
const messageSchema = z.object({
  id: z.string().min(1),
  recipient: z.string(),
  template: z.string(),
  language: languageSchema,
  subject: z.string().nullable(),
  status: messageStatusSchema,
  attempts: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});

export const messagesRouter = router({
  list: permitted('message:view')
    .input(listInputSchema)
    .output(pageOf('messages', messageSchema))
    .query(async ({ ctx, input }) => {
      const rows = await listMessages(ctx.handle.db, {
        ...(input.status ? { status: input.status } : {}),
        limit: input.limit + 1,
        before: createdBefore(input.cursor),
      });
      const { page, nextCursor } = keysetPage(rows, input.limit, (m) => m.createdAt);
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
          createdAt: m.createdAt,
          sentAt: m.sentAt,
        })),
        nextCursor,
      };
    }),
  /** Sends a test message to the signed-in staff member. */
  sendTest: permitted('message:send-test')
    .output(z.object({ id: z.string().min(1), to: z.string() }))
    .mutation(async ({ ctx }) => {
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
