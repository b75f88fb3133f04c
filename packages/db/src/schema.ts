// Kysely table types. Instants are written as ISO-8601 strings; PostgreSQL stores them as timestamptz and
// hands back Date objects, SQLite stores the text — repositories convert both with `toDate`.
// Flags are written as 0/1: an integer on SQLite, a boolean on PostgreSQL (which accepts '0'/'1').
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

export type Instant = ColumnType<Date | string, string, string>;
export type NullableInstant = ColumnType<Date | string | null, string | null, string | null>;
export type Flag = ColumnType<number | boolean, number, number>;

export interface SettingsTable {
  key: string;
  value: string;
}

export interface TopicsTable {
  slug: string;
  /** The English name. */
  name: string;
  /** The Spanish name; null until someone gives one (the English name is shown meanwhile). */
  name_es: string | null;
}

export interface ArticlesTable {
  id: string;
  kind: string;
  nav_order: number | null;
  language: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  status: string;
  published_at: NullableInstant;
  scheduled_for: NullableInstant;
  translation_id: string | null;
  author_id: string | null;
  featured_image_url: string | null;
  featured_image_alt: string | null;
  /** The rendered body as plain text: what full-text search indexes. */
  search_text: string;
  version: number;
  created_at: Instant;
  updated_at: Instant;
}

export interface ArticleSlugHistoryTable {
  language: string;
  slug: string;
  article_id: string;
  created_at: Instant;
}

export interface ArticleTopicsTable {
  article_id: string;
  topic_slug: string;
}

