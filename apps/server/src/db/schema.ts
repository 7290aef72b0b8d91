import type { ColumnType, Generated } from 'kysely';

/** Key/value facts about the database itself (seed version, …). */
export interface MetaTable {
  key: string;
  value: string;
}

/** The four components of the strategy. */
export interface ComponentsTable {
  id: string;
  title_en: string;
  title_es: string;
  position: number;
}

/** Organizations: states, partner nations, multilateral bodies, the SICA Secretariat. */
export interface OrganizationsTable {
  id: string;
  /** Full name in English (unique). */
  name_en: string;
  /** Full name in Spanish. */
  name_es: string;
  short_name_en: string;
  short_name_es: string;
  kind: string;
  country_code: string | null;
  created_at: string;
  /** IATI organisation identifier (`XX-…`), unique when set. */
  iati_identifier: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Programs of the strategy. Booleans are 0/1 integers so one schema serves both dialects. */
export interface ProgramsTable {
  id: string;
  code: string | null;
  title_en: string;
  title_es: string;
  component_id: string;
  priority: number;
  priority_confidence: string;
  confidence: string;
  status: string | null;
  /** JSON array of ISO 3166-1 alpha-2 codes. */
  countries: string;
  estimated_cost_amount: string | null;
  estimated_cost_currency: string | null;
  notes: string | null;
  created_at: string;
  updated_at: string;
  /** Monotonic row version, bumped on each edit (optimistic concurrency, live updates). */
  version: ColumnType<number, number | undefined, number>;
}

/** People. `active` is 0/1; a deactivated person keeps authorship but cannot sign in. */
export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  organization_id: string;
  locale: string;
  time_zone: string;
  active: number;
  created_at: string;
  updated_at: string;
}

/** Sessions (Lucia's model): the cookie holds `<id>.<secret>`; only the secret's SHA-256 is stored. */
export interface SessionsTable {
  id: string;
  secret_hash: string;
  user_id: string;
  created_at: string;
  last_active_at: string;
  /** Absolute expiry (created_at + MESA_SESSION_MAX_SECONDS). */
  expires_at: string;
  user_agent: string | null;
  ip: string | null;
}

/**
 * An organization's relation (lead, partner, observer) to a program. The lead relations are
 * also the program's "Lead organization" detail (0006 retired the separate column).
 */
export interface ProgramOrganizationsTable {
  program_id: string;
  organization_id: string;
  relation: string;
}

/** People named coordinator of a program. */
export interface ProgramCoordinatorsTable {
  program_id: string;
  user_id: string;
}

/** Invitation links; only the token's SHA-256 is stored. */
export interface InvitationsTable {
  id: string;
  token_hash: string;
  email: string;
  role: string;
  organization_id: string;
  invited_by: string;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  accepted_user_id: string | null;
}

/** One-time setup links for the first administrator; only the token's SHA-256 is stored. */
export interface SetupTokensTable {
  token_hash: string;
  created_at: string;
  used_at: string | null;
}

/** Failed sign-ins, keyed `ip:<address>` or `account:<email>`, for the sign-in limit. */
export interface LoginFailuresTable {
  id: string;
  key: string;
  at: string;
}

/** Collaborative documents, named `<kind>:<id>` (e.g. `plan:<programId>`). */
export interface DocumentsTable {
  name: string;
  kind: string;
  created_at: string;
}

/** Append-only Yjs updates of a document; compaction replaces old rows by one merged row. */
export interface DocumentUpdatesTable {
  id: Generated<number>;
  document: string;
  update: Uint8Array;
  created_at: string;
}

/** Saved versions of a document: full-state copies, named by a person or automatic. */
export interface DocumentVersionsTable {
  id: string;
  document: string;
  /** The name a person gave it, or null for automatic versions. */
  name: string | null;
  /** `named` or `auto`. */
  kind: string;
  state: Uint8Array;
  /** Who saved it (for automatic versions, whose edit triggered it), or null. */
  created_by: string | null;
  created_at: string;
}

