// Campaigns with their petition and milestones, and petition signatures.
import { DomainError, type Campaign, type Language, type Signature } from '@ayni/domain';
import type { Kysely, Selectable } from 'kysely';
import { fromFlag, iso, isoOrNull, toDate, toDateOrNull, toFlag } from '../mappers.js';
import type { CampaignsTable, Database, SignaturesTable } from '../schema.js';

type Db = Kysely<Database>;

async function toCampaign(db: Db, row: Selectable<CampaignsTable>): Promise<Campaign> {
  const milestones = await db
    .selectFrom('campaign_milestones')
    .selectAll()
    .where('campaign_id', '=', row.id)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    slug: row.slug,
    language: row.language as Language,
    title: row.title,
    summary: row.summary,
    body: row.body,
    status: row.status as Campaign['status'],
    petition:
      row.petition_text !== null && row.petition_target !== null && row.signature_goal !== null
        ? {
            text: row.petition_text,
            target: row.petition_target,
            signatureGoal: row.signature_goal,
            deadline: toDateOrNull(row.petition_deadline),
          }
        : null,
    milestones: milestones.map((m) => ({
      id: m.id,
      title: m.title,
      description: m.description,
      date: toDateOrNull(m.date),
      reached: fromFlag(m.reached),
    })),
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

export async function insertCampaign(db: Db, c: Campaign): Promise<Campaign> {
  const clash = await db.selectFrom('campaigns').select('id').where('slug', '=', c.slug).executeTakeFirst();
  if (clash)
    throw new DomainError('CONFLICT', `Another campaign already uses the slug "${c.slug}"`, {
      field: 'slug',
    });
  await db
    .insertInto('campaigns')
    .values({
      id: c.id,
      slug: c.slug,
      language: c.language,
      title: c.title,
      summary: c.summary,
      body: c.body,
      status: c.status,
      petition_text: c.petition?.text ?? null,
      petition_target: c.petition?.target ?? null,
      signature_goal: c.petition?.signatureGoal ?? null,
      petition_deadline: isoOrNull(c.petition?.deadline),
      created_at: iso(c.createdAt),
      updated_at: iso(c.updatedAt),
    })
    .execute();
  if (c.milestones.length > 0) {
    await db
      .insertInto('campaign_milestones')
      .values(
        c.milestones.map((m, position) => ({
          id: m.id,
          campaign_id: c.id,
          position,
          title: m.title,
          description: m.description,
          date: isoOrNull(m.date),
          reached: toFlag(m.reached),
        })),
      )
      .execute();
  }
  return c;
}

export async function findCampaignBySlug(db: Db, slug: string): Promise<Campaign | null> {
  const row = await db.selectFrom('campaigns').selectAll().where('slug', '=', slug).executeTakeFirst();
  return row ? toCampaign(db, row) : null;
}

function toSignature(r: Selectable<SignaturesTable>): Signature {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    name: r.name,
    email: r.email,
    canonicalEmail: r.canonical_email,
    country: r.country,
    postcode: r.postcode,
    consent: {
      statement: r.consent_statement,
      version: r.consent_version,
      givenAt: toDate(r.consent_given_at),
      source: r.consent_source as Signature['consent']['source'],
    },
    status: r.status as Signature['status'],
    confirmedAt: toDateOrNull(r.confirmed_at),
    createdAt: toDate(r.created_at),
  };
}

export async function insertSignature(db: Db, s: Signature): Promise<Signature> {
  await db
    .insertInto('signatures')
    .values({
      id: s.id,
      campaign_id: s.campaignId,
      name: s.name,
      email: s.email,
      canonical_email: s.canonicalEmail,
      country: s.country,
      postcode: s.postcode,
      consent_statement: s.consent.statement,
      consent_version: s.consent.version,
      consent_given_at: iso(s.consent.givenAt),
      consent_source: s.consent.source,
      status: s.status,
      confirmed_at: isoOrNull(s.confirmedAt),
      created_at: iso(s.createdAt),
    })
    .execute();
  return s;
}

export async function findSignatureById(db: Db, id: string): Promise<Signature | null> {
  const row = await db.selectFrom('signatures').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSignature(row) : null;
}

/** Marks a signature confirmed; the partial unique index refuses a second confirmed one for the same email. */
export async function saveSignatureConfirmation(db: Db, s: Signature): Promise<void> {
  try {
    await db
      .updateTable('signatures')
      .set({ status: s.status, confirmed_at: isoOrNull(s.confirmedAt) })
      .where('id', '=', s.id)
      .execute();
  } catch (error) {
    if (/unique/i.test(String(error))) {
      throw new DomainError('CONFLICT', 'This email address has already signed this petition', {
        field: 'email',
      });
    }
    throw error;
  }
}

export async function countConfirmedSignatures(db: Db, campaignId?: string): Promise<number> {
  let q = db
    .selectFrom('signatures')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'confirmed');
  if (campaignId) q = q.where('campaign_id', '=', campaignId);
  const row = await q.executeTakeFirstOrThrow();
  return Number(row.n);
}
