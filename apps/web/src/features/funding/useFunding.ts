import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchCurrencies,
  fetchProgramFunding,
  fetchProgramRecords,
  fetchRates,
  fetchRecord,
  fetchRecordHistory,
  fetchStrategyWideRecords,
} from '../../lib/fundingApi';
import { live } from '../../lib/socket';
import { fundingKeys } from './queryKeys';

/** Currencies with their digits; they do not change while the app runs. */
export function useCurrencies() {
  return useQuery({
    queryKey: fundingKeys.currencies,
    queryFn: ({ signal }) => fetchCurrencies(signal),
    staleTime: Infinity,
  });
}

/** A program's funding summary. */
export function useProgramFunding(programId: string) {
  return useQuery({
    queryKey: fundingKeys.programFunding(programId),
    queryFn: ({ signal }) => fetchProgramFunding(programId, signal),
  });
}

/** A program's records, for its readers (403 otherwise). */
export function useProgramRecords(programId: string) {
  return useQuery({
    queryKey: fundingKeys.programRecords(programId),
    queryFn: ({ signal }) => fetchProgramRecords(programId, signal),
  });
}

/** The strategy-wide records (everyone signed in reads them). */
export function useStrategyWideRecords() {
  return useQuery({
    queryKey: fundingKeys.strategyWideRecords,
    queryFn: ({ signal }) => fetchStrategyWideRecords(signal),
  });
}

/** One record. */
export function useRecord(id: string) {
  return useQuery({
    queryKey: fundingKeys.record(id),
    queryFn: ({ signal }) => fetchRecord(id, signal),
  });
}

/** One record's history. */
export function useRecordHistory(id: string) {
  return useQuery({
    queryKey: fundingKeys.history(id),
    queryFn: ({ signal }) => fetchRecordHistory(id, signal),
  });
}

/** Every exchange rate. */
export function useRates() {
  return useQuery({
    queryKey: fundingKeys.rates,
    queryFn: ({ signal }) => fetchRates(undefined, signal),
  });
}

/**
 * Keeps shown funding current: `funding.changed` (and a reconnect, since events may have been
 * missed) refetches the funding queries. The event only says where figures changed; the data
 * always comes from the API, read through `can()`.
 */
export function useLiveFunding(programId?: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetchAll = () => void queryClient.invalidateQueries({ queryKey: fundingKeys.all });
    const stops = [
      live.on('funding.changed', (change) => {
        if (change.all || programId === undefined || change.programId === programId) {
          refetchAll();
        }
      }),
      live.onConnect((reconnected) => {
        if (reconnected) refetchAll();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [queryClient, programId]);
}
