// Frozen, like the migrations: rows for a database at the schema of 20261127_0008 (before campaigns and events had
// translation tables), written with raw inserts against that schema so they stay valid whatever the code becomes.
// The upgrade test of 20261202_0010 fills a database with these and checks where each one went. Values include the
// awkward ones (nulls, quotes, accents, a petition without its text) that a careless copy would mangle.
import type { Kysely } from 'kysely';
import type { Dialect } from '../connection.js';

const at = (day: number, time = '12:00:00.000') => `2026-11-${String(day).padStart(2, '0')}T${time}Z`;

export const users = [
  {
    id: 'user-1',
    name: 'Helen Carter',
    email: 'helen@example.org',
    emailVerified: 1,
    image: null,
    createdAt: at(1),
    updatedAt: at(1),
    role: 'owner',
  },
];

export const topics = [
  { slug: 'mining', name: 'Mining', name_es: 'Minería' },
  { slug: 'womens-rights', name: 'Women’s rights', name_es: null },
];

export const articles = [
  {
    id: 'art-en',
    kind: 'news',
    nav_order: null,
    language: 'en',
    slug: 'water-defenders-acquitted',
    title: 'Water defenders acquitted',
    summary: 'After eight years',
    body: '## What happened\n\nThe court "acquitted" them.',
    status: 'published',
    published_at: at(2),
    scheduled_for: null,
    translation_id: null,
    author_id: 'user-1',
    version: 2,
    created_at: at(2),
    updated_at: at(2),
    featured_image_url: 'https://example.org/river.jpg',
    featured_image_alt: 'A river in Cajamarca',
    search_text: 'What happened The court acquitted them.',
  },
  {
    id: 'art-es',
    kind: 'news',
    nav_order: null,
    language: 'es',
    slug: 'defensores-del-agua-absueltos',
    title: 'Defensores del agua absueltos',
    summary: 'Tras ocho años',
    body: 'El tribunal los absolvió.',
    status: 'draft',
    published_at: null,
    scheduled_for: null,
    translation_id: 'art-en',
    author_id: null,
    version: 1,
    created_at: at(3),
    updated_at: at(3),
    featured_image_url: null,
    featured_image_alt: null,
    search_text: 'El tribunal los absolvió.',
  },
];

export const articleSlugHistory = [
  {
    language: 'en',
    slug: 'water-defenders-cleared',
    article_id: 'art-en',
    created_at: at(2, '13:00:00.000'),
  },
];

export const articleTopics = [
  { article_id: 'art-en', topic_slug: 'mining' },
  { article_id: 'art-es', topic_slug: 'mining' },
];

export const campaigns = [
  {
    id: 'camp-en',
    slug: 'justice-for-sterilised-women',
    language: 'en',
    title: 'Justice for women sterilised without consent',
    summary: 'Reparations now',
    body: 'Thousands are *still* waiting.',
    status: 'active',
    petition_text: 'We call on the Foreign Secretary to raise reparations.',
    petition_target: 'The Foreign Secretary',
    signature_goal: 1000,
    petition_deadline: at(30, '23:59:00.000'),
    created_at: at(4),
    updated_at: at(5),
  },
  {
    id: 'camp-es',
    slug: 'agua-para-puno',
    language: 'es',
    title: 'Agua para Puno',
    summary: '',
    body: '',
    status: 'draft',
    petition_text: null,
    petition_target: null,
    signature_goal: null,
    petition_deadline: null,
    created_at: at(6),
    updated_at: at(6),
  },
  {
    // A target and goal but no text yet: kept as it is, not "tidied" away.
    id: 'camp-closed',
    slug: 'lead-in-la-oroya',
    language: 'en',
    title: 'Lead in La Oroya',
    summary: 'Closed',
    body: '',
    status: 'closed',
    petition_text: null,
    petition_target: 'Ministry of Health',
    signature_goal: 50,
    petition_deadline: null,
    created_at: at(7),
    updated_at: at(8),
  },
];

export const milestones = [
  {
    id: 'ms-1',
    campaign_id: 'camp-en',
    position: 0,
    title: 'Petition launched',
    description: '',
    date: at(4),
    reached: 1,
  },
  {
    id: 'ms-2',
    campaign_id: 'camp-en',
    position: 1,
    title: '500 signatures',
    description: 'Letter to the "Foreign Office"',
    date: null,
    reached: 0,
  },
  {
    id: 'ms-3',
    campaign_id: 'camp-es',
    position: 0,
    title: 'Reunión con el alcalde',
    description: 'En Puno',
    date: at(20),
    reached: 0,
  },
];

