import type { z } from 'zod';
import {
  ActionItemReplySchema,
  AgendaConflictSchema,
  CalendarFeedCreatedSchema,
  CalendarFeedStatusSchema,
  DecisionReplySchema,
  MeetingListSchema,
  MeetingOptionsSchema,
  MeetingParticipantSchema,
  MeetingRecordsSchema,
  MeetingReplySchema,
  MeetingReviewSchema,
  ProgramMeetingRecordsSchema,
  listOf,
  type ActionItemWithMeetingSchema,
  type MeetingOptions,
  type MeetingParticipant,
  type ActionItem,
  type ActionItemInput,
  type ActionItemStatus,
  type CreateMeetingInput,
  type Decision,
  type DecisionInput,
  type Meeting,
  type MeetingRecords,
  type SaveAgendaInput,
  type SaveMeetingRolesInput,
  type UpdateMeetingInput,
} from '@mesa/shared';
import { ApiError, getJson, sendJson } from './api';

export type { MeetingOptions };

const meetingPath = (id: string) => `/api/meetings/${encodeURIComponent(id)}`;

const MeetingPeopleSchema = listOf(MeetingParticipantSchema);

/** A meeting list's reply. */
export type MeetingList = z.infer<typeof MeetingListSchema>;
/** A program's meetings' records. */
export type ProgramMeetingRecords = z.infer<typeof ProgramMeetingRecordsSchema>;

/** Meetings the reader may see, by start time, optionally in a window or of one program. */
export async function fetchMeetings(
  query: { from?: string; to?: string; programId?: string } = {},
  signal?: AbortSignal,
): Promise<MeetingList> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.size > 0 ? `?${params.toString()}` : '';
  return getJson(`/api/meetings${search}`, MeetingListSchema, signal);
}

/** One meeting with the reader's abilities. */
export async function fetchMeeting(id: string, signal?: AbortSignal): Promise<Meeting> {
  return (await getJson(meetingPath(id), MeetingReplySchema, signal)).meeting;
}

/** Creates a meeting (admins, coordinators of its programs). */
export async function createMeeting(input: CreateMeetingInput): Promise<Meeting> {
  return (await sendJson('POST', '/api/meetings', input, MeetingReplySchema)).meeting;
}

/** Changes a meeting's details. */
export async function updateMeeting(id: string, input: UpdateMeetingInput): Promise<Meeting> {
  return (await sendJson('PATCH', meetingPath(id), input, MeetingReplySchema)).meeting;
}

/** Cancels a scheduled meeting. */
export async function cancelMeeting(id: string): Promise<Meeting> {
  return (await sendJson('POST', `${meetingPath(id)}/cancel`, undefined, MeetingReplySchema))
    .meeting;
}

/** An agenda save's outcome: stored, or refused because someone saved first (with the meeting as stored now). */
export type SaveAgendaOutcome = { saved: Meeting } | { stale: Meeting };

/** Saves the whole agenda against the revision it was edited from; a 409 is an outcome. */
export async function saveAgenda(id: string, input: SaveAgendaInput): Promise<SaveAgendaOutcome> {
  try {
    const reply = await sendJson('PUT', `${meetingPath(id)}/agenda`, input, MeetingReplySchema);
    return { saved: reply.meeting };
  } catch (error) {
    const conflict = AgendaConflictSchema.safeParse(
      error instanceof ApiError ? error.body : undefined,
    );
    if (conflict.success) return { stale: conflict.data.error.current };
    throw error;
  }
}

/** Names co-chairs and rapporteurs. */
export async function saveRoles(id: string, input: SaveMeetingRolesInput): Promise<Meeting> {
  return (await sendJson('PUT', `${meetingPath(id)}/roles`, input, MeetingReplySchema)).meeting;
}

/** Sets the participating organizations. */
export async function saveOrganizations(id: string, organizationIds: string[]): Promise<Meeting> {
  const path = `${meetingPath(id)}/organizations`;
  return (await sendJson('PUT', path, { organizationIds }, MeetingReplySchema)).meeting;
}

