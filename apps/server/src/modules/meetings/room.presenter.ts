import {
  AgendaItemKindSchema,
  AttendanceMarkSchema,
  FloorRequestKindSchema,
  MeetingStateSchema,
  type QueueEntry,
  type RoomState,
} from '@mesa/shared';

/** A person in the room now (from the live layer's connections, each once). */
export interface RoomPerson {
  userId: string;
  name: string;
  organizationId: string;
}

/** What the room's state is made of, as read from the database. */
export interface RoomParts {
  meeting: {
    id: string;
    room_sequence: number;
    state: string;
    chair_id: string;
    current_item_id: string | null;
    item_started_at: string | null;
    speaker_minutes: number | null;
    queue_closed: number;
    one_speaker_per_delegation: number;
  };
  agenda: {
    id: string;
    title_en: string;
    title_es: string;
    kind: string;
    planned_minutes: number;
  }[];
  requests: {
    id: string;
    user_id: string;
    organization_id: string;
    kind: string;
    status: string;
    requested_at: string;
    started_at: string | null;
    name: string;
    org_name_en: string;
    org_name_es: string;
  }[];
  delegations: {
    organization_id: string;
    attendance: string | null;
    name_en: string;
    name_es: string;
  }[];
  present: readonly RoomPerson[];
  now: string;
}

function entryOf(r: RoomParts['requests'][number]): QueueEntry {
  return {
    id: r.id,
    userId: r.user_id,
    name: r.name,
    organizationId: r.organization_id,
    organizationName: { en: r.org_name_en, es: r.org_name_es },
    kind: FloorRequestKindSchema.parse(r.kind),
    requestedAt: r.requested_at,
  };
}

/** The room's whole state: what every reply and every `meeting.state` event carries. */
export function presentRoomState(parts: RoomParts): RoomState {
  const { meeting, agenda } = parts;
  const index = agenda.findIndex((item) => item.id === meeting.current_item_id);
  const item = index >= 0 ? agenda[index] : undefined;
  const speaking = parts.requests.find((r) => r.status === 'speaking');
  const counts = new Map<string, number>();
  for (const person of parts.present)
    counts.set(person.organizationId, (counts.get(person.organizationId) ?? 0) + 1);
  return {
    meetingId: meeting.id,
    sequence: meeting.room_sequence,
    state: MeetingStateSchema.parse(meeting.state),
    chairId: meeting.chair_id,
    currentItem: item
      ? {
          id: item.id,
          position: index,
          of: agenda.length,
          title: { en: item.title_en, es: item.title_es },
          kind: AgendaItemKindSchema.parse(item.kind),
          plannedMinutes: Math.max(1, item.planned_minutes),
        }
      : null,
    itemStartedAt: item ? meeting.item_started_at : null,
    speaker:
      speaking && speaking.started_at
        ? { ...entryOf(speaking), startedAt: speaking.started_at }
        : null,
    speakerMinutes:
      meeting.speaker_minutes !== null && meeting.speaker_minutes > 0
        ? meeting.speaker_minutes
        : null,
    queue: parts.requests.filter((r) => r.status === 'waiting').map(entryOf),
    queueClosed: meeting.queue_closed === 1,
    oneSpeakerPerDelegation: meeting.one_speaker_per_delegation === 1,
    present: parts.present.map((p) => ({
      userId: p.userId,
      name: p.name,
      organizationId: p.organizationId,
    })),
    delegations: parts.delegations.map((d) => ({
      organizationId: d.organization_id,
      name: { en: d.name_en, es: d.name_es },
      mark: d.attendance === null ? null : AttendanceMarkSchema.parse(d.attendance),
      present: counts.get(d.organization_id) ?? 0,
    })),
    serverNow: parts.now,
  };
}