/** One row per campaign: what is the same in every language. Texts and slugs: campaign_translations. */
export interface CampaignsTable {
  id: string;
  status: string;
  petition_target: string | null;
  signature_goal: number | null;
  petition_deadline: NullableInstant;
  closed_at: NullableInstant;
  /** Why it closed, in words staff wrote or the sweep's ("The deadline passed."); null while open. */
  closed_reason: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** A campaign's texts in one language; (language, slug) is unique across campaigns. */
export interface CampaignTranslationsTable {
  campaign_id: string;
  language: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
  petition_text: string | null;
}

export interface CampaignMilestonesTable {
  id: string;
  campaign_id: string;
  position: number;
  date: NullableInstant;
  reached: Flag;
  /** Reached by itself once the confirmed count gets here; null: reached only by hand. */
  signature_threshold: number | null;
  reached_at: NullableInstant;
}

export interface CampaignMilestoneTranslationsTable {
  milestone_id: string;
  language: string;
  title: string;
  description: string;
}

export interface SignaturesTable {
  id: string;
  campaign_id: string;
  name: string;
  email: string;
  canonical_email: string;
  country: string;
  postcode: string | null;
  consent_statement: string;
  consent_version: string;
  consent_given_at: Instant;
  consent_source: string;
  status: string;
  confirmed_at: NullableInstant;
  created_at: Instant;
  /** The language of the page it was made on: its emails' language. */
  language: Generated<string>;
  /** Where the signer came from (`?source=` on the campaign's address). */
  source: string | null;
  /** The optional second consent, "keep me updated about this campaign"; null when not given. */
  updates_consent_statement: string | null;
  updates_consent_version: string | null;
  updates_consent_given_at: NullableInstant;
  /** Why it is held for staff (over the per-address limit). */
  held_reason: string | null;
  /** When the signer stopped news of the campaign (the unsubscribe link); the consent given stays recorded. */
  updates_withdrawn_at: NullableInstant;
  /** The emails this signature has caused (confirmation, re-sends, "already signed"): at most 5. */
  emails_sent: Generated<number>;
}

/** The hash of each token an emailed confirmation link carried (the token itself is never stored). */
export interface SignatureTokensTable {
  token_hash: string;
  signature_id: string;
  created_at: Instant;
  expires_at: Instant;
}

/** Who has been emailed about which milestone: one row per person per milestone, written with the email's job. */
export interface MilestoneEmailsTable {
  milestone_id: string;
  signature_id: string;
  created_at: Instant;
}

/** The hash of each token an emailed unsubscribe link carried (the token itself is never stored). */
export interface SignatureUnsubscribeTokensTable {
  token_hash: string;
  signature_id: string;
  created_at: Instant;
}

/** A keyed hash of a signer's address per attempt, for the per-address limits; deleted after 30 days. */
export interface SigningAttemptsTable {
  campaign_id: string;
  address_hash: string;
  at: Instant;
}

/** Articles shown on a campaign's page: related (picked by staff) or updates (attached to the campaign). */
export interface CampaignArticlesTable {
  campaign_id: string;
  article_id: string;
  relation: 'related' | 'update';
  position: Generated<number>;
}

export interface CampaignTopicsTable {
  campaign_id: string;
  topic_slug: string;
}

export interface MembershipTypesTable {
  id: string;
  slug: string;
  name: string;
  annual_fee: number;
  currency: string;
  active: Flag;
}

export interface MembersTable {
  id: string;
  name: string;
  email: string;
  canonical_email: string;
  language: string;
  membership_type_id: string;
  status: string;
  joined_at: NullableInstant;
  renews_at: NullableInstant;
  cancelled_at: NullableInstant;
  source: string;
  consent_statement: string | null;
  consent_version: string | null;
  consent_given_at: NullableInstant;
  consent_source: string | null;
  created_at: Instant;
  updated_at: Instant;
}

/** One row per event: what is the same in every language. Texts and slugs: event_translations. */
export interface EventsTable {
  id: string;
  starts_at: Instant;
  ends_at: Instant;
  time_zone: string;
  venue_name: string | null;
  venue_address: string | null;
  online_url: string | null;
  accessibility: string;
  capacity: number | null;
  registration_open: Flag;
  status: string;
  /** The campaign the event belongs to (listed on its page); null: none. */
  campaign_id: string | null;
  created_at: Instant;
  updated_at: Instant;
  /** A JSON array of accessibility fact keys (accessibilityFacts in the domain). */
  accessibility_facts: Generated<string>;
  /** here | elsewhere (registration_url) | none. */
  registration_mode: Generated<string>;
  registration_url: string | null;
  registration_opens_at: NullableInstant;
  registration_closes_at: NullableInstant;
  /** The calendar SEQUENCE: rises with each change readers see. */
  sequence: Generated<number>;
  /** The start before the last reschedule (schema.org previousStartDate). */
  previous_starts_at: NullableInstant;
}

/** An event's texts in one language; (language, slug) is unique across events. */
export interface EventTranslationsTable {
  event_id: string;
  language: string;
  slug: string;
  title: string;
  summary: string;
  body: string;
}

export interface EventRegistrationsTable {
  id: string;
  event_id: string;
  name: string;
  email: string;
  canonical_email: string;
  status: string;
  created_at: Instant;
  cancelled_at: NullableInstant;
  /** The language of the page registered on: its emails' language. */
  language: Generated<string>;
  consent_statement: string | null;
  consent_version: string | null;
  consent_given_at: NullableInstant;
  /** Health data: read only with event:access-needs, deleted 30 days after the event. */
  access_needs: string | null;
  access_needs_consent_statement: string | null;
  access_needs_consent_version: string | null;
  access_needs_consent_given_at: NullableInstant;
  email_confirmed_at: NullableInstant;
  /** Until when a pending registration holds its place. */
  held_until: NullableInstant;
  promoted_at: NullableInstant;
  reminded_at: NullableInstant;
  emails_sent: Generated<number>;
  cancel_reason: string | null;
  checked_in_at: NullableInstant;
}

/** The hash of each token an emailed registration link carried (the token itself is never stored). */
/** Who was emailed about which change of an event (its sequence after the change): each person once. */
export interface EventChangeEmailsTable {
  registration_id: string;
  sequence: number;
  created_at: Instant;
}

export interface EventRegistrationTokensTable {
  token_hash: string;
  registration_id: string;
  purpose: 'confirm' | 'cancel';
  created_at: Instant;
  expires_at: Instant;
}

export interface WorkerHeartbeatsTable {
  worker_id: string;
  hostname: string;
  pid: number;
  started_at: Instant;
  seen_at: Instant;
}

/** better-auth's user table (camelCase columns, as better-auth creates them). */
export interface UserTable {
  id: string;
  name: string;
  email: string;
  emailVerified: Flag;
  image: string | null;
  role: string;
  suspendedAt: NullableInstant;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface AccountTable {
  id: string;
  accountId: string;
  providerId: string;
  userId: string;
  password: string | null;
  createdAt: Instant;
  updatedAt: Instant;
}

export interface SessionTable {
  id: string;
  token: string;
  userId: string;
  expiresAt: Instant;
  createdAt: Instant;
  updatedAt: Instant;
  ipAddress: string | null;
  userAgent: string | null;
}

export interface JobIdempotencyKeysTable {
  key: string;
  job_name: string;
  job_id: string;
  created_at: Instant;
}

/** The embedded (SQLite) queue. Instants here are ISO text: this table exists on SQLite only. */
export interface JobsTable {
  id: string;
  name: string;
  payload: string;
  state: 'queued' | 'active' | 'completed' | 'failed' | 'cancelled';
  attempts: number;
  max_attempts: number;
  backoff_seconds: number;
  run_at: string;
  locked_by: string | null;
  lock_expires_at: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
}

export interface JobSchedulesTable {
  name: string;
  cron: string;
  time_zone: string;
  next_run_at: string;
  last_run_at: string | null;
}

export interface MessagesTable {
  id: string;
  recipient: string;
  template: string;
  language: string;
  data: string;
  subject: string | null;
  status: 'queued' | 'sent' | 'failed';
  message_id: string;
  provider_response: string | null;
  attempts: number;
  last_error: string | null;
  created_at: Instant;
  updated_at: Instant;
  sent_at: NullableInstant;
}

export interface InvitationsTable {
  id: string;
  email: string;
  role: string;
  token_hash: string;
  invited_by: string | null;
  created_at: Instant;
  expires_at: Instant;
  accepted_at: NullableInstant;
  accepted_user_id: string | null;
  revoked_at: NullableInstant;
}

export interface AuditLogTable {
  id: string;
  at: Instant;
  actor_id: string | null;
  actor_email: string | null;
  action: string;
  resource_type: string;
  resource_id: string | null;
  summary: string;
}

export interface SignInFailuresTable {
  email: string;
  count: number;
  window_started_at: Instant;
}

export interface PartnerFeedsTable {
  id: string;
  url: string;
  name: string;
  language: string;
  paused: Flag;
  etag: string | null;
  last_modified: string | null;
  next_fetch_at: Instant;
  last_fetched_at: NullableInstant;
  last_new_item_at: NullableInstant;
  last_error: string | null;
  last_error_at: NullableInstant;
  consecutive_failures: number;
  last_warning: string | null;
  created_at: Instant;
  updated_at: Instant;
}

export interface PartnerFeedTopicsTable {
  feed_id: string;
  topic_slug: string;
}

export interface PartnerItemsTable {
  id: string;
  feed_id: string;
  /** The item's guid/id in its feed, else its link: what de-duplicates it. */
  item_key: string;
  link: string;
  title: string;
  summary: string;
  author: string | null;
  published_at: Instant;
  draft_article_id: string | null;
  created_at: Instant;
}

export interface Database {
  settings: SettingsTable;
  topics: TopicsTable;
  articles: ArticlesTable;
  article_slug_history: ArticleSlugHistoryTable;
  article_topics: ArticleTopicsTable;
  campaigns: CampaignsTable;
  campaign_translations: CampaignTranslationsTable;
  campaign_milestones: CampaignMilestonesTable;
  campaign_milestone_translations: CampaignMilestoneTranslationsTable;
  signatures: SignaturesTable;
  signature_tokens: SignatureTokensTable;
  signing_attempts: SigningAttemptsTable;
  milestone_emails: MilestoneEmailsTable;
  signature_unsubscribe_tokens: SignatureUnsubscribeTokensTable;
  campaign_articles: CampaignArticlesTable;
  campaign_topics: CampaignTopicsTable;
  membership_types: MembershipTypesTable;
  members: MembersTable;
  events: EventsTable;
  event_translations: EventTranslationsTable;
  event_registrations: EventRegistrationsTable;
  event_registration_tokens: EventRegistrationTokensTable;
  event_change_emails: EventChangeEmailsTable;
  worker_heartbeats: WorkerHeartbeatsTable;
  user: UserTable;
  account: AccountTable;
  session: SessionTable;
  job_idempotency_keys: JobIdempotencyKeysTable;
  jobs: JobsTable;
  job_schedules: JobSchedulesTable;
  messages: MessagesTable;
  invitations: InvitationsTable;
  audit_log: AuditLogTable;
  sign_in_failures: SignInFailuresTable;
  partner_feeds: PartnerFeedsTable;
  partner_feed_topics: PartnerFeedTopicsTable;
  partner_items: PartnerItemsTable;
}

export type ArticleRow = Selectable<ArticlesTable>;
export type NewArticleRow = Insertable<ArticlesTable>;
export type ArticleRowUpdate = Updateable<ArticlesTable>;
