// The upgrade test of 20261127_0009 (docs/decisions/0010-migrations-keep-data.md): a database at 0008 holding the
// frozen data of every table plus message records written when they still held their links (live tokens) is
// migrated to 0009 and no further. Every message keeps its row and what its link was for, without the link;
// better-auth's plain-text reset rows go; every other table holds exactly its old rows. Runs on SQLite by default
// and on PostgreSQL when TEST_POSTGRES_URL is set.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Dialect } from '../connection.js';
import { tablesContaining, testDialect } from '../testing.js';
import * as old from '../testing/data-at-0008.js';
import {
  normaliseRows,
  prepareUpgrade,
  SQLITE_CLEAN,
  type Row,
  type UpgradeTest,
} from '../testing/upgrade.js';

const RESET_TOKEN = 'plainResetToken0123456789';
const INVITE_TOKEN = 'plainInviteToken0123456789abcdefghijklmnop';
const UNSUBSCRIBE_TOKEN = 'plainUnsubscribe0123456789';
const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T12:00:00.000Z`;
const userId = old.users[0]!.id;

const verification = [
  {
    id: 'v1',
    identifier: `reset-password:${RESET_TOKEN}`,
    value: userId,
    expiresAt: at(28),
    createdAt: at(27),
    updatedAt: at(27),
  },
  // Not a reset: stays.
  {
    id: 'v2',
    identifier: 'hashed-identifier',
    value: 'other',
    expiresAt: at(28),
    createdAt: at(27),
    updatedAt: at(27),
  },
];

const message = (id: string, template: string, data: object, status = 'queued') => ({
  id,
  recipient: `${id}@example.org`,
  template,
  language: 'en',
  data: JSON.stringify(data),
  subject: status === 'sent' ? `Subject of ${id}` : null,
  status,
  message_id: `<${id}@example.org>`,
  provider_response: status === 'sent' ? '250 OK' : null,
  attempts: status === 'sent' ? 1 : 0,
  last_error: null,
  created_at: at(27),
  updated_at: at(27),
  sent_at: status === 'sent' ? at(27) : null,
});

const digest = { articles: [{ title: 'T', summary: 'S', url: 'https://site.example.org/news/t' }] };
const messagesWithLinks = [
  message('m1', 'password-reset', {
    name: 'Rosa',
    resetUrl: `http://localhost:3001/api/auth/reset-password/${RESET_TOKEN}?callbackURL=x`,
  }),
  message('m2', 'staff-invitation', {
    inviterName: 'Rosa',
    role: 'editor',
    acceptUrl: `http://localhost:3001/accept-invitation?token=${INVITE_TOKEN}`,
    expiresAt: at(30),
  }),
  message(
    'm3',
    'weekly-digest',
    { ...digest, unsubscribeUrl: `https://site.example.org/unsubscribe/${UNSUBSCRIBE_TOKEN}` },
    'sent',
  ),
  message('m4', 'test-message', { requestedBy: 'Rosa' }, 'sent'),
];

async function fillAt0008WithLinks(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await old.fillAt0008(db, dialect);
  await db.insertInto('verification').values(verification).execute();
  await db
    .insertInto('invitations')
    .values({
      id: 'inv1',
      email: 'eddie@example.org',
      role: 'editor',
      token_hash: createHash('sha256').update(INVITE_TOKEN).digest('hex'),
      invited_by: userId,
      created_at: at(27),
      expires_at: at(30),
      accepted_at: null,
      accepted_user_id: null,
      revoked_at: null,
    })
    .execute();
  await db.insertInto('messages').values(messagesWithLinks).execute();
}

let up: UpgradeTest;

beforeAll(async () => {
  up = await prepareUpgrade('20261127_0009_messages_without_links', fillAt0008WithLinks);
  await up.migrateOnly();
});
afterAll(async () => {
  await up?.cleanup();
});

const withoutData = (rows: Row[]) => normaliseRows(rows.map(({ data: _d, ...row }) => row));
const dataById = (rows: Row[]) => Object.fromEntries(rows.map((r) => [r.id, JSON.parse(String(r.data))]));

describe(`upgrading to 20261127_0009 on ${testDialect()}`, () => {
  it('changes only the messages and better-auth’s verification rows, and leaves the database sound', async () => {
    if (up.dialect === 'sqlite') expect(await up.sqliteChecks()).toEqual(SQLITE_CLEAN);
    expect(await up.changedTables()).toEqual(['messages', 'verification']);
    expect(up.before.messages).toHaveLength(messagesWithLinks.length + 1);
    expect(up.before.invitations).toHaveLength(1);
  });

  it('keeps every message row, its data without links but with what each link was for', async () => {
    const now = await up.rows('messages');
    expect(withoutData(now)).toEqual(withoutData(up.before.messages!));
    expect(dataById(now)).toEqual({
      ...dataById(up.before.messages!),
      m1: { name: 'Rosa', userId },
      m2: { inviterName: 'Rosa', role: 'editor', expiresAt: at(30), invitationId: 'inv1' },
      m3: digest,
    });
  });

  it('deletes the reset rows that named their token in plain text, and keeps the rest', async () => {
    expect(await up.rows('verification')).toEqual(
      normaliseRows(up.before.verification!.filter((row) => row.id !== 'v1')),
    );
  });

  it('leaves none of the tokens anywhere', async () => {
    for (const token of [RESET_TOKEN, INVITE_TOKEN, UNSUBSCRIBE_TOKEN]) {
      expect(await tablesContaining(up, token), token).toEqual([]);
    }
  });
});
