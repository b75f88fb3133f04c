// What the campaign pages share on the server: the campaign a page shows (404 unless launched and written in the
// page's language), its count as the public may see it (at most CAMPAIGN_COUNT_SECONDS old), the signing and
// confirming use cases run in a unit of work with the mail queue, and the signer's address as a keyed hash.
import {
  countConfirmedSignatures,
  createSecrets,
  findCampaignBySlug,
  getSettings,
  hashToken,
  loadSecretsKey,
  milestoneRepositories,
  nobody,
  randomIds,
  refreshCampaignFigures,
  runUnitOfWork,
  signatureRepositories,
  type Secrets,
} from '@ayni/db';
import {
  addressKey,
  campaignTextIn,
  confirmSignatureByLink,
  isCampaignOpen,
  nextMilestone,
  parseSigningLimits,
  petitionProgress,
  signingConsents,
  signPetition,
  stopCampaignUpdates,
  systemClock,
  type Campaign,
  type CampaignText,
  type Language,
  type Settings,
  type SignatureInputParsed,
} from '@ayni/domain';
import { campaignPagePath, campaignPath } from '@ayni/domain/paths';
import { milestoneAnnouncements, signatureEmails } from '@ayni/jobs';
import { fingerprint } from './cache.server.js';
import { db } from './db.server.js';
import { loadWebEnv } from './env.server.js';
import { mailQueue } from './mail-queue.server.js';
import { formatDate } from './i18n.js';
import { notFound } from './site.server.js';

/** How old a count the public pages may show (seconds): CAMPAIGN_COUNT_SECONDS, 60 by default. */
let countSeconds: number | undefined;
export function countMaxAgeSeconds(): number {
  countSeconds ??= loadWebEnv(process.env).CAMPAIGN_COUNT_SECONDS;
  return countSeconds;
}

/** The current CAMPAIGN_COUNT_SECONDS window: the one campaign pages carry in their ETag (cache.server.ts). */
export function countWindow(now = Date.now()): number {
  return Math.floor(now / (countMaxAgeSeconds() * 1000));
}

const counts = new Map<string, { value: number; window: number }>();

/**
 * The confirmed count as the public sees it: read once per campaign per count window, the same window the pages'
 * cache entries live in, so a page or count.json never shows a count older than CAMPAIGN_COUNT_SECONDS.
 */
export async function publicCount(campaignId: string): Promise<number> {
  const kept = counts.get(campaignId);
  const window = countWindow();
  if (kept && kept.window === window) return kept.value;
  const value = await countConfirmedSignatures(db(), campaignId);
  counts.set(campaignId, { value, window });
  return value;
}

/** The campaign as the site shows it in `lang`, with its texts there: a draft, or none, or none in `lang` is a 404. */
function shownOrNotFound(
  campaign: Campaign | null,
  lang: Language,
): { campaign: Campaign; text: CampaignText } {
  const text = campaign?.translations[lang];
  if (!campaign || !text || campaign.status === 'draft') notFound();
  return { campaign, text };
}

/** The campaign at `slug` in `lang` with its texts in that language; a draft or an unknown slug is a 404. */
export async function findSiteCampaign(
  lang: Language,
  slug: string,
): Promise<{ campaign: Campaign; text: CampaignText }> {
  return shownOrNotFound(await findCampaignBySlug(db(), lang, slug), lang);
}

/** What a sign form's post needs before it signs: the settings and the campaign, as of `fingerprint`. */
let signingReads: {
  fingerprint: string;
  settings: Promise<Settings>;
  campaigns: Map<string, Promise<Campaign | null>>;
} | null = null;

/**
 * The settings and the campaign (with its texts in `lang`) a sign form posts to, read again only when the site's
 * content fingerprint has changed since they were read — a settings save or a campaign change always changes it,
 * and the fingerprint is read after the request arrived (freshRead), so a post never sees older settings or texts
 * than a page would. Under load that is one query per round trip for every post instead of five per post.
 * Whether the campaign is still open is checked again inside the signing transaction (sign).
 */
export async function signingTarget(lang: Language, slug: string) {
  const current = await fingerprint();
  if (signingReads?.fingerprint !== current) {
    const reads = { fingerprint: current, settings: getSettings(db()), campaigns: new Map() };
    reads.settings.catch(() => {
      if (signingReads === reads) signingReads = null;
    });
    signingReads = reads;
  }
  const reads = signingReads;
  const key = `${lang}/${slug}`;
  let campaign = reads.campaigns.get(key);
  if (!campaign) {
    campaign = findCampaignBySlug(db(), lang, slug);
    // Only campaigns that exist are kept (so made-up slugs cannot fill memory), and a failed read is not kept.
    if (reads.campaigns.size < 1000) reads.campaigns.set(key, campaign);
    const forget = () => void reads.campaigns.delete(key);
    campaign.then((found) => found ?? forget(), forget);
  }
  const [settings, found] = await Promise.all([reads.settings, campaign]);
  return { settings, ...shownOrNotFound(found, lang) };
}

