// What staff do to a campaign in the admin: create it, edit it (texts, petition, milestones, and the related
// articles, updates and topics saved with it), launch, close and reopen it. Each takes its ports and one command
// (parsed at the edge with `campaignEditSchema`) and returns a Change for the unit of work, with its audit entry.
//
// Two staff editing at once: as the article editor does (shared/version.ts), a save or a status change names the
// copy it was made on and is refused (STALE_VERSION) if someone saved since. A campaign's version is its
// `updatedAt`, which every write moves forward by at least a millisecond, so no two saves share one.
//
// The editor never marks a milestone reached by hand: an existing milestone (matched by id) keeps whether and when
// it was reached; a new one, or one whose id is not this campaign's, starts unreached. A saved threshold the
// confirmed count has already passed marks its milestone reached in the same save (and queues its emails), as a
// confirmation would.
import type { SettingsReader } from '../settings/service.js';
import { change, type Change, type SitePart } from '../shared/change.js';
import type { Clock } from '../shared/clock.js';
import { DomainError } from '../shared/errors.js';
import type { IdGenerator } from '../shared/ids.js';
import { languageNames, type Language } from '../shared/language.js';
import { CAMPAIGN_RESERVED_SLUGS } from '../shared/paths.js';
import { slugify, uniqueSlug } from '../shared/slug.js';
import { listInWords } from '../shared/text.js';
import { formatDateTimeIn } from '../shared/time.js';
import { languagesOf, type Translations } from '../shared/translations.js';
import { nextUpdatedAt, staleVersion } from '../shared/version.js';
import type { TopicRepository } from '../topics/ports.js';
import { resolveTopics } from '../topics/service.js';
import { milestoneTitle, reachMilestonesByCount, type MilestonePorts } from './milestones.js';
import type { CampaignEditingRepository, CampaignLinks, SignatureRepository } from './ports.js';
import { deadlinePassed, transitionCampaign } from './rules.js';
import type { Campaign, CampaignEdit, CampaignText, Milestone } from './schema.js';
import { campaignTitle } from './views.js';

export interface CampaignEditingPorts extends MilestonePorts {
  campaigns: CampaignEditingRepository;
  /** The confirmed count a saved threshold is compared with. */
  signatures: Pick<SignatureRepository, 'countConfirmed'>;
  topics: TopicRepository;
  /** The organisation's settings: an audit entry gives a deadline in its time zone. */
  settings: SettingsReader;
  clock: Clock;
  ids: IdGenerator;
}

export interface SaveCampaign {
  id: string;
  /** The `updatedAt` of the copy the editor opened; refused (STALE_VERSION) if someone saved since. */
  expectedUpdatedAt: Date;
  edit: CampaignEdit;
}

export interface ChangeCampaignStatus {
  id: string;
  expectedUpdatedAt: Date;
}

export interface CloseCampaign extends ChangeCampaignStatus {
  /** Why, in the staff's words: shown on the campaign's page with its final count. */
  reason: string;
}

export interface ReopenCampaign extends ChangeCampaignStatus {
  /** A new deadline for its petition, later than now: required when the old one has passed. */
  deadline?: Date | null;
}

/** What a save hands back: the campaign and what is saved with it. */
export interface SavedCampaign {
  campaign: Campaign;
  links: CampaignLinks;
}

const CAMPAIGN = 'campaign';

async function load(ports: CampaignEditingPorts, id: string, expected: Date): Promise<Campaign> {
  const campaign = await ports.campaigns.findById(id);
  if (!campaign) throw new DomainError('NOT_FOUND', 'Campaign not found');
  if (campaign.updatedAt.getTime() !== expected.getTime()) throw staleVersion(CAMPAIGN);
  return campaign;
}

/** The texts as saved: a typed slug as typed; an empty one keeps the slug it had, else is made from the title. */
async function textsOf(
  ports: CampaignEditingPorts,
  edit: CampaignEdit,
  before: Campaign | null,
): Promise<Translations<CampaignText>> {
  const texts: Translations<CampaignText> = {};
  for (const language of languagesOf(edit.translations)) {
    const input = edit.translations[language]!;
    const slug =
      input.slug ?? before?.translations[language]?.slug ?? (await freeSlug(ports, language, input.title));
    texts[language] = {
      slug,
      title: input.title,
      summary: input.summary,
      body: input.body,
      petitionText: edit.petition ? input.petitionText : null,
    };
  }
  return texts;
}