const signature = (id: string, campaign: string, status: string, email: string, extra: object = {}) => ({
  id,
  campaign_id: campaign,
  name: `Signer ${id}`,
  email,
  canonical_email: email.toLowerCase(),
  country: 'PE',
  postcode: null,
  consent_statement: 'Keep my signature.',
  consent_version: 'petition-2026-1',
  consent_given_at: at(9),
  consent_source: 'form',
  status,
  confirmed_at: status === 'confirmed' ? at(9, '12:05:00.000') : null,
  created_at: at(9),
  ...extra,
});

export const signatures = [
  signature('sig-1', 'camp-en', 'confirmed', 'ana@example.org'),
  signature('sig-2', 'camp-en', 'confirmed', 'tom@example.co.uk', { country: 'GB', postcode: 'N1 9GU' }),
  signature('sig-3', 'camp-en', 'pending', 'ana@example.org'),
  signature('sig-4', 'camp-closed', 'confirmed', 'ana@example.org'),
  signature('sig-5', 'camp-es', 'pending', 'rosa@example.pe', { consent_source: 'import' }),
];

export const membershipTypes = [
  { id: 'mt-1', slug: 'individual', name: 'Individual', annual_fee: 2500, currency: 'GBP', active: 1 },
  { id: 'mt-2', slug: 'concession', name: 'Concession', annual_fee: 1000, currency: 'GBP', active: 0 },
];

export const members = [
  {
    id: 'mem-1',
    name: 'Luis Huamán',
    email: 'Luis@example.pe',
    canonical_email: 'luis@example.pe',
    language: 'es',
    membership_type_id: 'mt-1',
    status: 'active',
    joined_at: at(1),
    renews_at: '2027-11-01T12:00:00.000Z',
    cancelled_at: null,
    source: 'form',
    consent_statement: 'Keep my details.',
    consent_version: 'membership-2026-1',
    consent_given_at: at(1),
    consent_source: 'form',
    created_at: at(1),
    updated_at: at(1),
  },
  {
    id: 'mem-2',
    name: 'Claire Dubois',
    email: 'claire@example.fr',
    canonical_email: 'claire@example.fr',
    language: 'en',
    membership_type_id: 'mt-2',
    status: 'pending',
    joined_at: null,
    renews_at: null,
    cancelled_at: null,
    source: 'import',
    consent_statement: null,
    consent_version: null,
    consent_given_at: null,
    consent_source: null,
    created_at: at(2),
    updated_at: at(2),
  },
];

export const events = [
  {
    id: 'ev-en',
    slug: 'screening-the-quipu-testimonies',
    language: 'en',
    title: 'Screening: the Quipu testimonies',
    summary: 'A documentary',
    body: 'Questions afterwards.',
    starts_at: '2026-12-17T18:00:00.000Z',
    ends_at: '2026-12-17T20:00:00.000Z',
    time_zone: 'Europe/London',
    venue_name: 'Conway Hall',
    venue_address: '25 Red Lion Square, London WC1R 4RL',
    online_url: null,
    accessibility: 'Step-free access; hearing loop.',
    capacity: 2,
    registration_open: 1,
    status: 'published',
    created_at: at(10),
    updated_at: at(11),
  },
  {
    id: 'ev-es',
    slug: 'charla-en-linea',
    language: 'es',
    title: 'Charla en línea',
    summary: '',
    body: '',
    starts_at: '2026-12-01T23:00:00.000Z',
    ends_at: '2026-12-02T00:30:00.000Z',
    time_zone: 'America/Lima',
    venue_name: null,
    venue_address: null,
    online_url: 'https://meet.example.org/abc',
    accessibility: '',
    capacity: null,
    registration_open: 0,
    status: 'cancelled',
    created_at: at(12),
    updated_at: at(12),
  },
];

const registration = (id: string, event: string, status: string, email: string) => ({
  id,
  event_id: event,
  name: `Guest ${id}`,
  email,
  canonical_email: email,
  status,
  created_at: at(13),
  cancelled_at: status === 'cancelled' ? at(14) : null,
});

export const registrations = [
  registration('reg-1', 'ev-en', 'confirmed', 'a@example.org'),
  registration('reg-2', 'ev-en', 'confirmed', 'b@example.org'),
  registration('reg-3', 'ev-en', 'waitlisted', 'c@example.org'),
  registration('reg-4', 'ev-en', 'cancelled', 'a@example.org'),
  registration('reg-5', 'ev-es', 'confirmed', 'd@example.org'),
];

