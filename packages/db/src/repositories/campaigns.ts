// Campaigns — one row each, with their texts and slugs per language — their milestones, and petition signatures.
import {
  DomainError,
  languagesOf,
  noSignatureCounts,
  signatureStatuses,
  type CampaignChoice,
  type SignatureCounts,
  type SignatureListItem,
  type Campaign,
  type CampaignText,
  type Language,
  type Milestone,
  type MilestoneText,
  type Signature,
  type SignatureRepository,
  type SigningAttempts,
  type CampaignRepository,
  type Translations,
} from '@ayni/domain';
import { sql, type Kysely, type Selectable } from 'kysely';
import { conflictOnDuplicate } from '../errors.js';
import { createdBefore } from '../keyset.js';
import { nameOrEmailContains } from '../search.js';
import { fromFlag, iso, isoOrNull, toDate, toDateOrNull, toFlag } from '../mappers.js';
import type { CampaignsTable, Database, SignaturesTable } from '../schema.js';
import { withTransaction } from '../transaction.js';
import { lockMilestonesInOrder } from './milestone-emails.js';

type Db = Kysely<Database>;

const LANGUAGE_NAMES: Readonly<Record<Language, string>> = { en: 'English', es: 'Spanish' };

async function toCampaign(db: Db, row: Selectable<CampaignsTable>): Promise<Campaign> {
  const [texts, milestones, milestoneTexts] = await Promise.all([
    db.selectFrom('campaign_translations').selectAll().where('campaign_id', '=', row.id).execute(),
    db
      .selectFrom('campaign_milestones')
      .selectAll()
      .where('campaign_id', '=', row.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('campaign_milestone_translations as t')
      .innerJoin('campaign_milestones as m', 'm.id', 't.milestone_id')
      .select(['t.milestone_id', 't.language', 't.title', 't.description'])
      .where('m.campaign_id', '=', row.id)
      .execute(),
  ]);
  const translations: Translations<CampaignText> = {};
  for (const t of texts) {
    translations[t.language as Language] = {
      slug: t.slug,
      title: t.title,
      summary: t.summary,
      body: t.body,
      petitionText: t.petition_text,
    };
  }
  return {
    ...campaignFigures(row),
    translations,
    milestones: milestones.map((m): Milestone => {
      const own: Translations<MilestoneText> = {};
      for (const t of milestoneTexts) {
        if (t.milestone_id === m.id)
          own[t.language as Language] = { title: t.title, description: t.description };
      }
      return {
        id: m.id,
        date: toDateOrNull(m.date),
        reached: fromFlag(m.reached),
        reachedAt: toDateOrNull(m.reached_at),
        signatureThreshold: m.signature_threshold,
        translations: own,
      };
    }),
  };
}

/** What a campaign's own row says: everything but its texts and milestones. */
function campaignFigures(row: Selectable<CampaignsTable>): Omit<Campaign, 'translations' | 'milestones'> {
  return {
    id: row.id,
    status: row.status as Campaign['status'],
    petition:
      row.petition_target !== null && row.signature_goal !== null
        ? {
            target: row.petition_target,
            signatureGoal: row.signature_goal,
            deadline: toDateOrNull(row.petition_deadline),
          }
        : null,
    closedAt: toDateOrNull(row.closed_at),
    closedReason: row.closed_reason,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

/**
 * `campaign` (read a moment ago, with its texts and milestones) with its row as it stands now — status, petition,
 * closing — in one query instead of findCampaignById's four; null when it is gone. For a use case that must see
 * whether the campaign is still open inside its transaction (signing) and shows only texts already read.
 */
export async function refreshCampaignFigures(db: Db, campaign: Campaign): Promise<Campaign | null> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', campaign.id).executeTakeFirst();
  return row ? { ...campaign, ...campaignFigures(row) } : null;
}

/**
 * The texts in each language; the unique (language, slug) constraint is what refuses another campaign's slug,
 * so two campaigns created at once cannot both take it.
 */
async function writeTexts(db: Db, c: Campaign): Promise<void> {
  for (const language of languagesOf(c.translations)) {
    const text = c.translations[language]!;
    await conflictOnDuplicate(
      () =>
        db
          .insertInto('campaign_translations')
          .values({
            campaign_id: c.id,
            language,
            slug: text.slug,
            title: text.title,
            summary: text.summary,
            body: text.body,
            petition_text: text.petitionText,
          })
          .execute(),
      {
        message: `Another campaign already uses the slug "${text.slug}" in ${LANGUAGE_NAMES[language]}`,
        field: `translations.${language}.slug`,
      },
    );
  }
}

/**
 * Writes the milestones as given, keeping each one's row (by id) so what refers to a milestone — the record of who
 * was emailed about it — survives an edit; milestones left out are deleted. A new milestone is written as given
 * (reached or not); an existing one keeps whether and when it was reached.
 */
async function writeMilestones(db: Db, c: Campaign): Promise<void> {
  await lockMilestonesInOrder(db, c.id);
  const kept = c.milestones.map((m) => m.id);
  let removed = db.deleteFrom('campaign_milestones').where('campaign_id', '=', c.id);
  if (kept.length > 0) removed = removed.where('id', 'not in', kept);
  await removed.execute();
  if (kept.length > 0)
    await db.deleteFrom('campaign_milestone_translations').where('milestone_id', 'in', kept).execute();
  for (const [position, m] of c.milestones.entries()) {
    const figures = { position, date: isoOrNull(m.date), signature_threshold: m.signatureThreshold };
    // Whether a milestone is reached is never written by an edit of an existing one: only its own conditional mark
    // (markMilestoneReachedIfNot) sets it, so a save made from a copy read before a confirmation reached the
    // milestone cannot undo that.
    await db
      .insertInto('campaign_milestones')
      .values({
        id: m.id,
        campaign_id: c.id,
        ...figures,
        reached: toFlag(m.reached),
        reached_at: isoOrNull(m.reachedAt),
      })
      .onConflict((oc) => oc.column('id').doUpdateSet(figures))
      .execute();
    for (const language of languagesOf(m.translations)) {
      const text = m.translations[language]!;
      await db
        .insertInto('campaign_milestone_translations')
        .values({ milestone_id: m.id, language, title: text.title, description: text.description })
        .execute();
    }
  }
}

function campaignRow(c: Campaign) {
  return {
    status: c.status,
    petition_target: c.petition?.target ?? null,
    signature_goal: c.petition?.signatureGoal ?? null,
    petition_deadline: isoOrNull(c.petition?.deadline),
    closed_at: isoOrNull(c.closedAt),
    closed_reason: c.closedReason,
    updated_at: iso(c.updatedAt),
  };
}

/** Inserts a campaign with its texts and milestones; a slug another campaign has in that language is CONFLICT. */
export async function insertCampaign(db: Db, c: Campaign): Promise<Campaign> {
  await withTransaction(db, async (trx) => {
    await trx
      .insertInto('campaigns')
      .values({ id: c.id, ...campaignRow(c), created_at: iso(c.createdAt) })
      .execute();
    await writeTexts(trx, c);
    await writeMilestones(trx, c);
  });
  return c;
}

/** Saves a campaign's figures, texts and milestones as given (a language left out is removed). */
export async function updateCampaign(db: Db, c: Campaign): Promise<Campaign> {
  await withTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('campaigns')
      .set(campaignRow(c))
      .where('id', '=', c.id)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) throw new DomainError('NOT_FOUND', 'Campaign not found');
    // Nothing refers to the texts, so they are written afresh; milestones are kept by id (writeMilestones).
    await trx.deleteFrom('campaign_translations').where('campaign_id', '=', c.id).execute();
    await writeTexts(trx, c);
    await writeMilestones(trx, c);
  });
  return c;
}

