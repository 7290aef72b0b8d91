import type { FastifyInstance } from 'fastify';
import { newId } from '../lib/ids.js';
import { listRoomAttendance as listAttendanceOf } from '../modules/meetings/index.js';

/** What a test may say about a meeting to create; everything but the chair has a default. */
export interface MeetingOverrides {
  chairId: string;
  /** Who created it (the chair by default). */
  createdBy?: string;
  /** The programs it concerns (none: a plenary). */
  programIds?: string[];
  /** Participating organizations. */
  organizationIds?: string[];
  coChairIds?: string[];
  rapporteurIds?: string[];
  /** Agenda item titles (English; Spanish is derived), three by default. */
  agenda?: string[];
  state?: 'scheduled' | 'live' | 'ended' | 'published' | 'cancelled';
  oneSpeakerPerDelegation?: boolean;
  speakerMinutes?: number | null;
  amendmentDays?: number;
}

/** A meeting made for a test: its id and its agenda items' ids in order. */
export interface TestMeeting {
  meetingId: string;
  itemIds: string[];
}

/**
 * Inserts a meeting with its programs, participating organizations, roles and agenda
 * directly (no REST), scheduled an hour from now unless told otherwise.
 */
export async function createMeeting(
  app: FastifyInstance,
  o: MeetingOverrides,
): Promise<TestMeeting> {
  const db = app.ctx.db;
  const now = app.now();
  const at = now.toISOString();
  const meetingId = newId();
  const startsAt = new Date(now.getTime() + 3_600_000).toISOString();
  const endsAt = new Date(now.getTime() + 7_200_000).toISOString();
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      title_en: `Meeting ${meetingId.slice(0, 4)}`,
      title_es: `Reunión ${meetingId.slice(0, 4)}`,
      starts_at: startsAt,
      ends_at: endsAt,
      location: null,
      call_url: null,
      state: o.state ?? 'scheduled',
      chair_id: o.chairId,
      created_by: o.createdBy ?? o.chairId,
      created_at: at,
      updated_at: at,
      amendment_days: o.amendmentDays ?? 5,
      one_speaker_per_delegation: o.oneSpeakerPerDelegation ? 1 : 0,
      speaker_minutes: o.speakerMinutes === undefined ? 3 : o.speakerMinutes,
      minutes_locale: 'en',
      agenda_revision: 0,
      ics_sequence: 0,
      room_sequence: 0,
      current_item_id: null,
      item_started_at: null,
      queue_closed: 0,
      started_at: o.state === 'live' ? at : null,
      ended_at: null,
      amendment_ends_at: null,
      published_at: null,
      published_by: null,
      cancelled_at: null,
      published_record: null,
    })
    .execute();
  for (const programId of o.programIds ?? [])
    await db
      .insertInto('meeting_programs')
      .values({ meeting_id: meetingId, program_id: programId })
      .execute();
  for (const organizationId of new Set(o.organizationIds ?? []))
    await db
      .insertInto('meeting_organizations')
      .values({ meeting_id: meetingId, organization_id: organizationId, attendance: null })
      .execute();
  const roles = [
    ...(o.coChairIds ?? []).map((userId) => ({ userId, role: 'co_chair' })),
    ...(o.rapporteurIds ?? []).map((userId) => ({ userId, role: 'rapporteur' })),
  ];
  for (const { userId, role } of roles)
    await db
      .insertInto('meeting_roles')
      .values({ meeting_id: meetingId, user_id: userId, role })
      .execute();
  const itemIds: string[] = [];
  for (const [position, title] of (o.agenda ?? ['Opening', 'Reports', 'Closing']).entries()) {
    const id = newId();
    itemIds.push(id);
    await db
      .insertInto('agenda_items')
      .values({
        id,
        meeting_id: meetingId,
        position,
        title_en: title,
        title_es: `${title} (es)`,
        kind: 'discussion',
        presenting_organization_id: null,
        program_id: null,
        planned_minutes: 10,
        reviews_action_items: 0,
      })
      .execute();
  }
  return { meetingId, itemIds };
}

/** A meeting's attendance rows, oldest first: who was in the room when. */
export function listRoomAttendance(app: FastifyInstance, meetingId: string) {
  return listAttendanceOf(app.ctx, meetingId);
}
