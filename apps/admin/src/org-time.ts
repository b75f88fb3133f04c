// Every date and time in the admin in one format and in the organisation's time zone (Settings), whatever the
// browser's zone; before the settings have loaded, the browser's zone.
import { zonedDateTimeToUtc } from '@ayni/domain';
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, formatDateTimeIn, formatTimeIn, type Instant } from './format.js';
import { useTRPC } from './trpc.js';

export interface OrgTime {
  /** The date and time, e.g. "21 Jun 2025, 18:00"; "—" for none. */
  (at: Instant | null | undefined): string;
  /** Only the time of day, e.g. "18:00": for what happened a moment ago ("Saved at 18:00"). */
  time: (at: Instant) => string;
}

export function useOrgTime(): OrgTime {
  const trpc = useTRPC();
  const zone = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 }).data?.timeZone;
  const format = (at: Instant | null | undefined) => (zone ? formatDateTimeIn(at, zone) : formatDateTime(at));
  return Object.assign(format, { time: (at: Instant) => formatTimeIn(at, zone) });
}

/** The instant a datetime-local value names in the organisation's zone, or null when it is no date and time. */
export function localToIso(local: string, timeZone: string): string | null {
  try {
    return zonedDateTimeToUtc(local, timeZone).toISOString();
  } catch {
    return null;
  }
}

/**
 * The moment a datetime-local value names, in the admin's one format and the organisation's zone ("Publishes on
 * 8 Mar 2027, 09:00, Europe/London time."): the control itself shows the browser's locale (mm/dd/yyyy in en-US),
 * and a time skipped by a change of the clocks moves.
 */
export function momentInWords(
  lead: string,
  local: string,
  timeZone: string,
  at: (iso: string) => string,
): string {
  const iso = localToIso(local, timeZone);
  return iso ? `${lead} ${at(iso)}, ${timeZone} time.` : `Choose the date and time, in ${timeZone} time.`;
}
