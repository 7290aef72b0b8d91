import { useEffect } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import {
  fetchMeeting,
  fetchMeetingOptions,
  fetchMeetingPeople,
  fetchMeetingRecords,
  fetchMeetingReview,
  fetchMeetings,
  fetchProgramMeetingRecords,
} from '../../lib/meetingsApi';
import { live } from '../../lib/socket';
import { meetingKeys } from './queryKeys';

/** Every meeting the reader may see. */
export function useMeetings() {
  return useQuery({
    queryKey: meetingKeys.list(),
    queryFn: ({ signal }) => fetchMeetings({}, signal),
  });
}

/** One meeting. */
export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKeys.meeting(id),
    queryFn: ({ signal }) => fetchMeeting(id, signal),
  });
}

/** A meeting's decisions and action items. */
export function useMeetingRecords(id: string, enabled = true) {
  return useQuery({
    queryKey: meetingKeys.records(id),
    queryFn: ({ signal }) => fetchMeetingRecords(id, signal),
    enabled,
  });
}

/** The review item's open action items, when the agenda has one. */
export function useMeetingReview(id: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.review(id),
    queryFn: ({ signal }) => fetchMeetingReview(id, signal),
    enabled,
  });
}

/** People who may be named co-chair or rapporteur, when the reader may name them. */
export function useMeetingPeople(id: string, enabled: boolean) {
  return useQuery({
    queryKey: meetingKeys.people(id),
    queryFn: ({ signal }) => fetchMeetingPeople(id, signal),
    enabled,
  });
}

/** Chair candidates, default organizations and open action items of the chosen programs. */
export function useMeetingOptions(programIds: readonly string[], enabled = true) {
  return useQuery({
    queryKey: meetingKeys.options(programIds),
    queryFn: ({ signal }) => fetchMeetingOptions(programIds, signal),
    enabled,
  });
}

/** A program's meetings' decisions and action items. */
export function useProgramMeetingRecords(programId: string) {
  return useQuery({
    queryKey: meetingKeys.programRecords(programId),
    queryFn: ({ signal }) => fetchProgramMeetingRecords(programId, signal),
  });
}

/**
 * Keeps a shown meeting current: a `meeting.changed` for it (sent to its room's members; the
 * room section joins the room) refetches the meeting, its records and review, and the lists.
 * After a reconnect the same, since events may have been missed.
 */
export function useLiveMeeting(meetingId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const refetch = () => {
      void queryClient.invalidateQueries({ queryKey: meetingKeys.meeting(meetingId) });
      void queryClient.invalidateQueries({ queryKey: meetingKeys.lists });
    };
    const stops = [
      live.on('meeting.changed', (change) => {
        if (change.meetingId === meetingId) refetch();
      }),
      live.onConnect((reconnected) => {
        if (reconnected) refetch();
      }),
    ];
    return () => stops.forEach((stop) => stop());
  }, [queryClient, meetingId]);
}
