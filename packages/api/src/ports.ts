// The domain's ports on a transaction, as the API's use cases need them.
import { hashToken, newToken } from '@ayni/auth';
import {
  articleRepository,
  campaignEditingRepository,
  eventEditingRepository,
  findStaffByEmail,
  insertInvitation,
  listOpenInvitations,
  revokeInvitation,
  partnerFeedRepository,
  randomIds,
  settingsRepository,
  milestoneRepositories,
  registrationRepositories,
  registrationsFollowMove,
  signatureRepositories,
  staffRepository,
  topicRepository,
  type DbHandle,
} from '@ayni/db';
import {
  fillFreedPlaces,
  type ArticlePorts,
  type CampaignEditingPorts,
  type Clock,
  type EventEditingPorts,
  type RegistrationPorts,
  type InvitationPorts,
  type ModerationPorts,
  type PartnerFeedPorts,
  type SettingsPorts,
  type StaffPorts,
} from '@ayni/domain';
import {
  eventAnnouncements,
  fetchPartnerFeedJob,
  milestoneAnnouncements,
  queueEmail,
  registrationEmails,
  signatureEmails,
  type Queue,
} from '@ayni/jobs';

type Trx = DbHandle['db'];

export function articlePorts(ctx: { clock: Clock }, trx: Trx): ArticlePorts {
  return {
    articles: articleRepository(trx),
    topics: topicRepository(trx),
    settings: settingsRepository(trx).settings,
    clock: ctx.clock,
    ids: randomIds,
  };
}

export function partnerFeedPorts(
  ctx: { clock: Clock; queue: Queue },
  trx: Trx,
): PartnerFeedPorts & ArticlePorts {
  return {
    ...articlePorts(ctx, trx),
    feeds: partnerFeedRepository(trx),
    // Queued on the transaction: the fetch runs only if the change commits.
    fetchSoon: (feedId) =>
      ctx.queue.enqueue(trx, fetchPartnerFeedJob, { feedId, force: true }).then(() => undefined),
  };
}

export function invitationPorts(ctx: { clock: Clock; queue: Queue }, trx: Trx): InvitationPorts {
  return {
    invitations: {
      emailHasAccount: async (email) => (await findStaffByEmail(trx, email)) !== null,
      async withdrawOpenTo(email, now) {
        for (const earlier of (await listOpenInvitations(trx)).filter((i) => i.email === email)) {
          await revokeInvitation(trx, earlier.id, now);
        }
      },
      insert: (invitation) =>
        insertInvitation(trx, {
          ...invitation,
          acceptedAt: null,
          revokedAt: null,
          // The link is minted when the email is sent (a fresh token each time, its hash replacing this one):
          // until then no one holds a token for this invitation.
          tokenHash: hashToken(newToken()),
        }),
    },
    sendInvitation: async (invitation, inviterName) => {
      await queueEmail(
        trx,
        ctx.queue,
        {
          to: invitation.email,
          template: 'staff-invitation',
          language: 'en',
          data: {
            invitationId: invitation.id,
            inviterName,
            role: invitation.role,
            expiresAt: invitation.expiresAt.toISOString(),
          },
        },
        { clock: ctx.clock },
      );
    },
    clock: ctx.clock,
    ids: randomIds,
  };
}

export function staffPorts(ctx: { clock: Clock }, trx: Trx): StaffPorts {
  return { ...staffRepository(trx), clock: ctx.clock };
}

export function settingsPorts(trx: Trx): SettingsPorts {
  return settingsRepository(trx);
}

/** Staff moderating signatures: a released one's confirmation is queued on the transaction. */
export function moderationPorts(ctx: { clock: Clock; queue: Queue }, trx: Trx): ModerationPorts {
  const { campaigns, signatures } = signatureRepositories(trx);
  return {
    campaigns,
    signatures,
    emails: signatureEmails(trx, ctx.queue, { clock: ctx.clock }),
    clock: ctx.clock,
  };
}

/**
 * Staff editing campaigns: the campaign, what is saved with it, the topics it resolves (as articles do), and what a
 * saved threshold the count has passed needs (the milestone's mark and its emails, queued on the transaction).
 */
export function campaignEditingPorts(ctx: { clock: Clock; queue: Queue }, trx: Trx): CampaignEditingPorts {
  return {
    ...articlePorts(ctx, trx),
    campaigns: campaignEditingRepository(trx),
    signatures: signatureRepositories(trx).signatures,
    milestones: milestoneRepositories(trx).milestones,
    announcements: milestoneAnnouncements(trx, ctx.queue),
  };
}

/** Staff changing registrations (cancel, move off the waitlist, check in): the registration service's ports. */
export function registrationPorts(ctx: { clock: Clock; queue: Queue }, trx: Trx): RegistrationPorts {
  return {
    registrations: registrationRepositories(trx).registrations,
    emails: registrationEmails(trx, ctx.queue, { clock: ctx.clock }),
    clock: ctx.clock,
    ids: randomIds,
  };
}

/**
 * Staff editing events: the event, the fan-out that tells everyone registered of a cancellation or a new date
 * (queued on the transaction), and the registration service giving a larger capacity's places to the waitlist.
 */
export function eventEditingPorts(ctx: { clock: Clock; queue: Queue }, trx: Trx): EventEditingPorts {
  return {
    events: eventEditingRepository(trx),
    announcements: eventAnnouncements(trx, ctx.queue),
    places: {
      fillFreedPlaces: async (event) =>
        (await fillFreedPlaces(registrationPorts(ctx, trx), { eventId: event.id })).result.length,
      followMove: (event) => registrationsFollowMove(trx, event.id, event.endsAt),
    },
    clock: ctx.clock,
    ids: randomIds,
  };
}