/** Chair candidates, default organizations and open action items of some programs. */
export async function fetchMeetingOptions(
  programIds: readonly string[],
  signal?: AbortSignal,
): Promise<MeetingOptions> {
  const search = new URLSearchParams({ programIds: programIds.join(',') }).toString();
  return getJson(`/api/meetings/options?${search}`, MeetingOptionsSchema, signal);
}

/** People who may be named co-chair or rapporteur. */
export async function fetchMeetingPeople(
  id: string,
  signal?: AbortSignal,
): Promise<MeetingParticipant[]> {
  return (await getJson(`${meetingPath(id)}/people`, MeetingPeopleSchema, signal)).data;
}

/** Decisions and action items of a meeting. */
export async function fetchMeetingRecords(
  id: string,
  signal?: AbortSignal,
): Promise<MeetingRecords> {
  return getJson(`${meetingPath(id)}/records`, MeetingRecordsSchema, signal);
}

/** Open action items the review item goes through. */
export async function fetchMeetingReview(
  id: string,
  signal?: AbortSignal,
): Promise<z.infer<typeof ActionItemWithMeetingSchema>[]> {
  return (await getJson(`${meetingPath(id)}/review`, MeetingReviewSchema, signal)).data;
}

/** Records a decision. */
export async function createDecision(id: string, input: DecisionInput): Promise<Decision> {
  const path = `${meetingPath(id)}/decisions`;
  return (await sendJson('POST', path, input, DecisionReplySchema)).decision;
}

/** Changes a decision. */
export async function updateDecision(
  id: string,
  decisionId: string,
  input: DecisionInput,
): Promise<Decision> {
  const path = `${meetingPath(id)}/decisions/${encodeURIComponent(decisionId)}`;
  return (await sendJson('PATCH', path, input, DecisionReplySchema)).decision;
}

/** Removes a decision. */
export async function deleteDecision(id: string, decisionId: string): Promise<void> {
  await sendJson('DELETE', `${meetingPath(id)}/decisions/${encodeURIComponent(decisionId)}`);
}

/** Records an action item. */
export async function createActionItem(id: string, input: ActionItemInput): Promise<ActionItem> {
  const path = `${meetingPath(id)}/action-items`;
  return (await sendJson('POST', path, input, ActionItemReplySchema)).actionItem;
}

/** Changes an action item's text, owner or due date. */
export async function updateActionItem(
  actionItemId: string,
  input: ActionItemInput,
): Promise<ActionItem> {
  const path = `/api/action-items/${encodeURIComponent(actionItemId)}`;
  return (await sendJson('PATCH', path, input, ActionItemReplySchema)).actionItem;
}

/** Sets an action item's status. */
export async function setActionItemStatus(
  actionItemId: string,
  status: ActionItemStatus,
): Promise<ActionItem> {
  const path = `/api/action-items/${encodeURIComponent(actionItemId)}/status`;
  return (await sendJson('PUT', path, { status }, ActionItemReplySchema)).actionItem;
}

/** A program's meetings' decisions and action items (only of meetings the reader may see). */
export async function fetchProgramMeetingRecords(
  programId: string,
  signal?: AbortSignal,
): Promise<ProgramMeetingRecords> {
  const path = `/api/programs/${encodeURIComponent(programId)}/meeting-records`;
  return getJson(path, ProgramMeetingRecordsSchema, signal);
}

/** Address of a meeting's `.ics` (a download link with the session, not a fetch). */
export function meetingIcsUrl(id: string): string {
  return `${meetingPath(id)}/meeting.ics`;
}

/** Whether the person has a calendar feed, and since when. */
export async function fetchCalendarFeed(signal?: AbortSignal) {
  return getJson('/api/me/calendar-feed', CalendarFeedStatusSchema, signal);
}

/** Makes a new feed address (the old one stops working); the address is shown only now. */
export async function createCalendarFeed() {
  return sendJson('POST', '/api/me/calendar-feed', undefined, CalendarFeedCreatedSchema);
}

/** Removes the feed: its address stops working. */
export async function deleteCalendarFeed(): Promise<void> {
  await sendJson('DELETE', '/api/me/calendar-feed');
}
