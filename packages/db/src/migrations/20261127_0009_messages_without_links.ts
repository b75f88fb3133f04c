// Frozen. Message records written before links were minted at send time (docs/decisions/0009) held the links
// themselves, with live tokens: each loses its links and keeps what they were for, so a queued one can still be
// sent with a fresh link (the invitation found by its token's hash; the reset's user by better-auth's row).
// better-auth's reset rows that name their token in plain text are deleted (their links stop working: a new reset
// can be asked for at once); from now on better-auth stores such identifiers only as hashes.
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';

const LINKS = ['resetUrl', 'acceptUrl', 'confirmUrl', 'unsubscribeUrl'];

function tokenIn(url: unknown, where: 'path' | 'query'): string | null {
  if (typeof url !== 'string') return null;
  try {
    const u = new URL(url);
    return where === 'query' ? u.searchParams.get('token') : (u.pathname.split('/').at(-1) ?? null);
  } catch {
    return null;
  }
}

async function withoutLinks(
  db: Kysely<any>,
  template: string,
  data: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const kept = Object.fromEntries(Object.entries(data).filter(([key]) => !LINKS.includes(key)));
  if (template === 'staff-invitation' && kept.invitationId === undefined) {
    const token = tokenIn(data.acceptUrl, 'query');
    const invitation = token
      ? await db
          .selectFrom('invitations')
          .select('id')
          .where('token_hash', '=', createHash('sha256').update(token).digest('hex'))
          .executeTakeFirst()
      : undefined;
    if (invitation) kept.invitationId = invitation.id;
  }
  if (template === 'password-reset' && kept.userId === undefined) {
    const token = tokenIn(data.resetUrl, 'path');
    const verification = token
      ? await db
          .selectFrom('verification')
          .select('value')
          .where('identifier', '=', `reset-password:${token}`)
          .executeTakeFirst()
      : undefined;
    if (verification) kept.userId = verification.value;
  }
  return kept;
}

export async function up(db: Kysely<any>): Promise<void> {
  // In batches by id, so a large table is never loaded at once.
  for (let after = ''; ; ) {
    const batch = (await db
      .selectFrom('messages')
      .select(['id', 'template', 'data'])
      .where('template', 'in', [
        'password-reset',
        'staff-invitation',
        'signature-confirmation',
        'weekly-digest',
      ])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute()) as { id: string; template: string; data: string }[];
    for (const row of batch) {
      const data = JSON.parse(row.data) as Record<string, unknown>;
      if (!LINKS.some((key) => key in data)) continue;
      await db
        .updateTable('messages')
        .set({ data: JSON.stringify(await withoutLinks(db, row.template, data)) })
        .where('id', '=', row.id)
        .execute();
    }
    if (batch.length < 500) break;
    after = batch.at(-1)!.id;
  }
  await db.deleteFrom('verification').where('identifier', 'like', 'reset-password:%').execute();
}

export async function down(): Promise<void> {
  // The links are gone for good: that is the point.
}
