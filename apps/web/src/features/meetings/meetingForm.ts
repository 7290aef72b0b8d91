import type { ParseKeys } from 'i18next';
import {
  CallUrlSchema,
  CreateMeetingInputSchema,
  type CreateMeetingInput,
  type Meeting,
} from '@mesa/shared';
import { utcToZoned, zonedToUtc } from '../../lib/zonedTime';
import {
  agendaInput,
  agendaProblems,
  hasAgendaProblems,
  type AgendaItemProblems,
  type DraftAgendaItem,
} from './agendaDraft';

/** The meeting form's fields as typed. */
export interface MeetingDraft {
  titleEn: string;
  titleEs: string;
  programIds: string[];
  /** The zone the times are entered in. */
  zone: string;
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  location: string;
  callUrl: string;
  chairId: string;
  /** Participating organizations. */
  organizationIds: string[];
  amendmentDays: string;
  oneSpeakerPerDelegation: boolean;
  /** Minutes per speaker as typed; empty for no limit. */
  speakerMinutes: string;
  agenda: DraftAgendaItem[];
}

/** A field of the form that can be wrong. */
export type MeetingField =
  | 'titleEn'
  | 'titleEs'
  | 'start'
  | 'end'
  | 'callUrl'
  | 'location'
  | 'chairId'
  | 'amendmentDays'
  | 'speakerMinutes';

/** The form's problems: catalogue keys by field, and per agenda item. */
export interface MeetingFormProblems {
  fields: Partial<Record<MeetingField, ParseKeys>>;
  agenda: AgendaItemProblems[];
}

/** An empty draft for a new meeting, a week from now at 14:00–16:00 in the zone. */
export function newMeetingDraft(zone: string, now = Date.now()): MeetingDraft {
  const day = utcToZoned(new Date(now + 7 * 86_400_000).toISOString(), zone).date;
  return {
    titleEn: '',
    titleEs: '',
    programIds: [],
    zone,
    startDate: day,
    startTime: '14:00',
    endDate: day,
    endTime: '16:00',
    location: '',
    callUrl: '',
    chairId: '',
    organizationIds: [],
    amendmentDays: '5',
    oneSpeakerPerDelegation: false,
    speakerMinutes: '',
    agenda: [],
  };
}

/** A stored meeting as the form edits it (times in `zone`). */
export function draftOfMeeting(meeting: Meeting, zone: string): MeetingDraft {
  const start = utcToZoned(meeting.startsAt, zone);
  const end = utcToZoned(meeting.endsAt, zone);
  return {
    titleEn: meeting.title.en,
    titleEs: meeting.title.es,
    programIds: [...meeting.programIds],
    zone,
    startDate: start.date,
    startTime: start.time,
    endDate: end.date,
    endTime: end.time,
    location: meeting.location ?? '',
    callUrl: meeting.callUrl ?? '',
    chairId: meeting.chair.id,
    organizationIds: meeting.organizations.map((o) => o.id),
    amendmentDays: String(meeting.amendmentDays),
    oneSpeakerPerDelegation: meeting.oneSpeakerPerDelegation,
    speakerMinutes: meeting.speakerMinutes === null ? '' : String(meeting.speakerMinutes),
    agenda: [],
  };
}

const wholeNumber = (text: string, min: number, max: number): number | null => {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
};

/** The UTC start and end of the draft's entered times, or null where one is not a time. */
export function draftTimes(draft: MeetingDraft): {
  startsAt: string | null;
  endsAt: string | null;
} {
  return {
    startsAt: zonedToUtc(draft.startDate, draft.startTime, draft.zone),
    endsAt: zonedToUtc(draft.endDate, draft.endTime, draft.zone),
  };
}

/**
 * Checks the draft and builds what `POST /api/meetings` takes: both titles, real times with the
 * end after the start (at most 3 days), an http(s) call link, a chair, whole numbers in range,
 * and each agenda item. The shared schema has the last word.
 */
export function meetingInput(
  draft: MeetingDraft,
): { input: CreateMeetingInput } | { problems: MeetingFormProblems } {
  const fields: MeetingFormProblems['fields'] = {};
  if (!draft.titleEn.trim()) fields.titleEn = 'meetings.form.required';
  if (!draft.titleEs.trim()) fields.titleEs = 'meetings.form.required';
  const { startsAt, endsAt } = draftTimes(draft);
  if (!startsAt) fields.start = 'meetings.form.badTime';
  if (!endsAt) fields.end = 'meetings.form.badTime';
  if (startsAt && endsAt) {
    const length = Date.parse(endsAt) - Date.parse(startsAt);
    if (length <= 0 || length > 3 * 86_400_000) fields.end = 'meetings.form.endAfterStart';
  }
  const callUrl = draft.callUrl.trim();
  if (callUrl && !CallUrlSchema.safeParse(callUrl).success) fields.callUrl = 'meetings.form.badUrl';
  if (draft.location.trim().length > 300) fields.location = 'meetings.form.tooLong';
  if (!draft.chairId) fields.chairId = 'meetings.form.chairRequired';
  const amendmentDays = wholeNumber(draft.amendmentDays, 0, 30);
  if (amendmentDays === null) fields.amendmentDays = 'meetings.form.amendmentRange';
  const speakerMinutes =
    draft.speakerMinutes.trim() === '' ? null : wholeNumber(draft.speakerMinutes, 1, 60);
  if (draft.speakerMinutes.trim() !== '' && speakerMinutes === null)
    fields.speakerMinutes = 'meetings.form.speakerRange';
  const agenda = agendaProblems(draft.agenda);
  if (Object.keys(fields).length > 0 || hasAgendaProblems(agenda)) {
    return { problems: { fields, agenda } };
  }
  const input: CreateMeetingInput = {
    title: { en: draft.titleEn.trim(), es: draft.titleEs.trim() },
    programIds: draft.programIds,
    startsAt: startsAt!,
    endsAt: endsAt!,
    location: draft.location.trim() || null,
    callUrl: callUrl || null,
    chairId: draft.chairId,
    organizationIds: draft.organizationIds,
    amendmentDays: amendmentDays!,
    oneSpeakerPerDelegation: draft.oneSpeakerPerDelegation,
    speakerMinutes,
    agenda: agendaInput(draft.agenda),
  };
  const parsed = CreateMeetingInputSchema.safeParse(input);
  if (!parsed.success) {
    return { problems: { fields: { titleEn: 'meetings.form.invalid' }, agenda } };
  }
  return { input };
}