export function formatCount(count: number, lang: Language): string {
  return new Intl.NumberFormat(lang === 'es' ? 'es-PE' : 'en-GB').format(count);
}

/** What every view of a campaign shows of its petition: count, goal, deadline, open or closed. */
export function petitionFigures(campaign: Campaign, count: number, lang: Language, timeZone: string) {
  const petition = campaign.petition;
  const progress = petition ? petitionProgress(count, petition.signatureGoal) : null;
  return {
    open: isCampaignOpen(campaign, new Date()),
    count,
    countText: formatCount(count, lang),
    goal: petition?.signatureGoal ?? null,
    goalText: petition ? formatCount(petition.signatureGoal, lang) : null,
    percent: progress?.percent ?? null,
    deadline: petition?.deadline ? formatDate(petition.deadline, lang, timeZone) : null,
    closedOn: campaign.closedAt ? formatDate(campaign.closedAt, lang, timeZone) : null,
    closedReason: campaign.closedReason,
  };
}

/** The milestones as a timeline in the page's language: reached ones, then the next one marked. */
export function milestoneTimeline(campaign: Campaign, lang: Language, timeZone: string) {
  const next = nextMilestone(campaign);
  return campaign.milestones
    .filter((m) => m.translations[lang])
    .map((m) => ({
      id: m.id,
      title: m.translations[lang]!.title,
      description: m.translations[lang]!.description,
      date: m.date ? formatDate(m.date, lang, timeZone) : null,
      dateTime: m.date?.toISOString() ?? null,
      reached: m.reached,
      next: m.id === next?.id,
    }));
}

export function hubPath(lang: Language, slug: string): string {
  return campaignPath(lang, slug);
}

/** The campaign's texts in the page's language, else in its other one, and its hub in that language. */
export function campaignTextsFor(campaign: Campaign, lang: Language) {
  const { language, text } = campaignTextIn(campaign, lang);
  return { own: text, language, hub: hubPath(language, text.slug) };
}

export { campaignPagePath };

let secrets: Secrets | undefined;

/** A signer's address as stored: a keyed hash of it (an IPv6 address by its /64); null when unknown. */
export function signerAddressHash(address: string | undefined): string | null {
  const key = addressKey(address);
  if (!key) return null;
  secrets ??= createSecrets(loadSecretsKey(process.env));
  return secrets.keyedHash(key, 'signing-address');
}

/**
 * Signs `campaign`, as the action has just read it with the settings: inside the transaction only the campaign's
 * row is read again (is it still open?), not its texts and milestones, and the settings are not read again.
 */
export async function sign(command: {
  campaign: Campaign;
  settings: Settings;
  lang: Language;
  input: SignatureInputParsed;
  source: string | null;
  clientAddress: string | undefined;
}) {
  const { settings } = command;
  const q = await mailQueue();
  return runUnitOfWork(db(), { clock: systemClock, actor: nobody }, (trx) =>
    signPetition(
      {
        ...signatureRepositories(trx),
        campaigns: {
          findById: async (id) =>
            id === command.campaign.id ? refreshCampaignFigures(trx, command.campaign) : null,
        },
        emails: signatureEmails(trx, q, { clock: systemClock, siteUrl: settings.siteUrl }),
        clock: systemClock,
        ids: randomIds,
      },
      {
        campaignId: command.campaign.id,
        language: command.lang,
        input: command.input,
        consents: signingConsents(command.lang, settings.organisationName),
        source: command.source,
        addressHash: signerAddressHash(command.clientAddress),
        limits: parseSigningLimits(settings.signingLimits),
      },
    ),
  );
}

/**
 * The confirmation page's button: the token from the link's path, hashed before anything looks it up. A milestone
 * the confirmation reaches queues its emails on the same transaction.
 */
export async function confirmByToken(token: string) {
  const q = await mailQueue();
  const { result } = await runUnitOfWork(db(), { clock: systemClock, actor: nobody }, (trx) =>
    confirmSignatureByLink(
      {
        ...signatureRepositories(trx),
        ...milestoneRepositories(trx),
        announcements: milestoneAnnouncements(trx, q),
        clock: systemClock,
      },
      { tokenHash: hashToken(token) },
    ),
  );
  return result;
}

/** The unsubscribe page's button and the one-click POST (RFC 8058): the signer's news of the campaign stop. */
export async function stopUpdatesByToken(token: string) {
  const { result } = await runUnitOfWork(db(), { clock: systemClock, actor: nobody }, (trx) =>
    stopCampaignUpdates(
      {
        ...milestoneRepositories(trx),
        campaigns: signatureRepositories(trx).campaigns,
        clock: systemClock,
      },
      { tokenHash: hashToken(token) },
    ),
  );
  return result;
}

/** Headers of the pages a token opens: never kept by a cache, never indexed, no token leaking in a Referer. */
export const TOKEN_PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Referrer-Policy': 'same-origin',
  'X-Robots-Tag': 'noindex',
} as const;

export function thanksPath(lang: Language, slug: string): string {
  return campaignPagePath(lang, slug, 'thanks');
}
