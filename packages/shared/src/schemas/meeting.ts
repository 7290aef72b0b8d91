import { z } from 'zod';
import { DenialReasonSchema } from '../denials.js';
import { IdSchema } from '../ids.js';
import { LocaleSchema } from '../locale.js';
import { trimmedString } from '../text.js';
import { LocalizedTextSchema, localizedInput } from './localized.js';

/**
 * The meetings' REST contract: a meeting and its agenda, roles and participating
 * organizations; decisions and action items; the published record and its addenda; the
 * calendar feed. The live room's state and commands are in `realtime/meeting-room.ts`.
 * Times are ISO 8601 in UTC (`…Z`); readers show them in their own zone.
 */

/** scheduled → live → ended → published; cancelled from scheduled. */
export const MeetingStates = ['scheduled', 'live', 'ended', 'published', 'cancelled'] as const;
/** A meeting's state. */
export const MeetingStateSchema = z.enum(MeetingStates);
/** A meeting's state. */
export type MeetingState = z.infer<typeof MeetingStateSchema>;

/** What an agenda item is for. */
export const AgendaItemKindSchema = z.enum(['information', 'discussion', 'decision']);
/** An agenda item's kind. */
export type AgendaItemKind = z.infer<typeof AgendaItemKindSchema>;

/** Where an action item stands. `done` and `dropped` close it. */
export const ActionItemStatusSchema = z.enum(['open', 'in_progress', 'done', 'dropped']);
/** An action item's status. */
export type ActionItemStatus = z.infer<typeof ActionItemStatusSchema>;

/** The chair's mark for a participating delegation. */
export const AttendanceMarkSchema = z.enum(['present', 'absent', 'excused']);
/** An attendance mark. */
export type AttendanceMark = z.infer<typeof AttendanceMarkSchema>;

/** A time in UTC as the API writes it and accepts it (an offset is accepted on input). */
export const MeetingTimeSchema = z.iso.datetime({ offset: true });

/** A calendar date (YYYY-MM-DD) without a zone: an action item is due on a day. */
export const DueDateSchema = z.iso.date();

/** A location or call link: http or https only (never `javascript:` or a file). */
export const CallUrlSchema = trimmedString()
  .max(2000)
  .pipe(z.url({ protocol: /^https?$/, hostname: z.regexes.domain }));

/** Whether a person may do each action on one meeting. */
export const MeetingAbilityFlagsSchema = z.object({
  /** See the meeting, its room, minutes, decisions and action items. */
  read: z.boolean(),
  /** Edit its details, participating organizations and agenda (chair, its programs' coordinators, admins; before it ends). */
  edit: z.boolean(),
  /** Cancel it (those who may edit it, while scheduled). */
  cancel: z.boolean(),
  /** Name co-chairs and rapporteurs (the chair; admins). */
  nameRoles: z.boolean(),
  /** Run the room: start, move through the agenda, the timer, the speaker queue, attendance, end (the chair). */
  chairRoom: z.boolean(),
  /** Take over the chair (co-chairs, coordinators of its programs, admins). */
  takeChair: z.boolean(),
  /** Ask for the floor (role `member` participants and admins, while live). */
  requestFloor: z.boolean(),
  /** Edit the minutes (chair, co-chairs, rapporteurs; live or ended, until published). */
  editMinutes: z.boolean(),
  /** Record decisions and action items (chair, co-chairs, rapporteurs; live or ended). */
  record: z.boolean(),
  /** Comment on the minutes (role `member` participants and admins; live, or ended within the amendment window). */
  commentMinutes: z.boolean(),
  /** Publish the record (the chair and admins, once ended). */
  publish: z.boolean(),
  /** Add an addendum to the published record (chair, co-chairs, rapporteurs, admins). */
  addAddendum: z.boolean(),
});
/** Meeting ability flags. */
export type MeetingAbilityFlags = z.infer<typeof MeetingAbilityFlagsSchema>;

/** An action on one meeting. */
export const MeetingActionSchema = MeetingAbilityFlagsSchema.keyof();
/** An action on one meeting. */
export type MeetingAction = z.infer<typeof MeetingActionSchema>;

