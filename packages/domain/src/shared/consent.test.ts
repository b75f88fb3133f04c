import { describe, expect, it } from 'vitest';
import { fixedClock } from './clock.js';
import { consentRecordSchema, recordConsent } from './consent.js';

describe('recordConsent', () => {
  it('records what was agreed, when and how', () => {
    const clock = fixedClock('2026-05-01T09:30:00Z');
    const record = recordConsent(
      { statement: 'You may email me about this campaign.', version: '2026-01', source: 'form' },
      clock,
    );
    expect(record).toEqual({
      statement: 'You may email me about this campaign.',
      version: '2026-01',
      givenAt: new Date('2026-05-01T09:30:00Z'),
      source: 'form',
    });
    expect(consentRecordSchema.parse(record)).toEqual(record);
  });

  it('refuses an empty statement', () => {
    expect(() =>
      recordConsent({ statement: ' ', version: '1', source: 'import' }, fixedClock('2026-01-01T00:00:00Z')),
    ).toThrow('The consent statement is missing');
  });

  it('refuses an unknown source', () => {
    const result = consentRecordSchema.safeParse({
      statement: 's',
      version: '1',
      givenAt: new Date(0),
      source: 'phone',
    });
    expect(result.success).toBe(false);
  });
});
