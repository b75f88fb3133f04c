// Migration 0009 on SQLite and PostgreSQL: message records written before links were minted at send time lose the
// links they held (live tokens) and keep every row, with what each link was for; better-auth's plain-text reset
// rows go.
import { createHash } from 'node:crypto';
import { Migrator, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrations } from './migrations/index.js';
import type { Database } from './schema.js';
import { createTestDatabase, tablesContaining, type TestDatabase } from './testing.js';

const RESET_TOKEN = 'plainResetToken0123456789';
const INVITE_TOKEN = 'plainInviteToken0123456789abcdefghijklmnop';
const UNSUBSCRIBE_TOKEN = 'plainUnsubscribe0123456789';
let old: TestDatabase;

interface VerificationRow {
  id: string;
  identifier: string;
  value: string;
  expiresAt: string;
  createdAt: string;
  updatedAt: string;
}

beforeAll(async () => {
  old = await createTestDatabase({ migrate: false });
});
afterAll(async () => {
  await old?.cleanup();
});

describe('migration 0009', () => {
  it('takes the links out of every message record, keeping each row and what its link was for', async () => {
    // better-auth's verification table is not in our Database interface.
    const db = old.db as unknown as Kysely<Database & { verification: VerificationRow }>;
    const names = Object.keys(migrations);
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
    const before = names[names.indexOf('20261127_0009_messages_without_links') - 1]!;
    expect((await migrator.migrateTo(before)).error).toBeUndefined();

    const now = new Date().toISOString();
    const later = new Date(Date.now() + 3_600_000).toISOString();
    await db
      .insertInto('user')
      .values({
        id: 'u1',
        name: 'Rosa',
        email: 'rosa@example.org',
        emailVerified: 1,
        image: null,
        role: 'owner',
        suspendedAt: null,
        createdAt: now,
        updatedAt: now,
      } as never)
      .execute();
    await db
      .insertInto('verification')
      .values([
        {
          id: 'v1',
          identifier: `reset-password:${RESET_TOKEN}`,
          value: 'u1',
          expiresAt: later,
          createdAt: now,
          updatedAt: now,
        },
        {
          id: 'v2',
          identifier: 'hashed-identifier',
          value: 'other',
          expiresAt: later,
          createdAt: now,
          updatedAt: now,
        },
      ] as never)
      .execute();
    await db
      .insertInto('invitations')
      .values({
        id: 'inv1',
        email: 'eddie@example.org',
        role: 'editor',
        token_hash: createHash('sha256').update(INVITE_TOKEN).digest('hex'),
        invited_by: 'u1',
        created_at: now,
        expires_at: later,
        accepted_at: null,
        accepted_user_id: null,
        revoked_at: null,
      } as never)
      .execute();
    const message = (id: string, template: string, data: object, status = 'queued') => ({
      id,
      recipient: `${id}@example.org`,
      template,
      language: 'en',
      data: JSON.stringify(data),
      subject: null,
      status,
      message_id: `<${id}@example.org>`,
      provider_response: null,
      attempts: 0,
      last_error: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
    });
    await db
      .insertInto('messages')
      .values([
        message('m1', 'password-reset', {
          name: 'Rosa',
          resetUrl: `http://localhost:3001/api/auth/reset-password/${RESET_TOKEN}?callbackURL=x`,
        }),
        message('m2', 'staff-invitation', {
          inviterName: 'Rosa',
          role: 'editor',
          acceptUrl: `http://localhost:3001/accept-invitation?token=${INVITE_TOKEN}`,
          expiresAt: later,
        }),
        message(
          'm3',
          'weekly-digest',
          {
            articles: [{ title: 'T', summary: 'S', url: 'https://site.example.org/news/t' }],
            unsubscribeUrl: `https://site.example.org/unsubscribe/${UNSUBSCRIBE_TOKEN}`,
          },
          'sent',
        ),
        message('m4', 'test-message', { requestedBy: 'Rosa' }, 'sent'),
      ] as never)
      .execute();

    expect((await migrator.migrateToLatest()).error).toBeUndefined();

    const rows = await db.selectFrom('messages').select(['id', 'status', 'data']).orderBy('id').execute();
    expect(rows.map((r) => [r.id, r.status, JSON.parse(r.data)])).toEqual([
      ['m1', 'queued', { name: 'Rosa', userId: 'u1' }],
      ['m2', 'queued', { inviterName: 'Rosa', role: 'editor', expiresAt: later, invitationId: 'inv1' }],
      ['m3', 'sent', { articles: [{ title: 'T', summary: 'S', url: 'https://site.example.org/news/t' }] }],
      ['m4', 'sent', { requestedBy: 'Rosa' }],
    ]);
    for (const token of [RESET_TOKEN, INVITE_TOKEN, UNSUBSCRIBE_TOKEN]) {
      expect(await tablesContaining(old, token)).toEqual([]);
    }
    expect(await db.selectFrom('verification').select('id').execute()).toEqual([{ id: 'v2' }]);
    expect(await db.selectFrom('invitations').select('id').execute()).toEqual([{ id: 'inv1' }]);
    expect(await db.selectFrom('user').select('id').execute()).toEqual([{ id: 'u1' }]);
  });
});