/** What a person may do on one meeting, and why not. */
export const MeetingAbilitiesSchema = MeetingAbilityFlagsSchema.extend({
  /** For each refused action, why the policy refuses it. */
  denied: z.partialRecord(MeetingActionSchema, DenialReasonSchema),
});
/** Abilities on one meeting. */
export type MeetingAbilities = z.infer<typeof MeetingAbilitiesSchema>;

/** A person named on a meeting (chair, co-chair, rapporteur, owner, author). */
export const MeetingPersonSchema = z.object({
  /** The person's id. */
  id: IdSchema,
  /** Display name. */
  name: z.string(),
  /** Their organization. */
  organizationId: IdSchema,
});
/** A person named on a meeting. */
export type MeetingPerson = z.infer<typeof MeetingPersonSchema>;

/** A participating organization (a delegation at the table). */
export const MeetingOrganizationSchema = z.object({
  /** The organization's id. */
  id: IdSchema,
  /** Its name in each language. */
  name: LocalizedTextSchema,
  /** The chair's attendance mark, or null while unmarked. */
  attendance: AttendanceMarkSchema.nullable(),
});
/** A participating organization. */
export type MeetingOrganization = z.infer<typeof MeetingOrganizationSchema>;

/** One item of the agenda. */
export const AgendaItemSchema = z.object({
  /** The item's id. */
  id: IdSchema,
  /** 0-based order. */
  position: z.number().int().nonnegative(),
  /** Title in each language. */
  title: LocalizedTextSchema,
  /** Information, discussion or decision. */
  kind: AgendaItemKindSchema,
  /** The organization presenting it, or null. */
  presentingOrganizationId: IdSchema.nullable(),
  /** The program it is about, or null. */
  programId: IdSchema.nullable(),
  /** Planned length in minutes (the room's countdown). */
  plannedMinutes: z.number().int().positive(),
  /** Whether this is the "review of open action items" item of the meeting's programs. */
  reviewsActionItems: z.boolean(),
});
/** An agenda item. */
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/** A meeting as its readers see it (`GET /api/meetings/:id`). */
export const MeetingSchema = z.object({
  /** The meeting's id. */
  id: IdSchema,
  /** Title in each language. */
  title: LocalizedTextSchema,
  /** The programs it concerns; empty for a plenary. */
  programIds: z.array(IdSchema),
  /** Start, UTC. */
  startsAt: MeetingTimeSchema,
  /** End, UTC. */
  endsAt: MeetingTimeSchema,
  /** Where it takes place, or null. */
  location: z.string().nullable(),
  /** The call link (http or https), or null. */
  callUrl: z.string().nullable(),
  /** Its state. */
  state: MeetingStateSchema,
  /** The chair. */
  chair: MeetingPersonSchema,
  /** Co-chairs. */
  coChairs: z.array(MeetingPersonSchema),
  /** Rapporteurs. */
  rapporteurs: z.array(MeetingPersonSchema),
  /** Participating organizations. */
  organizations: z.array(MeetingOrganizationSchema),
  /** The agenda, in order. */
  agenda: z.array(AgendaItemSchema),
  /** Revision of the agenda; a save names the one it was made against (409 otherwise). */
  agendaRevision: z.number().int().nonnegative(),
  /** Days after the end in which participants propose corrections to the minutes. */
  amendmentDays: z.number().int().nonnegative(),
  /** When the amendment window closes (set when the meeting ends), or null. */
  amendmentEndsAt: MeetingTimeSchema.nullable(),
  /** Whether the room allows one speaker per delegation per item. */
  oneSpeakerPerDelegation: z.boolean(),
  /** Each speaker's time in minutes, or null for no limit. */
  speakerMinutes: z.number().int().positive().nullable(),
  /** The language the minutes' template is written in. */
  minutesLocale: LocaleSchema,
  /** The calendar SEQUENCE (RFC 5545), raised on every change a calendar shows. */
  icsSequence: z.number().int().nonnegative(),
  /** Who created it. */
  createdBy: MeetingPersonSchema,
  /** When it was created. */
  createdAt: MeetingTimeSchema,
  /** When it started, ended, was published or cancelled (null until then). */
  startedAt: MeetingTimeSchema.nullable(),
  endedAt: MeetingTimeSchema.nullable(),
  publishedAt: MeetingTimeSchema.nullable(),
  cancelledAt: MeetingTimeSchema.nullable(),
  /** What the reader may do on it. */
  abilities: MeetingAbilitiesSchema,
});
/** A meeting. */
export type Meeting = z.infer<typeof MeetingSchema>;

