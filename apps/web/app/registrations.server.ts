// Registering for an event from the site (issue 14): what the event page's registration panel shows (the form, or
// the external link, or a note), and the reader's use cases — register, confirm and cancel from the emailed links —
// run in a unit of work with the mail queue. A registration touches no part of the site (no content version bump):
// the event page's "places left" is read again once per CAMPAIGN_COUNT_SECONDS window (cache.server.ts), so it
// is at most that old.
import {
  findEventById,
  findRegistrationByTokenHash,
  hashToken,
  nobody,
  randomIds,
  registrationRepositories,
  runUnitOfWork,
} from '@ayni/db';
import {
  canRegister,
  cancelRegistrationByLink,
  confirmRegistration,
  eventInLanguage,
  registerForEvent,
  registrationConsents,
  systemClock,
  type Event,
  type Language,
  type RegistrationInputParsed,
  type RegistrationTokenPurpose,
  type Settings,
} from '@ayni/domain';
import { eventListPath, eventPath, languageOfPath } from '@ayni/domain/paths';
import { registrationEmails } from '@ayni/jobs';
import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { TOKEN_PAGE_HEADERS } from './campaigns.server.js';
import type { LinkOutcome } from './components/registration-link-page.js';
import { db } from './db.server.js';
import { mailQueue } from './mail-queue.server.js';

export type RegistrationPanel =
  | { mode: 'form'; full: boolean; consents: { registration: string; accessNeeds: string } }
  | { mode: 'elsewhere'; url: string }
  | { mode: 'none' }
  | { mode: 'closed' };

/** What the event page shows where people register: the form, the external link, a note; nothing once cancelled. */
export function registrationPanel(
  event: Event,
  lang: Language,
  settings: Pick<Settings, 'organisationName'>,
  placesLeft: number | null,
): RegistrationPanel | null {
  if (event.status === 'cancelled') return null;
  if (event.registrationMode === 'elsewhere' && event.registrationUrl) {
    return { mode: 'elsewhere', url: event.registrationUrl };
  }
  if (event.registrationMode === 'none') return { mode: 'none' };
  if (!canRegister(event, systemClock)) return { mode: 'closed' };
  const consents = registrationConsents(lang, settings.organisationName);
  return {
    mode: 'form',
    full: placesLeft === 0,
    consents: { registration: consents.registration.statement, accessNeeds: consents.accessNeeds.statement },
  };
}

function ports(
  trx: Parameters<typeof registrationRepositories>[0],
  q: Awaited<ReturnType<typeof mailQueue>>,
  siteUrl?: string,
) {
  return {
    ...registrationRepositories(trx),
    emails: registrationEmails(trx, q, { clock: systemClock, ...(siteUrl ? { siteUrl } : {}) }),
    clock: systemClock,
    ids: randomIds,
  };
}

/** Registers the reader for `event` (its row is locked and read again inside the transaction). */
export async function register(command: {
  event: Event;
  settings: Settings;
  lang: Language;
  input: RegistrationInputParsed;
}) {
  const q = await mailQueue();
  return runUnitOfWork(db(), { clock: systemClock, actor: nobody }, (trx) =>
    registerForEvent(ports(trx, q, command.settings.siteUrl), {
      eventId: command.event.id,
      language: command.lang,
      input: command.input,
      consents: registrationConsents(command.lang, command.settings.organisationName),
    }),
  );
}

/** The confirm page's button: the token from the link's path, hashed before anything looks it up. */
export async function confirmByToken(token: string) {
  const q = await mailQueue();
  const { result } = await runUnitOfWork(db(), { clock: systemClock, actor: nobody }, (trx) =>
    confirmRegistration(ports(trx, q), { tokenHash: hashToken(token) }),
  );
  return result;
}

/** The cancel page's button. */
export async function cancelByToken(token: string) {
  const q = await mailQueue();
  const { result } = await runUnitOfWork(db(), { clock: systemClock, actor: nobody }, (trx) =>
    cancelRegistrationByLink(ports(trx, q), { tokenHash: hashToken(token) }),
  );
  return result;
}

/** The event's title and page in `lang` (else its other language), for the pages a registration's links open. */
export function eventLinkFor(event: Event, lang: Language) {
  const own = eventInLanguage(event, lang) ?? eventInLanguage(event, event.translations.en ? 'en' : 'es')!;
  return { title: own.title, path: eventPath(own.language, own.slug), listPath: eventListPath(lang) };
}

/**
 * What a link's page shows on GET (and HEAD): the registration's name and event, read only — nothing changes
 * until the button is pressed. Null for a link that does not work (unknown, expired, or another purpose's).
 */
export async function registrationForLink(token: string, purpose: RegistrationTokenPurpose, lang: Language) {
  const registration = await findRegistrationByTokenHash(db(), hashToken(token), purpose, systemClock.now());
  const event = registration ? await findEventById(db(), registration.eventId) : null;
  if (!registration || !event) return null;
  return { name: registration.name, status: registration.status, ...eventLinkFor(event, lang) };
}

/** The loader of a link's page (confirm or cancel): read only, 404 for a link that does not work. */
export function linkPageLoader(purpose: RegistrationTokenPurpose) {
  return async ({ request, params }: LoaderFunctionArgs) => {
    const lang = languageOfPath(new URL(request.url).pathname);
    const found = await registrationForLink(params.token ?? '', purpose, lang);
    return data({ lang, found }, { status: found ? 200 : 404, headers: TOKEN_PAGE_HEADERS });
  };
}

/** The action of a link's page: its button, answered with what happened. */
export function linkPageAction(purpose: RegistrationTokenPurpose) {
  return async ({ request, params }: ActionFunctionArgs) => {
    const lang = languageOfPath(new URL(request.url).pathname);
    const token = params.token ?? '';
    const result = purpose === 'confirm' ? await confirmByToken(token) : await cancelByToken(token);
    if (result.status === 'invalid') {
      return data(
        { outcome: { kind: 'invalid' } as LinkOutcome },
        { status: 404, headers: TOKEN_PAGE_HEADERS },
      );
    }
    const event = eventLinkFor(result.event, lang);
    const outcome: LinkOutcome =
      result.status === 'waitlisted'
        ? { kind: 'waitlisted', position: result.position, event }
        : {
            kind: result.status === 'cancelled' && purpose === 'cancel' ? 'cancel-done' : result.status,
            event,
          };
    return data({ outcome }, { headers: TOKEN_PAGE_HEADERS });
  };
}
