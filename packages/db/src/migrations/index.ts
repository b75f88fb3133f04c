// The ordered list of migrations. Files are frozen once merged: change the schema with a new file.
import type { Migration } from 'kysely';
import * as auth from './20261127_0001_auth.js';
import * as core from './20261127_0002_core.js';
import * as jobs from './20261127_0003_jobs_and_messages.js';
import * as staff from './20261127_0004_staff.js';
import * as twoFactor from './20261127_0005_two_factor.js';
import * as articleSearch from './20261127_0006_article_search.js';
import * as partnerFeeds from './20261127_0007_partner_feeds.js';
import * as topicNames from './20261127_0008_topic_names_and_search_backfill.js';
import * as messagesWithoutLinks from './20261127_0009_messages_without_links.js';
import * as translations from './20261202_0010_campaign_and_event_translations.js';
import * as petitionSigning from './20261203_0011_petition_signing.js';
import * as milestoneEmails from './20261204_0012_milestone_emails.js';
import * as sweepIndexes from './20261204_0013_sweep_indexes_and_event_campaigns.js';
import * as eventRegistration from './20261204_0014_event_registration.js';
import * as eventChangeEmails from './20261204_0015_event_change_emails.js';

export const migrations: Record<string, Migration> = {
  '20261127_0001_auth': auth,
  '20261127_0002_core': core,
  '20261127_0003_jobs_and_messages': jobs,
  '20261127_0004_staff': staff,
  '20261127_0005_two_factor': twoFactor,
  '20261127_0006_article_search': articleSearch,
  '20261127_0007_partner_feeds': partnerFeeds,
  '20261127_0008_topic_names_and_search_backfill': topicNames,
  '20261127_0009_messages_without_links': messagesWithoutLinks,
  '20261202_0010_campaign_and_event_translations': translations,
  '20261203_0011_petition_signing': petitionSigning,
  '20261204_0012_milestone_emails': milestoneEmails,
  '20261204_0013_sweep_indexes_and_event_campaigns': sweepIndexes,
  '20261204_0014_event_registration': eventRegistration,
  '20261204_0015_event_change_emails': eventChangeEmails,
};
