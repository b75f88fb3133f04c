import { describe, expect, it } from 'vitest';
import { clockTag } from './clock-tag.js';

/** Event ends at 20:00 and 22:00; nextChange answers from them and counts its reads. */
function fixture() {
  const moments = [new Date('2026-12-10T20:00:00.000Z'), new Date('2026-12-10T22:00:00.000Z')];
  const reads: string[] = [];
  const tag = clockTag(async (now) => {
    reads.push(now.toISOString());
    return moments.find((m) => m.getTime() >= now.getTime()) ?? null;
  });
  return { tag, reads };
}

describe('clockTag', () => {
  it('keeps one tag until the moment has passed, then the next; reads only when it must', async () => {
    const { tag, reads } = fixture();
    const before = await tag('v1', new Date('2026-12-10T19:00:00.000Z'));
    expect(before).toBe('clock:2026-12-10T20:00:00.000Z');
    // Until the event's end (inclusive: it is still listed then), the same tag and no second read.
    expect(await tag('v1', new Date('2026-12-10T19:59:59.999Z'))).toBe(before);
    expect(await tag('v1', new Date('2026-12-10T20:00:00.000Z'))).toBe(before);
    expect(reads).toHaveLength(1);
    // A moment later the page must render again: a new tag.
    expect(await tag('v1', new Date('2026-12-10T20:00:00.001Z'))).toBe('clock:2026-12-10T22:00:00.000Z');
    expect(await tag('v1', new Date('2026-12-10T22:00:00.001Z'))).toBe('clock:none');
    expect(reads).toHaveLength(3);
    // Nothing ahead: no read until the content changes.
    expect(await tag('v1', new Date('2027-01-01T00:00:00.000Z'))).toBe('clock:none');
    expect(reads).toHaveLength(3);
  });

  it('reads again when the content changed (an event added, moved or removed)', async () => {
    const { tag, reads } = fixture();
    await tag('v1', new Date('2026-12-10T19:00:00.000Z'));
    await tag('v2', new Date('2026-12-10T19:00:01.000Z'));
    expect(reads).toEqual(['2026-12-10T19:00:00.000Z', '2026-12-10T19:00:01.000Z']);
  });

  it('shares one read between requests that arrive together, and does not keep a failed one', async () => {
    let calls = 0;
    let fail = true;
    const tag = clockTag(async () => {
      calls++;
      if (fail) throw new Error('database away');
      return null;
    });
    const now = new Date('2026-12-10T19:00:00.000Z');
    const together = await Promise.allSettled([tag('v1', now), tag('v1', now)]);
    expect(together.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
    fail = false;
    expect(await tag('v1', now)).toBe('clock:none');
    expect(calls).toBe(2);
  });
});