/** Comment threads: what they are about, the anchor of a document thread, the resolution. */
export interface ThreadsTable {
  id: string;
  /** `document`, `program` or `roundProgram`. */
  subject_kind: string;
  /** The subject's identity within its kind (document name, program id, `<round>:<program>`). */
  subject_key: string;
  /** The subject as JSON (ThreadSubject). */
  subject: string;
  /** The program the subject belongs to, or null when every signed-in person sees it. */
  program_id: string | null;
  /** Encoded Yjs relative positions (base64) and quote of a document thread's passage. */
  anchor_start: string | null;
  anchor_end: string | null;
  anchor_quote: string | null;
  /** 1 once a restore could not re-anchor the thread (0/1). */
  anchor_removed: ColumnType<number, number | undefined, number>;
  author_id: string;
  created_at: string;
  resolved_by: string | null;
  resolved_at: string | null;
}

/** Comments of threads; a deleted comment keeps its row with a null body. */
export interface CommentsTable {
  id: string;
  thread_id: string;
  author_id: string;
  body: string | null;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

/** Threads opened and comments posted or edited, per person, for the per-minute limits. */
export interface CommentWritesTable {
  id: string;
  user_id: string;
  /** `thread`, `comment` or `suggestion` (a mention suggestion request). */
  kind: string;
  at: string;
}

/**
 * One notification of one person (0009). Unique per (recipient, kind, source key); `scope_kind`
 * is `program` (with `scope_id`) or `workspace`: lists and counts show only scopes the reader
 * may read now. `target` is JSON parsed with shared's `NotificationTargetSchema` on read.
 */
export interface NotificationsTable {
  id: string;
  recipient_id: string;
  kind: string;
  source_key: string;
  actor_id: string | null;
  scope_kind: string;
  scope_id: string | null;
  target: string;
  excerpt: string | null;
  created_at: string;
  read_at: string | null;
}

/** A person's choice for one notification kind (0/1); a kind without a row is on. */
export interface NotificationPreferencesTable {
  user_id: string;
  kind: string;
  enabled: number;
}

/** Every table Kysely knows; each feature's migration adds its own. */
/** Priority rounds. Times are UTC ISO strings; `candidate_program_ids` is a JSON array. */
export interface PriorityRoundsTable {
  id: string;
  title_en: string;
  title_es: string;
  candidate_program_ids: string;
  places: number;
  closes_at: string;
  /** `while_open` or `after_close`. */
  results_visibility: string;
  /** `open` or `closed`; closing is a conditional update from `open`. */
  state: string;
  opened_by: string;
  opened_at: string;
  closed_at: string | null;
  /** Who closed it early; null when it closed at its closing time. */
  closed_by: string | null;
  /**
   * The board as computed when the round closed, the record; null while open. JSON: an object
   * `{rows, organizations}` (the delegations' names as they stood), or bare rows before 0014.
   */
  final_board: string | null;
}

/** Each recorded reopening of a round. */
export interface PriorityRoundReopeningsTable {
  id: string;
  round_id: string;
  reopened_by: string;
  reopened_at: string;
  /** When the round had closed, the closing this reopening undid (null before 0014). */
  closed_at: string | null;
  /** Who had closed it early; null when it closed at its closing time (or before 0014). */
  closed_by: string | null;
  /** The board frozen at that closing (same JSON as the round's `final_board`), kept. */
  final_board: string | null;
}

/** One ballot per delegation per round; `entries` is a JSON array of BallotEntry. */
export interface BallotsTable {
  round_id: string;
  organization_id: string;
  entries: string;
  /** Bumped on each save; saves are conditional on the revision they were based on. */
  revision: number;
  updated_by: string;
  updated_at: string;
}

/** Every saved revision of a ballot (its history). */
export interface BallotRevisionsTable {
  round_id: string;
  organization_id: string;
  revision: number;
  entries: string;
  created_by: string;
  created_at: string;
}

/** A meeting (migration 0012). Booleans are 0/1 integers, as on every table. */
export interface MeetingsTable {
  id: string;
  title_en: string;
  title_es: string;
  starts_at: string;
  ends_at: string;
  location: string | null;
  /** http or https only. */
  call_url: string | null;
  /** scheduled | live | ended | published | cancelled */
  state: string;
  chair_id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  amendment_days: number;
  one_speaker_per_delegation: number;
  /** Each speaker's time in minutes, or null for no limit. */
  speaker_minutes: number | null;
  /** The language the minutes' template is written in (the chair's at creation). */
  minutes_locale: string;
  /** Bumped on each agenda save; saves are conditional on it. */
  agenda_revision: number;
  /** RFC 5545 SEQUENCE: raised on every change a calendar shows. */
  ics_sequence: number;
  /** The live room's sequence number: raised on every room state change. */
  room_sequence: number;
  current_item_id: string | null;
  item_started_at: string | null;
  queue_closed: number;
  started_at: string | null;
  ended_at: string | null;
  amendment_ends_at: string | null;
  published_at: string | null;
  published_by: string | null;
  cancelled_at: string | null;
  /** The published record (JSON, PublishedRecord without addenda), frozen at publishing. */
  published_record: string | null;
}

/** The programs a meeting concerns (none: a plenary). */
export interface MeetingProgramsTable {
  meeting_id: string;
  program_id: string;
}

/** Participating organizations, with the chair's attendance mark. */
export interface MeetingOrganizationsTable {
  meeting_id: string;
  organization_id: string;
  /** present | absent | excused, or null when not marked. */
  attendance: string | null;
}

/** Co-chairs and rapporteurs (`co_chair` | `rapporteur`). */
export interface MeetingRolesTable {
  meeting_id: string;
  user_id: string;
  role: string;
}

/** An agenda item, ordered by `position`. */
export interface AgendaItemsTable {
  id: string;
  meeting_id: string;
  position: number;
  title_en: string;
  title_es: string;
  /** information | discussion | decision */
  kind: string;
  presenting_organization_id: string | null;
  program_id: string | null;
  planned_minutes: number;
  /** 1 for the "review of open action items" item. */
  reviews_action_items: number;
}

/** A request for the floor. */
export interface SpeakerRequestsTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  user_id: string;
  organization_id: string;
  /** ordinary | point_of_order */
  kind: string;
  requested_seq: number;
  rank: number;
  requested_at: string;
  /** waiting | speaking | spoke | withdrawn | removed | lapsed (the item moved on) */
  status: string;
  started_at: string | null;
  ended_at: string | null;
}

