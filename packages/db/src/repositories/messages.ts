// The email log: a row per message, written before sending (status queued) and updated after.
import type { Language } from '@ayni/domain';
import type { Kysely, Selectable } from 'kysely';
import { iso, toDate, toDateOrNull } from '../mappers.js';
import type { Database, MessagesTable } from '../schema.js';

type Db = Kysely<Database>;

export interface MessageRecord {
  id: string;
  recipient: string;
  template: string;
  language: Language;
  data: unknown;
  subject: string | null;
  status: 'queued' | 'sent' | 'failed';
  messageId: string;
  providerResponse: string | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
  updatedAt: Date;
  sentAt: Date | null;
}

export async function insertMessage(
  db: Db,
  m: Pick<MessageRecord, 'id' | 'recipient' | 'template' | 'language' | 'data' | 'messageId'> & { now: Date },
): Promise<void> {
  await db
    .insertInto('messages')
    .values({
      id: m.id,
      recipient: m.recipient,
      template: m.template,
      language: m.language,
      data: JSON.stringify(m.data),
      subject: null,
      status: 'queued',
      message_id: m.messageId,
      provider_response: null,
      attempts: 0,
      last_error: null,
      created_at: iso(m.now),
      updated_at: iso(m.now),
      sent_at: null,
    })
    .execute();
}

function toRecord(r: Selectable<MessagesTable>): MessageRecord {
  return {
    id: r.id,
    recipient: r.recipient,
    template: r.template,
    language: r.language as Language,
    data: JSON.parse(r.data),
    subject: r.subject,
    status: r.status,
    messageId: r.message_id,
    providerResponse: r.provider_response,
    attempts: r.attempts,
    lastError: r.last_error,
    createdAt: toDate(r.created_at),
    updatedAt: toDate(r.updated_at),
    sentAt: toDateOrNull(r.sent_at),
  };
}

export async function findMessage(db: Db, id: string): Promise<MessageRecord | null> {
  const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toRecord(row) : null;
}

export async function markMessageSent(
  db: Db,
  id: string,
  update: { subject: string; providerResponse: string; attempt: number; now: Date },
): Promise<void> {
  await db
    .updateTable('messages')
    .set({
      status: 'sent',
      subject: update.subject,
      provider_response: update.providerResponse,
      attempts: update.attempt,
      last_error: null,
      sent_at: iso(update.now),
      updated_at: iso(update.now),
    })
    .where('id', '=', id)
    .execute();
}

export async function markMessageAttemptFailed(
  db: Db,
  id: string,
  update: { error: string; attempt: number; final: boolean; now: Date },
): Promise<void> {
  await db
    .updateTable('messages')
    .set({
      status: update.final ? 'failed' : 'queued',
      attempts: update.attempt,
      last_error: update.error,
      updated_at: iso(update.now),
    })
    .where('id', '=', id)
    .where('status', '<>', 'sent')
    .execute();
}

/** Newest first; `before` is the createdAt/id of the last row of the previous page. */
export async function listMessages(
  db: Db,
  options: { status?: MessageRecord['status']; limit: number; before?: { createdAt: Date; id: string } },
): Promise<MessageRecord[]> {
  let q = db.selectFrom('messages').selectAll();
  if (options.status) q = q.where('status', '=', options.status);
  if (options.before) {
    const { createdAt, id } = options.before;
    q = q.where((eb) =>
      eb.or([
        eb('created_at', '<', iso(createdAt)),
        eb.and([eb('created_at', '=', iso(createdAt)), eb('id', '<', id)]),
      ]),
    );
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(options.limit).execute();
  return rows.map(toRecord);
}

/** Messages of one template to one address created since `since`: caps on email anyone can make us send. */
export async function countRecentMessages(
  db: Db,
  filter: { recipient: string; template: string; since: Date },
): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll().as('count'))
    .where('recipient', '=', filter.recipient)
    .where('template', '=', filter.template)
    .where('created_at', '>=', iso(filter.since))
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
