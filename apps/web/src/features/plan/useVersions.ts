import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  comparePlanVersion,
  createPlanVersion,
  fetchPlanVersion,
  fetchPlanVersions,
  restorePlanVersion,
} from '../../lib/api';

/** Query keys of a plan's versions. */
export const versionKeys = {
  /** The list of one plan's versions. */
  list: (programId: string) => ['plan-versions', programId] as const,
  /** One version's content. */
  one: (programId: string, versionId: string) => ['plan-versions', programId, versionId] as const,
  /** One version compared with the current plan (changes as people type; never cached long). */
  compare: (programId: string, versionId: string) =>
    ['plan-versions', programId, versionId, 'compare'] as const,
};

/** A plan's versions, newest first. */
export function usePlanVersions(programId: string) {
  return useQuery({
    queryKey: versionKeys.list(programId),
    queryFn: ({ signal }) => fetchPlanVersions(programId, signal),
  });
}

/** One version's content, when one is selected. */
export function usePlanVersion(programId: string, versionId: string | null) {
  return useQuery({
    queryKey: versionKeys.one(programId, versionId ?? ''),
    queryFn: ({ signal }) => fetchPlanVersion(programId, versionId ?? '', signal),
    enabled: versionId !== null,
  });
}

/** A version compared with the current plan, when asked for. */
export function usePlanComparison(programId: string, versionId: string | null) {
  return useQuery({
    queryKey: versionKeys.compare(programId, versionId ?? ''),
    queryFn: ({ signal }) => comparePlanVersion(programId, versionId ?? '', signal),
    enabled: versionId !== null,
    staleTime: 0,
  });
}

/** Saves the live plan as a named version, then refreshes the list. */
export function useSaveVersion(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => createPlanVersion(programId, name),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.list(programId) }),
  });
}

/** Restores a version (everyone sees it live through the document), then refreshes the list. */
export function useRestoreVersion(programId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) => restorePlanVersion(programId, versionId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: versionKeys.list(programId) }),
  });
}