/** A meeting in a list (`GET /api/meetings`). */
export const MeetingSummarySchema = MeetingSchema.pick({
  id: true,
  title: true,
  programIds: true,
  startsAt: true,
  endsAt: true,
  location: true,
  state: true,
  chair: true,
});
/** A meeting in a list. */
export type MeetingSummary = z.infer<typeof MeetingSummarySchema>;

/** `GET /api/meetings` query: a window of start times, one program, or states. */
export const ListMeetingsQuerySchema = z.strictObject({
  /** Meetings starting at or after this time. */
  from: MeetingTimeSchema.optional(),
  /** Meetings starting before this time. */
  to: MeetingTimeSchema.optional(),
  /** Only meetings concerning this program. */
  programId: IdSchema.optional(),
});

/** `GET /api/meetings` reply, ordered by start time. */
export const MeetingListSchema = z.object({
  /** The meetings the reader may see. */
  data: z.array(MeetingSummarySchema),
  /** Whether the reader may create a meeting (a plenary needs an admin). */
  canCreate: z.boolean(),
});

/** An agenda item as written by the chair (a new one has no id). */
export const AgendaItemInputSchema = z.strictObject({
  /** The id of an existing item (kept: threads and records point at it), or absent for a new one. */
  id: IdSchema.optional(),
  /** Title in each language. */
  title: localizedInput(200),
  /** Information, discussion or decision. */
  kind: AgendaItemKindSchema,
  /** The presenting organization (a participating one), or null. */
  presentingOrganizationId: IdSchema.nullable().default(null),
  /** The program it is about (one of the meeting's), or null. */
  programId: IdSchema.nullable().default(null),
  /** Planned minutes, 1 to 480. */
  plannedMinutes: z.number().int().min(1).max(480),
  /** Whether it is the review of open action items. */
  reviewsActionItems: z.boolean().default(false),
});
/** An agenda item input. */
export type AgendaItemInput = z.input<typeof AgendaItemInputSchema>;

/** The most agenda items a meeting holds. */
export const AGENDA_ITEMS_MAX = 40;

/** The meeting's details as written by its creator. */
const MeetingFieldsSchema = z.strictObject({
  /** Title in each language. */
  title: localizedInput(200),
  /** The programs it concerns (none: a plenary, admins only). */
  programIds: z.array(IdSchema).max(22),
  /** Start (UTC or with an offset; stored UTC). */
  startsAt: MeetingTimeSchema,
  /** End, after the start, at most 3 days later. */
  endsAt: MeetingTimeSchema,
  /** Where it takes place. */
  location: trimmedString().max(300).nullable().default(null),
  /** The call link: http or https only. */
  callUrl: CallUrlSchema.nullable().default(null),
  /** The chair: an admin or a coordinator of one of its programs (a plenary: an admin or a member an admin names). */
  chairId: IdSchema,
  /** Participating organizations; absent = those with any relation to its programs (every organization for a plenary). */
  organizationIds: z.array(IdSchema).max(200).optional(),
  /** Days of the amendment window after the end (0–30, default 5). */
  amendmentDays: z.number().int().min(0).max(30).default(5),
  /** One speaker per delegation per item. */
  oneSpeakerPerDelegation: z.boolean().default(false),
  /** Each speaker's time in minutes (1–60), or null for no limit. */
  speakerMinutes: z.number().int().min(1).max(60).nullable().default(null),
});

function endsAfterStart(value: { startsAt?: string; endsAt?: string }): boolean {
  if (!value.startsAt || !value.endsAt) return true;
  const start = Date.parse(value.startsAt);
  const end = Date.parse(value.endsAt);
  return end > start && end - start <= 3 * 24 * 3_600_000;
}

/** `POST /api/meetings`: the meeting and, optionally, its first agenda. */
export const CreateMeetingInputSchema = MeetingFieldsSchema.extend({
  /** The agenda; a meeting of programs with open action items gets a review item offered by the form. */
  agenda: z.array(AgendaItemInputSchema).max(AGENDA_ITEMS_MAX).default([]),
}).refine(endsAfterStart, {
  path: ['endsAt'],
  message: 'The end must be after the start, at most 3 days later.',
});
/** A meeting to create. */
export type CreateMeetingInput = z.input<typeof CreateMeetingInputSchema>;