/** A processed room command and its reply, so a retry gets the first result. */
export interface MeetingCommandsTable {
  meeting_id: string;
  command_id: string;
  user_id: string;
  reply: string;
  created_at: string;
}

/** One presence of a person in a meeting's room. */
export interface MeetingAttendanceTable {
  id: string;
  meeting_id: string;
  user_id: string;
  organization_id: string;
  joined_at: string;
  left_at: string | null;
}

/** A decision recorded in a meeting. */
export interface MeetingDecisionsTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  program_id: string | null;
  text_en: string;
  text_es: string;
  recorded_by: string;
  recorded_at: string;
  updated_at: string;
}

/** An action item recorded in a meeting. */
export interface ActionItemsTable {
  id: string;
  meeting_id: string;
  agenda_item_id: string | null;
  program_id: string | null;
  text_en: string;
  text_es: string;
  owner_organization_id: string;
  owner_user_id: string | null;
  /** YYYY-MM-DD. */
  due_date: string;
  /** open | in_progress | done | dropped */
  status: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  status_changed_by: string | null;
  status_changed_at: string | null;
}

/** What an action item was before each change (its history). */
export interface ActionItemChangesTable {
  id: string;
  action_item_id: string;
  changed_by: string;
  changed_at: string;
  before: string;
}

/** A correction added to a published record. */
export interface MeetingAddendaTable {
  id: string;
  meeting_id: string;
  body: string;
  author_id: string;
  created_at: string;
}

/** A person's calendar feed: the SHA-256 of their token (the token itself is never stored). */
export interface CalendarFeedsTable {
  user_id: string;
  token_hash: string;
  created_at: string;
}

/**
 * Money in minor units: SQLite gives a number, PostgreSQL's int8 a string; read it with
 * `BigInt(value)` (`modules/funding/money-columns.ts`), write a bigint or its string.
 */
type MinorUnits = ColumnType<string | number, bigint | string, bigint | string>;

/** A commitment record (docs/funding.md). Booleans 0/1; deleted records stay for their history. */
export interface CommitmentRecordsTable {
  id: string;
  donor_organization_id: string;
  /** Null = strategy-wide. */
  program_id: string | null;
  receiving_organization_id: string | null;
  /** financial | technical_assistance | in_kind */
  modality: string;
  description_en: string;
  description_es: string;
  source_url: string | null;
  source_reference: string | null;
  conflicting: number;
  /** The record this one is an alternative figure of (never summed). */
  alternative_of_id: string | null;
  iati_identifier: string | null;
  /** Which seed entry created it (seeding is idempotent by this key). */
  seed_key: string | null;
  /** Null for records the seed wrote. */
  created_by: string | null;
  created_at: string;
  updated_at: string;
  revision: number;
  deleted_at: string | null;
  deleted_by: string | null;
}

