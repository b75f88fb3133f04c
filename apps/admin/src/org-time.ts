// Every date and time in the admin in one format and in the organisation's time zone (Settings), whatever the
// browser's zone; before the settings have loaded, the browser's zone.
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
