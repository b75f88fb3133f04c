// Pages that change by the clock alone: an event leaves the upcoming lists the moment it ends, and its page changes
// when it starts or when its registration opens or closes — with no publish to bump the content's fingerprint. A
// page's ETag (and so its page-cache entry) carries the next such moment: once it has passed, the tag is new and the
// page renders again. The moment is read from the database only when the content changed or the moment passed.

export interface ClockTag {
  /** The tag part for `now` under the content `fingerprint`, e.g. "clock:2026-12-10T20:00:00.000Z". */
  (fingerprint: string, now: Date): Promise<string>;
}

/** `nextChange(now)`: the first moment at or after `now` when a page changes by the clock, or null. */
export function clockTag(nextChange: (now: Date) => Promise<Date | null>): ClockTag {
  let memo: { fingerprint: string; next: Promise<Date | null>; settled?: Date | null } | undefined;
  return async (fingerprint, now) => {
    const stale =
      !memo ||
      memo.fingerprint !== fingerprint ||
      (memo.settled !== undefined && memo.settled !== null && now.getTime() > memo.settled.getTime());
    if (stale) {
      const entry: NonNullable<typeof memo> = { fingerprint, next: nextChange(now) };
      memo = entry;
      entry.next.then(
        (next) => (entry.settled = next),
        () => {
          // A failed read is not kept: the next request reads again.
          if (memo === entry) memo = undefined;
        },
      );
    }
    const next = await memo!.next;
    return `clock:${next === null ? 'none' : next.toISOString()}`;
  };
}
