// Schedule times are entered and shown in the organisation's time zone, whatever the browser's zone is. A
// `<input type="datetime-local">` value ("2025-06-21T18:00") plus an IANA zone becomes an ISO instant and back,
// with Intl only. Local times that happen twice (clocks go back) take the first; local times that do not exist
// (clocks go forward) move forward by the gap, as Temporal's 'compatible' disambiguation does.

const LOCAL_PATTERN = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** The wall-clock fields in `timeZone` at instant `ms`. */
function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return {
    year: parts.year ?? 0,
    month: parts.month ?? 1,
    day: parts.day ?? 1,
    hour: parts.hour ?? 0,
    minute: parts.minute ?? 0,
    second: parts.second ?? 0,
  };
}

/** How far `timeZone` is ahead of UTC at instant `ms`, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** "2025-06-21T18:00" as the instant it names in `timeZone` ("2025-06-21T17:00:00.000Z" for Europe/London). Null when `local` is not a date and time. */
export function zonedLocalToIso(local: string, timeZone: string): string | null {
  const m = LOCAL_PATTERN.exec(local.trim());
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  if (
    Number.isNaN(asUtc) ||
    check.getUTCMonth() !== month - 1 ||
    check.getUTCDate() !== day ||
    hour > 23 ||
    minute > 59 ||
    second > 59
  ) {
    return null;
  }
  // The offsets a day either side cover any transition near this time (zones change at most once a day).
  const oneDay = 86_400_000;
  const before = offsetAt(asUtc - oneDay, timeZone);
  const after = offsetAt(asUtc + oneDay, timeZone);
  const wanted = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${pad(second)}`;
  const matches = [asUtc - before, asUtc - after].filter(
    (t) => isoToZonedLocal(t, timeZone, true) === wanted,
  );
  // Earliest valid reading, or (in a gap) the reading with the offset from before the change.
  const instant = matches.length ? Math.min(...matches) : asUtc - before;
  return new Date(instant).toISOString();
}

/** An instant as the `datetime-local` value for `timeZone`: "2025-06-21T17:00:00Z" → "2025-06-21T18:00" in Europe/London. */
export function isoToZonedLocal(iso: string | number | Date, timeZone: string, withSeconds = false): string {
  const ms = typeof iso === 'number' ? iso : new Date(iso).getTime();
  const w = wallClock(ms, timeZone);
  const base = `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
  return withSeconds ? `${base}:${pad(w.second)}` : base;
}
