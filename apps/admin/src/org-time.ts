// Every date and time in the admin in one format and in the organisation's time zone (Settings), whatever the
// browser's zone; before the settings have loaded, the browser's zone.
import { useQuery } from '@tanstack/react-query';
import { formatDateTime, formatDateTimeIn, type Instant } from './format.js';
import { useTRPC } from './trpc.js';

export function useOrgTime(): (at: Instant | null | undefined) => string {
  const trpc = useTRPC();
  const zone = useQuery({ ...trpc.settings.get.queryOptions(), staleTime: 60_000 }).data?.timeZone;
  return (at) => (zone ? formatDateTimeIn(at, zone) : formatDateTime(at));
}
