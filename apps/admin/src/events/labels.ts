// Words the Events pages use for the domain's values.
import type {
  AccessibilityFact,
  EventListItem,
  EventStatus,
  RegistrationMode,
  RegistrationStatus,
  Translations,
} from '@ayni/domain';

export const eventStatusLabels: Readonly<Record<EventStatus, string>> = {
  draft: 'Draft',
  published: 'Published',
  cancelled: 'Cancelled',
  rescheduled: 'Rescheduled',
};

export const registrationStatusLabels: Readonly<Record<RegistrationStatus, string>> = {
  pending: 'Waiting for confirmation',
  confirmed: 'Confirmed',
  waitlisted: 'Waitlist',
  cancelled: 'Cancelled',
};

export const registrationModeLabels: Readonly<Record<RegistrationMode, string>> = {
  here: 'On this site',
  elsewhere: 'Elsewhere, with a link',
  none: 'No registration: people just come',
};

export const accessibilityFactLabels: Readonly<Record<AccessibilityFact, string>> = {
  'step-free': 'Step-free access',
  'accessible-toilet': 'Accessible toilet',
  'hearing-loop': 'Hearing loop',
  'sign-language': 'Sign-language interpretation',
  captions: 'Captions',
  'quiet-space': 'Quiet space',
  seating: 'Seating',
};

/** The name staff know an event by: its English title, else its Spanish one. */
export function eventName(titles: Translations<string>): string {
  return titles.en || titles.es || 'Untitled event';
}

const count = new Intl.NumberFormat('en-GB');

/** "12 of 40 places, 3 on the waitlist, 1 waiting for confirmation". */
export function placesInWords(e: Pick<EventListItem, 'capacity' | 'counts' | 'registrationMode'>): string {
  if (e.registrationMode !== 'here')
    return e.registrationMode === 'elsewhere' ? 'Registers elsewhere' : 'No registration';
  const { confirmed, waitlisted, pending } = e.counts;
  const places =
    e.capacity === null
      ? `${count.format(confirmed)} registered`
      : `${count.format(confirmed)} of ${count.format(e.capacity)} places`;
  const more = [
    waitlisted ? `${count.format(waitlisted)} on the waitlist` : null,
    pending ? `${count.format(pending)} waiting for confirmation` : null,
  ].filter(Boolean);
  return [places, ...more].join(', ');
}
