import { describe, expect, it } from 'vitest';
import { freshRead } from './fresh-read.js';

/** A fake store whose reads resolve when told to, recording when each read started. */
function store() {
  let value = 0;
  const reads: { startedWith: number; resolve: () => void }[] = [];
  const read = () =>
    new Promise<number>((resolve) => {
      const startedWith = value;
      reads.push({ startedWith, resolve: () => resolve(startedWith) });
    });
  return {
    reads,
    read,
    set: (v: number) => (value = v),
  };
}

const tick = () => new Promise((r) => setImmediate(r));

describe('freshRead', () => {
  it('shares one read among callers that arrive while another read runs', async () => {
    const s = store();
    const get = freshRead(s.read);
    const first = get();
    const second = get();
    const third = get();
    expect(s.reads).toHaveLength(1);
    s.reads[0]!.resolve();
    await tick();
    // The callers that arrived during the first read get a read of their own (one, shared), started after.
    expect(s.reads).toHaveLength(2);
    s.reads[1]!.resolve();
    expect(await Promise.all([first, second, third])).toEqual([0, 0, 0]);
    expect(s.reads).toHaveLength(2);
  });

  it('never hands a caller a value read before it called', async () => {
    const s = store();
    const get = freshRead(s.read);
    const early = get(); // read 1 starts, sees 0
    s.set(1); // a change commits while read 1 is in flight
    const late = get(); // must not get read 1's stale 0
    s.reads[0]!.resolve();
    await tick();
    s.reads[1]!.resolve();
    expect(await early).toBe(0);
    expect(await late).toBe(1);
  });

  it('starts afresh after a failed read', async () => {
    let calls = 0;
    const get = freshRead(async () => {
      calls++;
      if (calls === 1) throw new Error('connection lost');
      return 'v';
    });
    await expect(get()).rejects.toThrow('connection lost');
    await expect(get()).resolves.toBe('v');
  });
});