/** `PATCH /api/meetings/:id`: any of the details (raises the calendar SEQUENCE). */
export const UpdateMeetingInputSchema = MeetingFieldsSchema.partial().refine(endsAfterStart, {
  path: ['endsAt'],
  message: 'The end must be after the start, at most 3 days later.',
});
/** Changes to a meeting. */
export type UpdateMeetingInput = z.input<typeof UpdateMeetingInputSchema>;

/** `PUT /api/meetings/:id/agenda`: the whole agenda in order, against the revision it was edited from. */
export const SaveAgendaInputSchema = z.strictObject({
  /** The agenda revision the edit was made against (409 with the current agenda otherwise). */
  revision: z.number().int().nonnegative(),
  /** Items in order; an existing item keeps its id. */
  items: z.array(AgendaItemInputSchema).max(AGENDA_ITEMS_MAX),
});
/** An agenda save. */
export type SaveAgendaInput = z.input<typeof SaveAgendaInputSchema>;

/** `PUT /api/meetings/:id/roles`: co-chairs and rapporteurs (role `member` participants). */
export const SaveMeetingRolesInputSchema = z.strictObject({
  coChairIds: z.array(IdSchema).max(10),
  rapporteurIds: z.array(IdSchema).max(10),
});
/** Co-chairs and rapporteurs to save. */
export type SaveMeetingRolesInput = z.infer<typeof SaveMeetingRolesInputSchema>;

/**
 * A text written in a live meeting, in one or both languages: a rapporteur writes what was
 * said and a translation may follow. At least one is required; a reader whose language is
 * missing sees the other one, marked with its language.
 */
export function meetingTextInput(maxLength: number) {
  return z
    .strictObject({
      en: trimmedString().max(maxLength).default(''),
      es: trimmedString().max(maxLength).default(''),
    })
    .refine((text) => text.en.length > 0 || text.es.length > 0, {
      message: 'Write the text in English, Spanish or both.',
    });
}

/** A decision recorded in a meeting. */
export const DecisionSchema = z.object({
  id: IdSchema,
  meetingId: IdSchema,
  /** The agenda item it was taken on, or null. */
  agendaItemId: IdSchema.nullable(),
  /** The program it concerns, or null. */
  programId: IdSchema.nullable(),
  /** The decision (either language may be empty, never both). */
  text: LocalizedTextSchema,
  recordedBy: MeetingPersonSchema,
  recordedAt: MeetingTimeSchema,
  updatedAt: MeetingTimeSchema,
});
/** A decision. */
export type Decision = z.infer<typeof DecisionSchema>;

/** `POST /api/meetings/:id/decisions` and `PATCH …/decisions/:decisionId`. */
export const DecisionInputSchema = z.strictObject({
  agendaItemId: IdSchema.nullable().default(null),
  programId: IdSchema.nullable().default(null),
  text: meetingTextInput(4000),
});
/** A decision to record. */
export type DecisionInput = z.input<typeof DecisionInputSchema>;

/** What a person may do on one action item. */
export const ActionItemAbilitiesSchema = z.object({
  /** Change its status (its owner, its owner organization's people, the chair, admins; never viewers). */
  updateStatus: z.boolean(),
  /** Change its text, owner or due date (chair, co-chairs, rapporteurs until published; admins). */
  edit: z.boolean(),
});
/** Abilities on one action item. */
export type ActionItemAbilities = z.infer<typeof ActionItemAbilitiesSchema>;

/** An action item: who does what by when. */
export const ActionItemSchema = z.object({
  id: IdSchema,
  meetingId: IdSchema,
  agendaItemId: IdSchema.nullable(),
  programId: IdSchema.nullable(),
  text: LocalizedTextSchema,
  /** The owner organization. */
  ownerOrganization: z.object({ id: IdSchema, name: LocalizedTextSchema }),
  /** The owner person, or null (the organization as a whole). */
  ownerPerson: MeetingPersonSchema.nullable(),
  /** Due date (YYYY-MM-DD). */
  dueDate: DueDateSchema,
  status: ActionItemStatusSchema,
  /** Open or in progress and past its due date (in UTC) — shown as overdue. */
  overdue: z.boolean(),
  createdBy: MeetingPersonSchema,
  createdAt: MeetingTimeSchema,
  updatedAt: MeetingTimeSchema,
  /** Who last changed the status, and when (null until then). */
  statusChangedBy: MeetingPersonSchema.nullable(),
  statusChangedAt: MeetingTimeSchema.nullable(),
  abilities: ActionItemAbilitiesSchema,
});
/** An action item. */
export type ActionItem = z.infer<typeof ActionItemSchema>;

