import type { TestServer } from './server.js';
import type { TestPerson } from './people.js';
import { randomBytes } from 'node:crypto';

const id = (prefix: string) => `${prefix}${randomBytes(8).toString('hex')}`;

/** What a test meeting needs: its chair, participating organizations, officers and agenda. */
export interface TestMeetingInput {
  chair: TestPerson;
  organizations: string[];
  coChairs?: TestPerson[];
  rapporteurs?: TestPerson[];
  agenda?: { en: string; es: string; kind: 'information' | 'discussion' | 'decision' }[];
  minutesLocale?: 'en' | 'es';
  amendmentDays?: number;
}

/**
 * Inserts a scheduled meeting straight into the database (the meetings REST module is another
 * branch's); the room's start and end are written by `setMeetingState` and announced with the
 * domain events the room emits.
 */
export async function insertMeeting(server: TestServer, input: TestMeetingInput): Promise<string> {
  const db = server.app.ctx.db;
  const at = new Date().toISOString();
  const meetingId = id('m');
  await db
    .insertInto('meetings')
    .values({
      id: meetingId,
      title_en: 'Coordination meeting',
      title_es: 'Reunión de coordinación',
      starts_at: '2030-03-10T15:00:00.000Z',
      ends_at: '2030-03-10T17:00:00.000Z',
      location: 'San Salvador',
      call_url: null,
      state: 'scheduled',
      chair_id: input.chair.userId,
      created_by: input.chair.userId,
      created_at: at,
      updated_at: at,
      amendment_days: input.amendmentDays ?? 5,
      one_speaker_per_delegation: 0,
      speaker_minutes: null,
      minutes_locale: input.minutesLocale ?? 'en',
      agenda_revision: 0,
      ics_sequence: 0,
      room_sequence: 0,
      current_item_id: null,
      item_started_at: null,
      queue_closed: 0,
      started_at: null,
      ended_at: null,
      amendment_ends_at: null,
      published_at: null,
      published_by: null,
      cancelled_at: null,
      published_record: null,
    })
    .execute();
  const orgs = [...new Set([input.chair.organizationId, ...input.organizations])];
  await db
    .insertInto('meeting_organizations')
    .values(orgs.map((o) => ({ meeting_id: meetingId, organization_id: o, attendance: null })))
    .execute();
  const roles = [
    ...(input.coChairs ?? []).map((p) => ({
      meeting_id: meetingId,
      user_id: p.userId,
      role: 'co_chair',
    })),
    ...(input.rapporteurs ?? []).map((p) => ({
      meeting_id: meetingId,
      user_id: p.userId,
      role: 'rapporteur',
    })),
  ];
  if (roles.length > 0) await db.insertInto('meeting_roles').values(roles).execute();
  const agenda = input.agenda ?? [];
  if (agenda.length > 0)
    await db
      .insertInto('agenda_items')
      .values(
        agenda.map((item, position) => ({
          id: id('a'),
          meeting_id: meetingId,
          position,
          title_en: item.en,
          title_es: item.es,
          kind: item.kind,
          presenting_organization_id: null,
          program_id: null,
          planned_minutes: 15,
          reviews_action_items: 0,
        })),
      )
      .execute();
  return meetingId;
}

/**
 * Moves a meeting to `live` or `ended` as the room does (state committed, then the domain
 * event). `announce: false` leaves the event out (a connection arriving first).
 */
export async function setMeetingState(
  server: TestServer,
  meetingId: string,
  state: 'live' | 'ended',
  options: { announce?: boolean; actorId?: string } = {},
): Promise<void> {
  const db = server.app.ctx.db;
  const now = new Date();
  const at = now.toISOString();
  if (state === 'live')
    await db
      .updateTable('meetings')
      .set({ state, started_at: at, updated_at: at })
      .where('id', '=', meetingId)
      .execute();
  else
    await db
      .updateTable('meetings')
      .set({
        state,
        ended_at: at,
        updated_at: at,
        amendment_ends_at: new Date(now.getTime() + 5 * 86_400_000).toISOString(),
      })
      .where('id', '=', meetingId)
      .execute();
  if (options.announce === false) return;
  const actorId = options.actorId ?? 'system';
  server.app.events.emit(state === 'live' ? 'meeting.started' : 'meeting.ended', {
    meetingId,
    actorId,
  });
}