export async function findCampaignById(db: Db, id: string): Promise<Campaign | null> {
  const row = await db.selectFrom('campaigns').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toCampaign(db, row) : null;
}

/** The campaign whose text in `language` has `slug` (with all its languages). */
export async function findCampaignBySlug(db: Db, language: Language, slug: string): Promise<Campaign | null> {
  const row = await db
    .selectFrom('campaigns')
    .selectAll('campaigns')
    .innerJoin('campaign_translations as t', 't.campaign_id', 'campaigns.id')
    .where('t.language', '=', language)
    .where('t.slug', '=', slug)
    .executeTakeFirst();
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
    updatesConsent:
      r.updates_consent_statement !== null && r.updates_consent_version !== null
        ? {
            statement: r.updates_consent_statement,
            version: r.updates_consent_version,
            givenAt: toDate(r.updates_consent_given_at!),
            source: r.consent_source as Signature['consent']['source'],
          }
        : null,
    status: r.status as Signature['status'],
    confirmedAt: toDateOrNull(r.confirmed_at),
    createdAt: toDate(r.created_at),
    language: r.language as Language,
    source: r.source,
    emailsSent: Number(r.emails_sent),
    heldReason: r.held_reason,
  };
}

/** The columns a signature's later changes write (name, postcode, consent to updates, status…). */
function changingColumns(s: Signature) {
  return {
    name: s.name,
    country: s.country,
    postcode: s.postcode,
    updates_consent_statement: s.updatesConsent?.statement ?? null,
    updates_consent_version: s.updatesConsent?.version ?? null,
    updates_consent_given_at: isoOrNull(s.updatesConsent?.givenAt),
    status: s.status,
    confirmed_at: isoOrNull(s.confirmedAt),
    held_reason: s.heldReason,
  };
}

