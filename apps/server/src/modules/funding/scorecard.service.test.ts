import { describe, expect, it } from 'vitest';
import type { ScorecardRow } from '@mesa/shared';
import { daysBefore, monthsBefore, sortScorecard } from './scorecard.service.js';

const row = (name: string, o: Partial<ScorecardRow>): ScorecardRow => ({
  donor: { id: name, name: { en: name, es: name }, shortName: { en: name, es: name } },
  lastActivityAt: null,
  commitments: 0,
  withRecentDisbursement: 0,
  unconfirmed: 0,
  ...o,
});

describe('scorecard', () => {
  it('counts six months back to the same day, or the end of a shorter month', () => {
    expect(monthsBefore('2026-12-06', 6)).toBe('2026-06-06');
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
    expect(daysBefore('2026-03-01', 90)).toBe('2025-12-01');
  });

  it('sorts by share exactly, donors without commitments last either way', () => {
    const rows = [
      row('A', { commitments: 3, withRecentDisbursement: 1 }),
      row('B', { commitments: 0 }),
      row('C', { commitments: 2, withRecentDisbursement: 1 }),
      row('D', { commitments: 6, withRecentDisbursement: 2 }),
    ];
    expect(sortScorecard(rows, 'share', 'desc', 'en').map((r) => r.donor.id)).toEqual([
      'C',
      'A',
      'D',
      'B',
    ]);
    expect(sortScorecard(rows, 'share', 'asc', 'en').map((r) => r.donor.id)).toEqual([
      'A',
      'D',
      'C',
      'B',
    ]);
  });

  it('sorts by last activity with never last, and by unconfirmed', () => {
    const rows = [
      row('A', { lastActivityAt: '2026-01-01T00:00:00.000Z', unconfirmed: 2 }),
      row('B', { unconfirmed: 5 }),
      row('C', { lastActivityAt: '2026-06-01T00:00:00.000Z' }),
    ];
    expect(sortScorecard(rows, 'lastActivity', 'desc', 'en').map((r) => r.donor.id)).toEqual([
      'C',
      'A',
      'B',
    ]);
    expect(sortScorecard(rows, 'unconfirmed', 'desc', 'en').map((r) => r.donor.id)).toEqual([
      'B',
      'A',
      'C',
    ]);
    expect(sortScorecard(rows, 'donor', 'desc', 'en').map((r) => r.donor.id)).toEqual([
      'C',
      'B',
      'A',
    ]);
  });
});
