import { useQuery } from '@tanstack/react-query';
import {
  fetchCoordinators,
  fetchInvitationOptions,
  fetchInvitations,
  fetchPeople,
  fetchProgramRelations,
} from '../../lib/adminApi';
import { adminKeys } from './queryKeys';

/** Every person of the workspace. */
export function usePeople() {
  return useQuery({ queryKey: adminKeys.people, queryFn: ({ signal }) => fetchPeople(signal) });
}

/** Pending invitations. */
export function useInvitations() {
  return useQuery({
    queryKey: adminKeys.invitations,
    queryFn: ({ signal }) => fetchInvitations(signal),
  });
}

/** The roles and organizations the person may choose when inviting. */
export function useInvitationOptions() {
  return useQuery({
    queryKey: adminKeys.invitationOptions,
    queryFn: ({ signal }) => fetchInvitationOptions(signal),
  });
}

/** A program's coordinators. */
export function useCoordinators(programId: string) {
  return useQuery({
    queryKey: adminKeys.coordinators(programId),
    queryFn: ({ signal }) => fetchCoordinators(programId, signal),
  });
}

/** A program's organizations and their relations. */
export function useProgramRelations(programId: string) {
  return useQuery({
    queryKey: adminKeys.relations(programId),
    queryFn: ({ signal }) => fetchProgramRelations(programId, signal),
  });
}