/** The SQLite queue's tables (on PostgreSQL, pg-boss keeps its jobs in a schema of its own). */
export const jobs = [
  {
    id: 'job-1',
    name: 'email.send',
    payload: '{"messageId":"msg-1"}',
    state: 'completed',
    attempts: 1,
    max_attempts: 5,
    backoff_seconds: 30,
    run_at: at(9),
    locked_by: null,
    lock_expires_at: null,
    last_error: null,
    created_at: at(9),
    updated_at: at(9),
    finished_at: at(9, '12:00:01.000'),
  },
  {
    id: 'job-2',
    name: 'sweep',
    payload: '{}',
    state: 'queued',
    attempts: 0,
    max_attempts: 1,
    backoff_seconds: 0,
    run_at: at(27),
    locked_by: null,
    lock_expires_at: null,
    last_error: 'timeout',
    created_at: at(27),
    updated_at: at(27),
    finished_at: null,
  },
];

export async function fillAt0008(db: Kysely<any>, dialect: Dialect): Promise<void> {
  await db.insertInto('user').values(users).execute();
  await db
    .insertInto('settings')
    .values([{ key: 'organisationName', value: 'Andes Solidarity Network' }])
    .execute();
  await db.insertInto('topics').values(topics).execute();
  await db.insertInto('articles').values(articles).execute();
  await db.insertInto('article_slug_history').values(articleSlugHistory).execute();
  await db.insertInto('article_topics').values(articleTopics).execute();
  await db.insertInto('campaigns').values(campaigns).execute();
  await db.insertInto('campaign_milestones').values(milestones).execute();
  await db.insertInto('signatures').values(signatures).execute();
  await db.insertInto('membership_types').values(membershipTypes).execute();
  await db.insertInto('members').values(members).execute();
  await db.insertInto('events').values(events).execute();
  await db.insertInto('event_registrations').values(registrations).execute();
  await db
    .insertInto('job_idempotency_keys')
    .values([
      { key: 'signature-confirmation:sig-1', job_name: 'email.send', job_id: 'job-1', created_at: at(9) },
    ])
    .execute();
  await db
    .insertInto('messages')
    .values([
      {
        id: 'msg-1',
        recipient: 'ana@example.org',
        template: 'signature-confirmation',
        language: 'en',
        data: '{"campaignId":"camp-en"}',
        subject: 'Confirm your signature',
        status: 'sent',
        message_id: '<msg-1@ayni.example>',
        provider_response: '250 OK',
        attempts: 1,
        last_error: null,
        created_at: at(9),
        updated_at: at(9),
        sent_at: at(9),
      },
    ])
    .execute();
  if (dialect === 'sqlite') {
    await db.insertInto('jobs').values(jobs).execute();
    await db
      .insertInto('job_schedules')
      .values([
        { name: 'sweep', cron: '* * * * *', time_zone: 'UTC', next_run_at: at(27), last_run_at: null },
      ])
      .execute();
  }
  await db
    .insertInto('audit_log')
    .values([
      {
        id: 'audit-1',
        at: at(5),
        actor_id: 'user-1',
        actor_email: 'helen@example.org',
        action: 'campaign.update',
        resource_type: 'campaign',
        resource_id: 'camp-en',
        summary: 'Changed the deadline',
      },
    ])
    .execute();
  await db
    .insertInto('partner_feeds')
    .values([
      {
        id: 'feed-1',
        url: 'https://partner.example.pe/feed.xml',
        name: 'Partner in Puno',
        language: 'es',
        paused: 0,
        etag: '"abc"',
        last_modified: null,
        next_fetch_at: at(27),
        last_fetched_at: at(26),
        last_new_item_at: null,
        last_error: null,
        last_error_at: null,
        consecutive_failures: 0,
        last_warning: null,
        created_at: at(20),
        updated_at: at(26),
      },
    ])
    .execute();
  await db
    .insertInto('partner_feed_topics')
    .values([{ feed_id: 'feed-1', topic_slug: 'mining' }])
    .execute();
  await db
    .insertInto('partner_items')
    .values([
      {
        id: 'item-1',
        feed_id: 'feed-1',
        item_key: 'https://partner.example.pe/1',
        link: 'https://partner.example.pe/1',
        title: 'Noticia',
        summary: '',
        author: null,
        published_at: at(25),
        draft_article_id: 'art-es',
        created_at: at(26),
      },
    ])
    .execute();
}