/** A transaction of a commitment record. */
export interface FundingTransactionsTable {
  id: string;
  record_id: string;
  /** pledge | commitment | disbursement | expenditure */
  type: string;
  /** YYYY-MM-DD. */
  value_date: string;
  amount_minor: MinorUnits;
  /** ISO 4217. */
  currency: string;
  /** Null = no rate on or before the value date ("no rate", not counted in USD). */
  usd_minor: MinorUnits | null;
  rate: string | null;
  rate_date: string | null;
  rate_source: string | null;
  iati_ref: string | null;
  note: string;
  import_id: string | null;
  /** Null for transactions the seed wrote. */
  reported_by: string | null;
  reported_at: string;
  confirmed_by: string | null;
  confirmed_at: string | null;
  updated_at: string;
  revision: number;
}

/** Every change to a record or its transactions: who, when, what, and what it was before (JSON). */
export interface FundingChangesTable {
  id: string;
  record_id: string;
  transaction_id: string | null;
  /** Null for the seed. */
  actor_id: string | null;
  at: string;
  action: string;
  before: string | null;
  after: string | null;
}

/** An exchange rate: `rate` units of `currency` per USD from `rate_date` on. */
export interface ExchangeRatesTable {
  id: string;
  currency: string;
  rate_date: string;
  rate: string;
  source: string;
  updated_by: string;
  created_at: string;
  updated_at: string;
}

/** An uploaded IATI file's preview, awaiting confirmation (JSON), then the import's receipt. */
export interface IatiImportsTable {
  id: string;
  created_by: string;
  created_at: string;
  expires_at: string;
  file_name: string;
  file_sha256: string;
  version: string;
  /** A member imports only their organization's transactions; null for admins. */
  scope_organization_id: string | null;
  preview: string;
  /** preview | imported */
  status: string;
  confirmed_at: string | null;
}

/** The program an IATI activity identifier was last mapped to (suggestions); null = strategy-wide. */
export interface IatiActivityLinksTable {
  iati_identifier: string;
  program_id: string | null;
  updated_by: string;
  updated_at: string;
}

export interface Database {
  meta: MetaTable;
  components: ComponentsTable;
  organizations: OrganizationsTable;
  programs: ProgramsTable;
  users: UsersTable;
  sessions: SessionsTable;
  program_organizations: ProgramOrganizationsTable;
  program_coordinators: ProgramCoordinatorsTable;
  invitations: InvitationsTable;
  setup_tokens: SetupTokensTable;
  login_failures: LoginFailuresTable;
  documents: DocumentsTable;
  document_updates: DocumentUpdatesTable;
  document_versions: DocumentVersionsTable;
  threads: ThreadsTable;
  comments: CommentsTable;
  comment_writes: CommentWritesTable;
  notifications: NotificationsTable;
  notification_preferences: NotificationPreferencesTable;
  priority_rounds: PriorityRoundsTable;
  priority_round_reopenings: PriorityRoundReopeningsTable;
  ballots: BallotsTable;
  ballot_revisions: BallotRevisionsTable;
  meetings: MeetingsTable;
  meeting_programs: MeetingProgramsTable;
  meeting_organizations: MeetingOrganizationsTable;
  meeting_roles: MeetingRolesTable;
  agenda_items: AgendaItemsTable;
  speaker_requests: SpeakerRequestsTable;
  meeting_commands: MeetingCommandsTable;
  meeting_attendance: MeetingAttendanceTable;
  meeting_decisions: MeetingDecisionsTable;
  action_items: ActionItemsTable;
  action_item_changes: ActionItemChangesTable;
  meeting_addenda: MeetingAddendaTable;
  calendar_feeds: CalendarFeedsTable;
  commitment_records: CommitmentRecordsTable;
  funding_transactions: FundingTransactionsTable;
  funding_changes: FundingChangesTable;
  exchange_rates: ExchangeRatesTable;
  iati_imports: IatiImportsTable;
  iati_activity_links: IatiActivityLinksTable;
}
