import { describe, expect, it } from 'vitest';
import { computeBoard, type BoardBallot, type BoardCandidate } from './board.js';

const program = (programId: string, code: string | null, priority = false): BoardCandidate => ({
  programId,
  code,
  titleEn: `Title ${programId}`,
  titleEs: `Título ${programId}`,
  priority,
});
const ballot = (organizationId: string, ids: string[], rationale?: string): BoardBallot => ({
  organizationId,
  entries: ids.map((programId, i) => ({
    programId,
    rationale: i === 0 && rationale ? rationale : null,
    locale: 'es',
  })),
});

// Three places. Candidates: BA2, BA10, BB1 (priority), two without a code (Alpha, Zulu), DA1.
const candidates = [
  program('ba10', 'BA10'),
  program('ba2', 'BA2'),
  program('bb1', 'BB1', true),
  { ...program('zulu', null), titleEn: 'Zulu' },
  { ...program('alpha', null), titleEn: 'Alpha' },
  program('da1', 'DA1'),
];

describe('computeBoard', () => {
  it('scores N − r + 1 per place and breaks ties by ballots, then code, uncoded last by title', () => {
    const rows = computeBoard(3, candidates, [
      ballot('gt', ['bb1', 'ba10', 'ba2'], 'Urgent'), // bb1 3, ba10 2, ba2 1
      ballot('hn', ['ba2', 'zulu', 'alpha']), // ba2 3, zulu 2, alpha 1
      ballot('es', ['ba10', 'alpha']), // ba10 3, alpha 2
      ballot('us', []), // no programs: not a voting delegation
    ]);
    expect(rows.map((r) => [r.rank, r.programId, r.score, r.rankedBy.length])).toEqual([
      [1, 'ba10', 5, 2],
      [2, 'ba2', 4, 2],
      // alpha (3 points, two ballots) before bb1 (3 points, one ballot): more ballots win.
      [3, 'alpha', 3, 2],
      [4, 'bb1', 3, 1],
      // zulu 2 points; da1 none.
      [5, 'zulu', 2, 1],
      [6, 'da1', 0, 0],
    ]);
  });

  it('orders equal scores and ballots by lower code (numbers in order), then uncoded by title', () => {
    const rows = computeBoard(2, candidates, [
      ballot('a', ['ba10', 'zulu']),
      ballot('b', ['ba2', 'alpha']),
      ballot('c', ['da1', 'bb1']),
    ]);
    // Three at 2 points with one ballot, three at 1 point with one ballot.
    expect(rows.map((r) => r.programId)).toEqual(['ba2', 'ba10', 'da1', 'bb1', 'alpha', 'zulu']);
  });

  it('gives consensus as the share of voting delegations that rank the program', () => {
    const rows = computeBoard(3, candidates, [
      ballot('gt', ['bb1', 'ba2']),
      ballot('hn', ['ba2']),
      ballot('cr', ['ba2', 'bb1']),
      ballot('us', []),
    ]);
    const byId = new Map(rows.map((r) => [r.programId, r]));
    expect(byId.get('ba2')?.consensus).toBe(1);
    expect(byId.get('bb1')?.consensus).toBeCloseTo(2 / 3);
    expect(byId.get('da1')?.consensus).toBe(0);
  });

  it('lists who ranks a program by place with the rationales, and marks priority programs', () => {
    const rows = computeBoard(3, candidates, [
      ballot('hn', ['ba2', 'bb1']),
      ballot('gt', ['bb1'], 'Urgent'),
    ]);
    const bb1 = rows.find((r) => r.programId === 'bb1');
    expect(bb1?.rankedBy).toEqual([
      { organizationId: 'gt', place: 1 },
      { organizationId: 'hn', place: 2 },
    ]);
    expect(bb1?.rationales).toEqual([{ organizationId: 'gt', text: 'Urgent', locale: 'es' }]);
    expect(bb1?.priority).toBe(true);
    expect(rows.find((r) => r.programId === 'ba2')?.priority).toBe(false);
  });

  it('ignores programs that are not candidates and places past N', () => {
    const rows = computeBoard(1, candidates, [ballot('gt', ['gone', 'ba2'])]);
    expect(rows.every((r) => r.score === 0)).toBe(true);
    expect(rows.find((r) => r.programId === 'gone')).toBeUndefined();
  });
});