function signatureRow(s: Signature) {
  return {
    id: s.id,
    campaign_id: s.campaignId,
    email: s.email,
    canonical_email: s.canonicalEmail,
    consent_statement: s.consent.statement,
    consent_version: s.consent.version,
    consent_given_at: iso(s.consent.givenAt),
    consent_source: s.consent.source,
    created_at: iso(s.createdAt),
    language: s.language,
    source: s.source,
    emails_sent: s.emailsSent,
    ...changingColumns(s),
  };
}

/** Inserts a signature as it is; a second live one by the same person is refused by the unique index. */
export async function insertSignature(db: Db, s: Signature): Promise<Signature> {
  await db.insertInto('signatures').values(signatureRow(s)).execute();
  return s;
}

/**
 * Inserts unless the same person already has a signature on the campaign that is not rejected; whether it did.
 * `on conflict do nothing` lets the unique index decide without an error, so a transaction on PostgreSQL carries on.
 */
export async function insertSignatureIfNew(db: Db, s: Signature): Promise<boolean> {
  const result = await db
    .insertInto('signatures')
    .values(signatureRow(s))
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function findSignatureById(db: Db, id: string): Promise<Signature | null> {
  const row = await db.selectFrom('signatures').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSignature(row) : null;
}

export async function findLiveSignature(
  db: Db,
  campaignId: string,
  canonicalEmail: string,
): Promise<Signature | null> {
  const row = await db
    .selectFrom('signatures')
    .selectAll()
    .where('campaign_id', '=', campaignId)
    .where('canonical_email', '=', canonicalEmail)
    .where('status', '<>', 'rejected')
    .executeTakeFirst();
  return row ? toSignature(row) : null;
}

export async function updateSignature(db: Db, s: Signature): Promise<void> {
  await db.updateTable('signatures').set(changingColumns(s)).where('id', '=', s.id).execute();
}

export async function claimSignatureEmail(db: Db, signatureId: string, max: number): Promise<boolean> {
  const result = await db
    .updateTable('signatures')
    .set((eb) => ({ emails_sent: eb('emails_sent', '+', 1) }))
    .where('id', '=', signatureId)
    .where('emails_sent', '<', max)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Marks a signature confirmed (the seed's shortcut past the emailed link). */
export async function saveSignatureConfirmation(db: Db, s: Signature): Promise<void> {
  await updateSignature(db, s);
}

/** Keeps the hash of a token an emailed link carries; the link works until `expiresAt`. */
export async function insertSignatureToken(
  db: Db,
  token: { signatureId: string; tokenHash: string; createdAt: Date; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('signature_tokens')
    .values({
      token_hash: token.tokenHash,
      signature_id: token.signatureId,
      created_at: iso(token.createdAt),
      expires_at: iso(token.expiresAt),
    })
    .execute();
}

/** The signature whose link carried the token hashed to `tokenHash`, if that link is still valid at `now`. */
export async function findSignatureByTokenHash(
  db: Db,
  tokenHash: string,
  now: Date,
): Promise<Signature | null> {
  const row = await db
    .selectFrom('signature_tokens as t')
    .innerJoin('signatures as s', 's.id', 't.signature_id')
    .selectAll('s')
    .where('t.token_hash', '=', tokenHash)
    .where('t.expires_at', '>', iso(now))
    .executeTakeFirst();
  return row ? toSignature(row) : null;
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

/** The address's attempts on the campaign since each of `since`, counted in one read of the earliest window. */
export async function countSigningAttempts(
  db: Db,
  campaignId: string,
  addressHash: string,
  since: readonly Date[],
): Promise<number[]> {
  if (since.length === 0) return [];
  const earliest = new Date(Math.min(...since.map((d) => d.getTime())));
  const row: Record<string, unknown> = await db
    .selectFrom('signing_attempts')
    .select((eb) =>
      since.map((from, i) =>
        eb.fn.sum<number>(eb.case().when('at', '>=', iso(from)).then(1).else(0).end()).as(`since${i}`),
      ),
    )
    .where('campaign_id', '=', campaignId)
    .where('address_hash', '=', addressHash)
    .where('at', '>=', iso(earliest))
    .executeTakeFirstOrThrow();
  // A sum over no rows is null.
  return since.map((_, i) => Number(row[`since${i}`] ?? 0));
}

export async function recordSigningAttempt(db: Db, campaignId: string, addressHash: string, at: Date) {
  await db
    .insertInto('signing_attempts')
    .values({ campaign_id: campaignId, address_hash: addressHash, at: iso(at) })
    .execute();
}

/** The domain's campaign and signature ports on `db` (a transaction, in a unit of work). */
export function signatureRepositories(db: Db): {
  campaigns: CampaignRepository;
  signatures: SignatureRepository;
  attempts: SigningAttempts;
} {
  return {
    campaigns: {
      findById: (id) => findCampaignById(db, id),
      findBySlug: (language, slug) => findCampaignBySlug(db, language, slug),
      insert: async (c) => void (await insertCampaign(db, c)),
      update: async (c) => void (await updateCampaign(db, c)),
    },
    signatures: {
      findById: (id) => findSignatureById(db, id),
      findLive: (campaignId, canonical) => findLiveSignature(db, campaignId, canonical),
      insertIfNew: (s) => insertSignatureIfNew(db, s),
      update: (s) => updateSignature(db, s),
      claimEmail: (id, max) => claimSignatureEmail(db, id, max),
      findByTokenHash: (hash, now) => findSignatureByTokenHash(db, hash, now),
      countConfirmed: (campaignId) => countConfirmedSignatures(db, campaignId),
    },
    attempts: {
      countSince: (campaignId, hash, since) => countSigningAttempts(db, campaignId, hash, since),
      record: (campaignId, hash, at) => recordSigningAttempt(db, campaignId, hash, at),
    },
  };
}

/** Confirmed signatures per campaign, for the ones asked about (a campaign with none is 0). */
export async function countConfirmedByCampaign(
  db: Db,
  campaignIds: readonly string[],
): Promise<Map<string, number>> {
  const counts = new Map(campaignIds.map((id) => [id, 0]));
  if (campaignIds.length === 0) return counts;
  const rows = await db
    .selectFrom('signatures')
    .select(['campaign_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'confirmed')
    .where('campaign_id', 'in', campaignIds)
    .groupBy('campaign_id')
    .execute();
  for (const row of rows) counts.set(row.campaign_id, Number(row.n));
  return counts;
}

/**
 * The campaigns the public site lists in `language` (those written in it, launched): open ones first, newest
 * first, then closed ones, most recently closed first — each with its confirmed count.
 */
export async function listSiteCampaigns(
  db: Db,
  language: Language,
): Promise<{ campaign: Campaign; count: number }[]> {
  const rows = await db
    .selectFrom('campaigns')
    .selectAll('campaigns')
    .innerJoin('campaign_translations as t', 't.campaign_id', 'campaigns.id')
    .where('t.language', '=', language)
    .where('campaigns.status', 'in', ['active', 'closed'])
    .orderBy(sql`case when campaigns.status = 'active' then 0 else 1 end`)
    .orderBy(sql`coalesce(campaigns.closed_at, campaigns.created_at)`, 'desc')
    .orderBy('campaigns.id')
    .execute();
  const campaigns = await Promise.all(rows.map((row) => toCampaign(db, row)));
  const counts = await countConfirmedByCampaign(
    db,
    campaigns.map((c) => c.id),
  );
  return campaigns.map((campaign) => ({ campaign, count: counts.get(campaign.id) ?? 0 }));
}

// ─── Staff: the signatures list, counts per status, the campaigns to filter by (admin; issue 13) ───────────────

export interface StaffSignatureFilter {
  /** One campaign's signatures; all campaigns' when absent. */
  campaignId?: string;
  /** Part of the signer's name or email, any case. */
  search?: string;
  status?: Signature['status'];
  country?: string;
  source?: string;
  /** Made at or after this moment. */
  createdFrom?: Date;
  /** Made before this moment. */
  createdBefore?: Date;
}

function staffSignatureQuery(db: Db, f: StaffSignatureFilter) {
  let q = db.selectFrom('signatures as s');
  if (f.campaignId) q = q.where('s.campaign_id', '=', f.campaignId);
  if (f.status) q = q.where('s.status', '=', f.status);
  if (f.country) q = q.where('s.country', '=', f.country);
  if (f.source) q = q.where('s.source', '=', f.source);
  if (f.createdFrom) q = q.where('s.created_at', '>=', iso(f.createdFrom));
  if (f.createdBefore) q = q.where('s.created_at', '<', iso(f.createdBefore));
  if (f.search?.trim()) q = q.where(nameOrEmailContains('s', f.search));
  return q;
}

/** The campaigns' titles (English first, else Spanish), by id, in one query. */
async function campaignTitles(db: Db, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('campaign_translations')
    .select(['campaign_id', 'language', 'title'])
    .where('campaign_id', 'in', [...new Set(ids)])
    .orderBy('campaign_id')
    .orderBy('language')
    .execute();
  const titles = new Map<string, string>();
  // 'en' sorts before 'es': the first title seen for a campaign is its English one when it has one.
  for (const r of rows) if (!titles.has(r.campaign_id)) titles.set(r.campaign_id, r.title);
  return titles;
}

/**
 * Signatures for staff, newest first, `limit` at a time; `before` is the createdAt/id of the last row of the
 * previous page (keyset: stable while people keep signing). One campaign's list reads signatures_campaign_created_idx.
 */
export async function listStaffSignatures(
  db: Db,
  f: StaffSignatureFilter & { limit: number; before?: { createdAt: Date; id: string } },
): Promise<SignatureListItem[]> {
  let q = staffSignatureQuery(db, f).selectAll('s');
  if (f.before) q = q.where(createdBefore(f.before, { createdAt: 's.created_at', id: 's.id' }));
  const rows = await q.orderBy('s.created_at', 'desc').orderBy('s.id', 'desc').limit(f.limit).execute();
  const titles = await campaignTitles(
    db,
    rows.map((r) => r.campaign_id),
  );
  return rows.map((r) => {
    const s = toSignature(r);
    return {
      id: s.id,
      campaignId: s.campaignId,
      campaignTitle: titles.get(s.campaignId) ?? 'Untitled campaign',
      name: s.name,
      email: s.email,
      country: s.country,
      postcode: s.postcode,
      status: s.status,
      heldReason: s.heldReason,
      source: s.source,
      language: s.language,
      createdAt: s.createdAt,
      confirmedAt: s.confirmedAt,
      emailsSent: s.emailsSent,
      consentVersion: s.consent.version,
      // Given, and not stopped since from an email's unsubscribe link.
      updatesConsent: s.updatesConsent !== null && r.updates_withdrawn_at === null,
    };
  });
}

/** How many signatures stand in each status, for one campaign or all (every status has its number). */
export async function countSignaturesByStatus(db: Db, campaignId?: string): Promise<SignatureCounts> {
  let q = db.selectFrom('signatures').select(['status', (eb) => eb.fn.countAll<number | string>().as('n')]);
  if (campaignId) q = q.where('campaign_id', '=', campaignId);
  const rows = await q.groupBy('status').execute();
  const counts = noSignatureCounts();
  for (const r of rows) {
    if ((signatureStatuses as readonly string[]).includes(r.status)) {
      counts[r.status as Signature['status']] = Number(r.n);
    }
  }
  return counts;
}

/** Every campaign with its titles, newest first: the signatures page's campaign filter. */
export async function listCampaignChoices(db: Db): Promise<CampaignChoice[]> {
  const rows = await db
    .selectFrom('campaigns as c')
    .innerJoin('campaign_translations as t', 't.campaign_id', 'c.id')
    .select(['c.id', 'c.created_at', 't.language', 't.title'])
    .orderBy('c.created_at', 'desc')
    .orderBy('c.id')
    .execute();
  const choices = new Map<string, CampaignChoice>();
  for (const r of rows) {
    const choice = choices.get(r.id) ?? { id: r.id, titles: {} };
    choice.titles[r.language as Language] = r.title;
    choices.set(r.id, choice);
  }
  return [...choices.values()];
}