/** `POST /api/meetings/:id/action-items` and `PATCH /api/action-items/:id`. */
export const ActionItemInputSchema = z.strictObject({
  agendaItemId: IdSchema.nullable().default(null),
  programId: IdSchema.nullable().default(null),
  text: meetingTextInput(2000),
  /** A participating organization. */
  ownerOrganizationId: IdSchema,
  /** A person of that organization, or null. */
  ownerUserId: IdSchema.nullable().default(null),
  dueDate: DueDateSchema,
});
/** An action item to record. */
export type ActionItemInput = z.input<typeof ActionItemInputSchema>;

/** `PUT /api/action-items/:id/status`. */
export const ActionItemStatusInputSchema = z.strictObject({
  status: ActionItemStatusSchema,
});

/** A meeting's decisions and action items (`GET /api/meetings/:id/records`). */
export const MeetingRecordsSchema = z.object({
  decisions: z.array(DecisionSchema),
  actionItems: z.array(ActionItemSchema),
});
/** A meeting's decisions and action items. */
export type MeetingRecords = z.infer<typeof MeetingRecordsSchema>;

/** A program's meetings' decisions and action items, only of meetings the reader may see. */
export const ProgramMeetingRecordsSchema = z.object({
  decisions: z.array(DecisionSchema.extend({ meetingTitle: LocalizedTextSchema })),
  actionItems: z.array(ActionItemSchema.extend({ meetingTitle: LocalizedTextSchema })),
});

/** A delegation's attendance in the record: the chair's mark and who was in the room when. */
export const RecordAttendanceSchema = z.object({
  organization: z.object({ id: IdSchema, name: LocalizedTextSchema }),
  mark: AttendanceMarkSchema.nullable(),
  people: z.array(
    z.object({
      id: IdSchema,
      name: z.string(),
      /** Each stay in the room. */
      stays: z.array(
        z.object({ joinedAt: MeetingTimeSchema, leftAt: MeetingTimeSchema.nullable() }),
      ),
    }),
  ),
});

/** A correction added to a published record, never a silent edit. */
export const AddendumSchema = z.object({
  id: IdSchema,
  body: z.string(),
  author: MeetingPersonSchema,
  createdAt: MeetingTimeSchema,
});
/** An addendum. */
export type Addendum = z.infer<typeof AddendumSchema>;

/** `POST /api/meetings/:id/addenda`. */
export const AddendumInputSchema = z.strictObject({
  body: trimmedString().min(1).max(8000),
});

/**
 * The published record (`GET /api/meetings/:id/record`): frozen at publishing — the minutes as
 * Markdown, attendance by delegation, decisions and action items as they stood — plus addenda.
 */
export const PublishedRecordSchema = z.object({
  meetingId: IdSchema,
  title: LocalizedTextSchema,
  startsAt: MeetingTimeSchema,
  endsAt: MeetingTimeSchema,
  location: z.string().nullable(),
  programIds: z.array(IdSchema),
  chair: MeetingPersonSchema,
  coChairs: z.array(MeetingPersonSchema),
  rapporteurs: z.array(MeetingPersonSchema),
  agenda: z.array(AgendaItemSchema),
  /** The minutes' text as Markdown, as published. */
  minutesMarkdown: z.string(),
  attendance: z.array(RecordAttendanceSchema),
  decisions: z.array(DecisionSchema),
  /** Action items as they stood at publishing (their live status is on the meeting's records). */
  actionItems: z.array(ActionItemSchema.omit({ abilities: true })),
  publishedAt: MeetingTimeSchema,
  publishedBy: MeetingPersonSchema,
  addenda: z.array(AddendumSchema),
});
/** The published record. */
export type PublishedRecord = z.infer<typeof PublishedRecordSchema>;

