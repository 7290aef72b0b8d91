/** TanStack Query keys of priority rounds, in one place so live invalidation and pages agree. */
export const priorityKeys = {
  /** Every round. */
  rounds: ['rounds'] as const,
  /** One round and everything under it (prefix of the keys below). */
  round: (id: string) => ['rounds', id] as const,
  /** The person's delegation's ballot. */
  ownBallot: (id: string) => ['rounds', id, 'ballot'] as const,
  /** Its history. */
  revisions: (id: string) => ['rounds', id, 'ballot', 'revisions'] as const,
  /** Every ballot. */
  ballots: (id: string) => ['rounds', id, 'ballots'] as const,
  /** The board. */
  board: (id: string) => ['rounds', id, 'board'] as const,
  /** An earlier closing's frozen board (never changes). */
  closingBoard: (id: string, reopeningId: string) =>
    ['rounds', id, 'closings', reopeningId] as const,
};
