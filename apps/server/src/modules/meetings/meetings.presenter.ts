import {
  ActionItemStatusSchema,
  AgendaItemKindSchema,
  AttendanceMarkSchema,
  LocaleSchema,
  MeetingStateSchema,
  type ActionItem,
  type ActionItemAbilities,
  type AgendaItem,
  type Decision,
  type Meeting,
  type MeetingAbilities,
  type MeetingPerson,
  type MeetingSummary,
} from '@mesa/shared';
import type {
  ActionItemRow,
  AgendaItemRow,
  DecisionRow,
  MeetingRow,
  OrganizationRow,
  PersonRow,
} from './meetings.repository.js';

/** A person as a meeting shows them (an unknown id shows an empty name). */
export function presentPerson(people: Map<string, PersonRow>, id: string): MeetingPerson {
  const p = people.get(id);
  return { id, name: p?.name ?? '', organizationId: p?.organization_id ?? '' };
}

/** One agenda item. */
export function presentAgendaItem(row: AgendaItemRow): AgendaItem {
  return {
    id: row.id,
    position: row.position,
    title: { en: row.title_en, es: row.title_es },
    kind: AgendaItemKindSchema.parse(row.kind),
    presentingOrganizationId: row.presenting_organization_id,
    programId: row.program_id,
    plannedMinutes: row.planned_minutes,
    reviewsActionItems: row.reviews_action_items === 1,
  };
}

/** A meeting in a list. */
export function presentSummary(
  row: MeetingRow,
  programIds: string[],
  people: Map<string, PersonRow>,
): MeetingSummary {
  return {
    id: row.id,
    title: { en: row.title_en, es: row.title_es },
    programIds,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    location: row.location,
    state: MeetingStateSchema.parse(row.state),
    chair: presentPerson(people, row.chair_id),
  };
}

/** What a meeting's reply needs besides its row. */
export interface MeetingExtras {
  programIds: string[];
  people: Map<string, PersonRow>;
  organizations: { id: string; name_en: string; name_es: string; attendance: string | null }[];
  roles: { role: string; id: string }[];
  agenda: AgendaItemRow[];
  abilities: MeetingAbilities;
}

/** A meeting as one reader sees it. */
export function presentMeeting(row: MeetingRow, x: MeetingExtras): Meeting {
  const person = (id: string) => presentPerson(x.people, id);
  return {
    ...presentSummary(row, x.programIds, x.people),
    callUrl: row.call_url,
    coChairs: x.roles.filter((r) => r.role === 'co_chair').map((r) => person(r.id)),
    rapporteurs: x.roles.filter((r) => r.role === 'rapporteur').map((r) => person(r.id)),
    organizations: x.organizations.map((o) => ({
      id: o.id,
      name: { en: o.name_en, es: o.name_es },
      attendance: o.attendance === null ? null : AttendanceMarkSchema.parse(o.attendance),
    })),
    agenda: x.agenda.map(presentAgendaItem),
    agendaRevision: row.agenda_revision,
    amendmentDays: row.amendment_days,
    amendmentEndsAt: row.amendment_ends_at,
    oneSpeakerPerDelegation: row.one_speaker_per_delegation === 1,
    speakerMinutes: row.speaker_minutes,
    minutesLocale: LocaleSchema.parse(row.minutes_locale),
    icsSequence: row.ics_sequence,
    createdBy: person(row.created_by),
    createdAt: row.created_at,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    publishedAt: row.published_at,
    cancelledAt: row.cancelled_at,
    abilities: x.abilities,
  };
}

/** A decision. */
export function presentDecision(row: DecisionRow, people: Map<string, PersonRow>): Decision {
  return {
    id: row.id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    programId: row.program_id,
    text: { en: row.text_en, es: row.text_es },
    recordedBy: presentPerson(people, row.recorded_by),
    recordedAt: row.recorded_at,
    updatedAt: row.updated_at,
  };
}

/** Whether an open or in-progress item is past its due date (UTC). */
export function isOverdue(status: string, dueDate: string, today: string): boolean {
  return (status === 'open' || status === 'in_progress') && dueDate < today;
}

/** An action item as one reader sees it. */
export function presentActionItem(
  row: ActionItemRow,
  x: {
    people: Map<string, PersonRow>;
    organizations: Map<string, OrganizationRow>;
    today: string;
    abilities: ActionItemAbilities;
  },
): ActionItem {
  const org = x.organizations.get(row.owner_organization_id);
  return {
    id: row.id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    programId: row.program_id,
    text: { en: row.text_en, es: row.text_es },
    ownerOrganization: {
      id: row.owner_organization_id,
      name: { en: org?.name_en ?? '', es: org?.name_es ?? '' },
    },
    ownerPerson: row.owner_user_id ? presentPerson(x.people, row.owner_user_id) : null,
    dueDate: row.due_date,
    status: ActionItemStatusSchema.parse(row.status),
    overdue: isOverdue(row.status, row.due_date, x.today),
    createdBy: presentPerson(x.people, row.created_by),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    statusChangedBy: row.status_changed_by ? presentPerson(x.people, row.status_changed_by) : null,
    statusChangedAt: row.status_changed_at,
    abilities: x.abilities,
  };
}