/** `GET /api/me/calendar-feed`: whether the person has a feed (the address is shown once, at creation). */
export const CalendarFeedStatusSchema = z.object({
  /** When the current token was made, or null when there is none. */
  createdAt: MeetingTimeSchema.nullable(),
});

/** `POST /api/me/calendar-feed`: a new token (the old one dies); the address is shown only now. */
export const CalendarFeedCreatedSchema = z.object({
  /** The feed's address, `https://…/api/calendar/<token>.ics`. */
  url: z.string(),
  createdAt: MeetingTimeSchema,
});

/** `GET /api/calendar/:file` params: `<token>.ics` (the token base32, lower case, 32+ characters). */
export const CalendarFeedParamsSchema = z.strictObject({
  file: z.string().regex(/^[a-z2-7]{32,64}\.ics$/),
});

/** Live: something of a meeting changed (its room's members refetch what they show). */
export const MeetingChangedSchema = z.object({
  meetingId: IdSchema,
  change: z.enum(['details', 'agenda', 'roles', 'records', 'state', 'addendum']),
});
/** A meeting change. */
export type MeetingChanged = z.infer<typeof MeetingChangedSchema>;

/** `PUT /api/meetings/:id/agenda` answer to a stale revision: the meeting as stored now. */
export const AgendaConflictSchema = z.object({
  error: z.object({
    /** Always `conflict`. */
    code: z.literal('conflict'),
    /** Human-readable English explanation. */
    message: z.string(),
    /** The meeting as stored now (its agenda and `agendaRevision`). */
    current: MeetingSchema,
  }),
});
/** A stale agenda save's reply. */
export type AgendaConflict = z.infer<typeof AgendaConflictSchema>;

/**
 * `PUT /api/meetings/:id/organizations`: the participating organizations. The organizations of
 * its programs and the chair's always stay (they are added back when left out).
 */
export const SaveMeetingOrganizationsInputSchema = z.strictObject({
  organizationIds: z.array(IdSchema).max(200),
});

/** A participating person with their role (`GET /api/meetings/:id/people`). */
export const MeetingParticipantSchema = MeetingPersonSchema.extend({
  /** Their workspace role: only `member` people can be co-chairs, rapporteurs. */
  role: z.enum(['admin', 'member', 'viewer']),
});
/** A participating person. */
export type MeetingParticipant = z.infer<typeof MeetingParticipantSchema>;

/** An action item with its meeting's title (program page, review of open action items). */
export const ActionItemWithMeetingSchema = ActionItemSchema.extend({
  meetingTitle: LocalizedTextSchema,
});

/** `GET /api/meetings/:id/review`: open action items of its programs from other meetings the reader sees. */
export const MeetingReviewSchema = z.object({
  data: z.array(ActionItemWithMeetingSchema),
});

/** `GET /api/meetings/options?programIds=a,b`: the programs of the meeting being created (none: a plenary). */
export const MeetingOptionsQuerySchema = z.strictObject({
  /** Comma-separated program ids; empty or absent for a plenary. */
  programIds: z
    .string()
    .max(22 * 40)
    .default('')
    .transform((s) => s.split(',').filter((id) => id.length > 0))
    .pipe(z.array(IdSchema).max(22)),
});

/** What the meeting form offers for a set of programs. */
export const MeetingOptionsSchema = z.object({
  /** Who may chair it (admins; coordinators of the programs; for a plenary, members too when the reader is an admin). */
  chairs: z.array(MeetingParticipantSchema),
  /** The participating organizations by default. */
  organizations: z.array(z.object({ id: IdSchema, name: LocalizedTextSchema })),
  /** The programs' open action items from meetings the reader sees (the review item). */
  openActionItems: z.array(ActionItemWithMeetingSchema),
});
/** The meeting form's options. */
export type MeetingOptions = z.infer<typeof MeetingOptionsSchema>;

/** A reply carrying one meeting. */
export const MeetingReplySchema = z.object({ meeting: MeetingSchema });
/** A reply carrying one decision. */
export const DecisionReplySchema = z.object({ decision: DecisionSchema });
/** A reply carrying one action item. */
export const ActionItemReplySchema = z.object({ actionItem: ActionItemSchema });
