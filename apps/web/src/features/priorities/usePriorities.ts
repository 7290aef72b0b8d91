import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchBallotRevisions,
  fetchBallots,
  fetchBoard,
  fetchClosingBoard,
  fetchOwnBallot,
  fetchRound,
  fetchRounds,
} from '../../lib/prioritiesApi';
import { live } from '../../lib/socket';
import { priorityKeys } from './queryKeys';

/** Every round. */
export function useRounds() {
  return useQuery({ queryKey: priorityKeys.rounds, queryFn: ({ signal }) => fetchRounds(signal) });
}

/** One round. */
export function useRound(id: string) {
  return useQuery({
    queryKey: priorityKeys.round(id),
    queryFn: ({ signal }) => fetchRound(id, signal),
  });
}

/** The person's delegation's ballot, when they belong to one. */
export function useOwnBallot(id: string, enabled: boolean) {
  return useQuery({
    queryKey: priorityKeys.ownBallot(id),
    queryFn: ({ signal }) => fetchOwnBallot(id, signal),
    enabled,
  });
}

/** The delegation's ballot history, fetched when shown. */
export function useBallotRevisions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: priorityKeys.revisions(id),
    queryFn: ({ signal }) => fetchBallotRevisions(id, signal),
    enabled,
  });
}

/** The board, when results are visible. */
export function useBoard(id: string, enabled: boolean) {
  return useQuery({
    queryKey: priorityKeys.board(id),
    queryFn: ({ signal }) => fetchBoard(id, signal),
    enabled,
  });
}

/** An earlier closing's frozen board: the record, so it is fetched once and kept. */
export function useClosingBoard(id: string, reopeningId: string) {
  return useQuery({
    queryKey: priorityKeys.closingBoard(id, reopeningId),
    queryFn: ({ signal }) => fetchClosingBoard(id, reopeningId, signal),
    staleTime: Infinity,
  });
}

/** Every ballot, when results are visible. */
export function useBallots(id: string, enabled: boolean) {
  return useQuery({
    queryKey: priorityKeys.ballots(id),
    queryFn: ({ signal }) => fetchBallots(id, signal),
    enabled,
  });
}

/**
 * Keeps the rounds live: any `round.changed` refetches the list and that round; while a round
 * is shown its room is followed, and a `ballot.changed` refetches it (events carry no ballot:
 * what the person may see comes from REST).
 */
export function useLiveRounds(roundId?: string) {
  const queryClient = useQueryClient();
  useEffect(() => (roundId ? live.followRound(roundId) : undefined), [roundId]);
  useEffect(() => {
    const refetch = (id: string) => {
      void queryClient.invalidateQueries({ queryKey: priorityKeys.rounds, exact: true });
      void queryClient.invalidateQueries({ queryKey: priorityKeys.round(id) });
    };
    const stopRound = live.on('round.changed', ({ roundId: id }) => refetch(id));
    const stopBallot = live.on('ballot.changed', ({ roundId: id }) => refetch(id));
    return () => {
      stopRound();
      stopBallot();
    };
  }, [queryClient]);
}
