// Every email is a message record plus a job, written in the caller's transaction: the mail goes out if and
// only if the caller's work commits. The job sends it and records the result; a rerun of a message already
// marked sent does nothing.
//
// Links that carry a token are minted here, at send time, by the worker's minters (links.ts): the record keeps
// what the message is about (an invitation id, a user id), never a live token. A link refused because its subject
// is gone (an invitation withdrawn before the email went out) or has run out (a password reset asked for longer ago
// than a reset lasts) fails the message, with the reason, without retrying.
//
// The one gap no queue can close: the SMTP server accepts the message and the worker dies before recording it.
// The job then runs again and the mail is sent twice — with the same Message-ID, so receiving servers and mail
// clients that de-duplicate on it show it once.
import { randomUUID } from 'node:crypto';
import {
  findMessage,
  getSettings,
  insertMessage,
  markMessageAttemptFailed,
  markMessageSent,
  withTransaction,
  type Database,
} from '@ayni/db';
import type { Clock, Language } from '@ayni/domain';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { defineJob } from '../define.js';
import { errorText, type Queue } from '../queue.js';
import { mintLinks } from './links.js';
import { emailTemplates, linkRequests, renderEmail, type EmailTemplateName } from './templates/index.js';

export const sendEmailJob = defineJob({
  name: 'email.send',
  title: 'Send an email',
  payload: z.object({ messageId: z.string().min(1) }),
  retry: { attempts: 6, backoffSeconds: 60 },
  timeoutSeconds: 120,
  // Sending waits on the SMTP server, not the CPU: run many at once (SMTP_URL's pool limits connections).
  concurrency: 16,
  async handler({ messageId }, ctx) {
    const message = await findMessage(ctx.db, messageId);
    if (!message) {
      ctx.logger.warn({ messageId }, 'Message record not found; nothing to send');
      return;
    }
    if (message.status === 'sent') {
      ctx.logger.info({ messageId }, 'Message already sent; not sending again');
      return;
    }
    const now = () => ctx.clock.now();
    try {
      const settings = await getSettings(ctx.db);
      const org = {
        name: settings.organisationName,
        postalAddress: settings.postalAddress,
        siteUrl: settings.siteUrl,
        contactEmail: settings.contactEmail,
      };
      const name = message.template as EmailTemplateName;
      const minted = await mintLinks(linkRequests(name, message.data), ctx.services.links, {
        db: ctx.db,
        recipient: message.recipient,
        siteUrl: org.siteUrl,
        requestedAt: message.createdAt,
        now: now(),
      });
      if ('refused' in minted) {
        ctx.logger.info({ messageId, reason: minted.refused }, 'Message not sent');
        await markMessageAttemptFailed(ctx.db, messageId, {
          error: minted.refused,
          attempt: ctx.attempt,
          final: true,
          now: now(),
        });
        return;
      }
      const rendered = renderEmail(name, message.language, message.data, org, minted.links);
      const template = emailTemplates[name];
      const headers: Record<string, string> = { 'Content-Language': message.language };
      if (template.kind === 'transactional') headers['Auto-Submitted'] = 'auto-generated';
      if (rendered.unsubscribeUrl) {
        headers['List-Unsubscribe'] = `<${rendered.unsubscribeUrl}>`;
        headers['List-Unsubscribe-Post'] = 'List-Unsubscribe=One-Click';
      }
      const result = await ctx.services.mailer.send({
        from: ctx.services.mailFrom ?? `"${org.name.replace(/"/g, '')}" <no-reply@${hostOf(org.siteUrl)}>`,
        to: message.recipient,
        subject: rendered.subject,
        text: rendered.text,
        html: rendered.html,
        messageId: message.messageId,
        headers,
        ...(rendered.attachments ? { attachments: rendered.attachments } : {}),
      });
      await markMessageSent(ctx.db, messageId, {
        subject: rendered.subject,
        providerResponse: result.response,
        attempt: ctx.attempt,
        now: now(),
      });
    } catch (err) {
      await markMessageAttemptFailed(ctx.db, messageId, {
        error: errorText(err),
        attempt: ctx.attempt,
        final: ctx.attempt >= sendEmailJob.retry.attempts,
        now: now(),
      });
      throw err;
    }
  },
});

function hostOf(siteUrl: string): string {
  try {
    return new URL(siteUrl).hostname || 'localhost';
  } catch {
    return 'localhost';
  }
}

export interface QueueEmailInput {
  to: string;
  template: EmailTemplateName;
  language: Language;
  data: unknown;
}

/**
 * Records the message and enqueues its sending on `db` (pass your transaction). The template's data is
 * validated now, so a mistake fails the caller, not a job at 3am. Returns the message id. `deps.siteUrl` is the
 * site's address when the caller has just read the settings (a signature, many a second), else it is read here.
 */
export async function queueEmail(
  db: Kysely<Database>,
  queue: Queue,
  input: QueueEmailInput,
  deps: { clock: Clock; siteUrl?: string },
): Promise<string> {
  const data = emailTemplates[input.template].data.parse(input.data);
  const id = randomUUID();
  return withTransaction(db, async (trx) => {
    const siteUrl = deps.siteUrl ?? (await getSettings(trx)).siteUrl;
    await insertMessage(trx, {
      id,
      recipient: input.to,
      template: input.template,
      language: input.language,
      data,
      messageId: `<${id}@${hostOf(siteUrl)}>`,
      now: deps.clock.now(),
    });
    await queue.enqueue(trx, sendEmailJob, { messageId: id }, { idempotencyKey: `email:${id}` });
    return id;
  });
}

/**
 * The auth's `sendResetPassword`: the reset email goes out like every email, a message record and a job, sent by
 * the worker, which mints the link when it sends it (the record keeps who it is for, never a token).
 */
export function queuePasswordResetEmail(db: Kysely<Database>, queue: Queue, deps: { clock: Clock }) {
  return async ({ email, name, userId }: { email: string; name: string; userId: string }): Promise<void> => {
    await queueEmail(
      db,
      queue,
      { to: email, template: 'password-reset', language: 'en', data: { userId, name } },
      deps,
    );
  };
}