async function freeSlug(ports: CampaignEditingPorts, language: Language, title: string): Promise<string> {
  const base = slugify(title) || 'campaign';
  const taken = await ports.campaigns.slugsLike(language, base);
  return uniqueSlug(base, (slug) => taken.has(slug) || CAMPAIGN_RESERVED_SLUGS.has(slug));
}

/** The milestones as edited, in the editor's order; reached or not is never the editor's to say. */
function milestonesOf(ports: CampaignEditingPorts, edit: CampaignEdit, before: Campaign | null): Milestone[] {
  const stored = new Map((before?.milestones ?? []).map((m) => [m.id, m]));
  const used = new Set<string>();
  return edit.milestones.map((input) => {
    const own = input.id !== undefined && !used.has(input.id) ? stored.get(input.id) : undefined;
    if (own) used.add(own.id);
    const translations: Milestone['translations'] = {};
    for (const language of languagesOf(edit.translations)) {
      const text = input.translations[language];
      if (text) translations[language] = text;
    }
    return {
      id: own?.id ?? ports.ids.id(),
      date: input.date,
      reached: own?.reached ?? false,
      reachedAt: own?.reachedAt ?? null,
      signatureThreshold: input.signatureThreshold,
      translations,
    };
  });
}

/** The articles exist (a deleted one cannot be picked) and the topics are resolved to slugs (created if new). */
async function linksOf(ports: CampaignEditingPorts, edit: CampaignEdit): Promise<CampaignLinks> {
  const known = await ports.campaigns.existingArticles([...edit.relatedArticleIds, ...edit.updateArticleIds]);
  const missing = (field: 'relatedArticleIds' | 'updateArticleIds', what: string) => {
    if (edit[field].some((id) => !known.has(id))) {
      throw new DomainError('VALIDATION', `${what}: one of the chosen articles no longer exists`, { field });
    }
  };
  missing('relatedArticleIds', 'Related articles');
  missing('updateArticleIds', 'Updates');
  return {
    related: edit.relatedArticleIds,
    updates: edit.updateArticleIds,
    topics: await resolveTopics(ports, edit.topics),
  };
}

/** A campaign the public site shows changes the campaign pages; a draft changes nothing anyone sees. */
function touches(...states: (Campaign | null)[]): SitePart[] {
  return states.some((c) => c !== null && c.status !== 'draft') ? ['campaigns'] : [];
}

const quoted = (campaign: Campaign) => `the campaign “${campaignTitle(campaign)}”`;

