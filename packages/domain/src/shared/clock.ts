// Time is a port: rules ask a Clock for "now" so that tests (and scheduled jobs) can pin it.

export interface Clock {
  now(): Date;
}

/** The real clock; the only place in this package that reads the system time. */
export const systemClock: Clock = {
  now: () => new Date(),
};

function toDate(at: Date | string): Date {
  const d = typeof at === 'string' ? new Date(at) : new Date(at.getTime());
  if (Number.isNaN(d.getTime())) throw new TypeError(`Not a valid date: ${String(at)}`);
  return d;
}

/** A clock that stays where it is put, for tests. Each now() returns a fresh copy. */
export function fixedClock(
  at: Date | string,
): Clock & { set(d: Date | string): void; advance(ms: number): void } {
  let current = toDate(at);
  return {
    now: () => new Date(current.getTime()),
    set: (d) => {
      current = toDate(d);
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms);
    },
  };
}
