// Members and the staff-configurable membership types.
import type { Language, Member, MembershipType } from '@ayni/domain';
import type { Kysely } from 'kysely';
import { fromFlag, iso, isoOrNull, toFlag } from '../mappers.js';
import type { Database } from '../schema.js';

type Db = Kysely<Database>;

export async function upsertMembershipType(db: Db, t: MembershipType): Promise<MembershipType> {
  await db
    .insertInto('membership_types')
    .values({
      id: t.id,
      slug: t.slug,
      name: t.name,
      annual_fee: t.annualFee,
      currency: t.currency,
      active: toFlag(t.active),
    })
    .onConflict((oc) =>
      oc.column('slug').doUpdateSet({
        name: t.name,
        annual_fee: t.annualFee,
        currency: t.currency,
        active: toFlag(t.active),
      }),
    )
    .execute();
  const row = await db
    .selectFrom('membership_types')
    .selectAll()
    .where('slug', '=', t.slug)
    .executeTakeFirstOrThrow();
  return { ...t, id: row.id };
}

export async function listMembershipTypes(db: Db): Promise<MembershipType[]> {
  const rows = await db.selectFrom('membership_types').selectAll().orderBy('annual_fee').execute();
  return rows.map((r) => ({
    id: r.id,
    slug: r.slug,
    name: r.name,
    annualFee: r.annual_fee,
    currency: r.currency,
    active: fromFlag(r.active),
  }));
}

export async function insertMember(db: Db, m: Member): Promise<Member> {
  await db
    .insertInto('members')
    .values({
      id: m.id,
      name: m.name,
      email: m.email,
      canonical_email: m.canonicalEmail,
      language: m.language satisfies Language,
      membership_type_id: m.membershipTypeId,
      status: m.status,
      joined_at: isoOrNull(m.joinedAt),
      renews_at: isoOrNull(m.renewsAt),
      cancelled_at: isoOrNull(m.cancelledAt),
      source: m.source,
      consent_statement: m.consent?.statement ?? null,
      consent_version: m.consent?.version ?? null,
      consent_given_at: isoOrNull(m.consent?.givenAt),
      consent_source: m.consent?.source ?? null,
      created_at: iso(m.createdAt),
      updated_at: iso(m.updatedAt),
    })
    .execute();
  return m;
}

export async function countMembersByStatus(db: Db): Promise<Record<Member['status'], number>> {
  const rows = await db
    .selectFrom('members')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const counts: Record<Member['status'], number> = {
    pending: 0,
    active: 0,
    grace: 0,
    lapsed: 0,
    cancelled: 0,
  };
  for (const r of rows) counts[r.status as Member['status']] = Number(r.n);
  return counts;
}