/** A new draft campaign, with its related articles, updates and topics. A typed slug must be free (CONFLICT). */
export async function createCampaign(
  ports: CampaignEditingPorts,
  command: { edit: CampaignEdit },
): Promise<Change<SavedCampaign>> {
  const { edit } = command;
  const now = ports.clock.now();
  const campaign: Campaign = {
    id: ports.ids.id(),
    status: 'draft',
    petition: edit.petition,
    translations: await textsOf(ports, edit, null),
    milestones: milestonesOf(ports, edit, null),
    closedAt: null,
    closedReason: null,
    createdAt: now,
    updatedAt: now,
  };
  const links = await linksOf(ports, edit);
  await ports.campaigns.insert(campaign);
  await ports.campaigns.setLinks(campaign.id, links);
  const languages = listInWords(languagesOf(campaign.translations).map((l) => languageNames[l]));
  return change(
    { campaign, links },
    {
      action: 'campaign.create',
      resourceType: CAMPAIGN,
      resourceId: campaign.id,
      summary: `Created ${quoted(campaign)} in ${languages}`,
    },
  );
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Saves an editor's changes made on the copy stamped `expectedUpdatedAt`; the status stays as it is. */
export async function saveCampaignEdits(
  ports: CampaignEditingPorts,
  command: SaveCampaign,
): Promise<Change<SavedCampaign>> {
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const { edit } = command;
  const after: Campaign = {
    ...before,
    petition: edit.petition,
    translations: await textsOf(ports, edit, before),
    milestones: milestonesOf(ports, edit, before),
    updatedAt: nextUpdatedAt(before.updatedAt, ports.clock.now()),
  };
  const previous = await ports.campaigns.links(before.id);
  const links = await linksOf(ports, edit);
  await ports.campaigns.update(after, command.expectedUpdatedAt);
  await ports.campaigns.setLinks(after.id, links);
  const reached = await reachMilestonesByCount(ports, after);
  const reachedAt = ports.clock.now();
  const saved: Campaign = {
    ...after,
    milestones: after.milestones.map((m) =>
      reached.some((r) => r.id === m.id) ? { ...m, reached: true, reachedAt } : m,
    ),
  };
  const changed = [
    ['texts', sameJson(before.translations, after.translations)],
    ['petition', sameJson(before.petition, after.petition)],
    ['milestones', sameJson(before.milestones, after.milestones)],
    ['related articles', sameJson(previous.related, links.related)],
    ['updates', sameJson([...previous.updates].sort(), [...links.updates].sort())],
    ['topics', sameJson([...previous.topics].sort(), [...links.topics].sort())],
  ]
    .filter(([, same]) => !same)
    .map(([what]) => what as string);
  const reachedWords = reached.length
    ? `; its signatures reached ${listInWords(reached.map((m) => `“${milestoneTitle(m)}”`))}`
    : '';
  return change(
    { campaign: saved, links },
    {
      action: 'campaign.update',
      resourceType: CAMPAIGN,
      resourceId: after.id,
      summary: `Edited ${quoted(after)}${changed.length ? ` (${listInWords(changed)})` : ''}${reachedWords}`,
    },
    [...touches(before, after), ...(reached.length ? (['campaigns'] as const) : [])],
  );
}

async function saveTransition(
  ports: CampaignEditingPorts,
  before: Campaign,
  expected: Date,
  next: Campaign,
  action: string,
  summary: string,
): Promise<Change<Campaign>> {
  const stamped = { ...next, updatedAt: nextUpdatedAt(before.updatedAt, ports.clock.now()) };
  await ports.campaigns.update(stamped, expected);
  return change(
    stamped,
    { action: `campaign.${action}`, resourceType: CAMPAIGN, resourceId: stamped.id, summary },
    touches(before, stamped),
  );
}

/** draft → active: the campaign appears on the site and its petition (if any) takes signatures. */
export async function launchCampaign(
  ports: CampaignEditingPorts,
  command: ChangeCampaignStatus,
): Promise<Change<Campaign>> {
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const next = transitionCampaign(before, 'launch', ports.clock);
  return saveTransition(ports, before, command.expectedUpdatedAt, next, 'launch', `Launched ${quoted(next)}`);
}

/** active → closed, with why in the staff's words (required): the page shows it with the final count. */
export async function closeCampaign(
  ports: CampaignEditingPorts,
  command: CloseCampaign,
): Promise<Change<Campaign>> {
  const reason = command.reason.trim();
  if (!reason) {
    throw new DomainError('VALIDATION', 'Reason is required: say why the campaign closes', {
      field: 'reason',
    });
  }
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const next = transitionCampaign(before, 'close', ports.clock, reason);
  return saveTransition(
    ports,
    before,
    command.expectedUpdatedAt,
    next,
    'close',
    `Closed ${quoted(next)}: “${reason}”`,
  );
}

/**
 * closed → active. A petition whose deadline has passed would take no signatures, so reopening it needs a new
 * deadline later than now (it replaces the old one); one whose deadline is still ahead, or that has none, reopens
 * as it is. A new deadline given for a campaign without a petition is refused rather than ignored.
 */
export async function reopenCampaign(
  ports: CampaignEditingPorts,
  command: ReopenCampaign,
): Promise<Change<Campaign>> {
  const before = await load(ports, command.id, command.expectedUpdatedAt);
  const now = ports.clock.now();
  const deadline = command.deadline ?? null;
  if (deadline !== null) {
    if (before.petition === null) {
      throw new DomainError('VALIDATION', 'Deadline: this campaign has no petition to give a deadline to', {
        field: 'deadline',
      });
    }
    if (deadline.getTime() <= now.getTime()) {
      throw new DomainError('VALIDATION', 'Deadline must be later than now', { field: 'deadline' });
    }
  }
  const petition = before.petition && deadline ? { ...before.petition, deadline } : before.petition;
  if (deadlinePassed(petition, now)) {
    const { timeZone } = await ports.settings.get();
    throw new DomainError(
      'VALIDATION',
      `The petition’s deadline (${formatDateTimeIn(petition!.deadline!, timeZone)}) has passed: give a new deadline later than now to reopen it`,
      { field: 'deadline' },
    );
  }
  const next = transitionCampaign({ ...before, petition }, 'reopen', ports.clock);
  const withDeadline = deadline
    ? ` with the new deadline ${formatDateTimeIn(deadline, (await ports.settings.get()).timeZone)}`
    : '';
  return saveTransition(
    ports,
    before,
    command.expectedUpdatedAt,
    next,
    'reopen',
    `Reopened ${quoted(next)}${withDeadline}`,
  );
}
