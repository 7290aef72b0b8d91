import { sql, type Insertable, type Kysely, type Selectable } from 'kysely';
import type { Database, PriorityRoundsTable } from '../../db/schema.js';

/** A round row as stored. */
export type RoundRow = Selectable<PriorityRoundsTable>;

/** A ballot row with its delegation's short names. */
export interface BallotRow {
  round_id: string;
  organization_id: string;
  entries: string;
  revision: number;
  updated_by: string;
  updated_at: string;
  updater_name: string;
  short_name_en: string;
  short_name_es: string;
}

/** Every round, newest first. */
export function listRoundRows(db: Kysely<Database>): Promise<RoundRow[]> {
  return db.selectFrom('priority_rounds').selectAll().orderBy('opened_at', 'desc').execute();
}

/** One round, or undefined. */
export function findRoundRow(db: Kysely<Database>, id: string): Promise<RoundRow | undefined> {
  return db.selectFrom('priority_rounds').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Inserts a round. */
export async function insertRoundRow(db: Kysely<Database>, row: Insertable<PriorityRoundsTable>) {
  await db.insertInto('priority_rounds').values(row).execute();
}

/** Ids of open rounds whose closing time is at or before `now` (UTC ISO). */
export async function listDueRoundIds(db: Kysely<Database>, now: string): Promise<string[]> {
  const rows = await db
    .selectFrom('priority_rounds')
    .select('id')
    .where('state', '=', 'open')
    .where('closes_at', '<=', now)
    .execute();
  return rows.map((r) => r.id);
}

/** The earliest closing time of an open round, or undefined when none is open. */
export async function nextClosingTime(db: Kysely<Database>): Promise<string | undefined> {
  const row = await db
    .selectFrom('priority_rounds')
    .select('closes_at')
    .where('state', '=', 'open')
    .orderBy('closes_at')
    .limit(1)
    .executeTakeFirst();
  return row?.closes_at;
}

/**
 * Claims the transition open → closed: true only for the one caller (of any node) whose
 * conditional update changed the row.
 */
export async function claimClose(
  db: Kysely<Database>,
  id: string,
  closed: { at: string; by: string | null },
): Promise<boolean> {
  const result = await db
    .updateTable('priority_rounds')
    .set({ state: 'closed', closed_at: closed.at, closed_by: closed.by })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores the board frozen at close (JSON). */
export async function storeFinalBoard(db: Kysely<Database>, id: string, board: string) {
  await db
    .updateTable('priority_rounds')
    .set({ final_board: board })
    .where('id', '=', id)
    .execute();
}

/** What a reopening records: who, when, the new closing time, and the closing it undoes. */
export interface Reopening {
  id: string;
  closesAt: string;
  by: string;
  at: string;
}

/**
 * Reopens a closed round with a new closing time; false if it is not closed. The reopening's
 * row keeps the closing it undoes (when, by whom, the frozen board), so the record survives.
 */
export async function reopenRoundRow(
  db: Kysely<Database>,
  id: string,
  reopening: Reopening,
): Promise<boolean> {
  const closing = await db
    .selectFrom('priority_rounds')
    .select(['closed_at', 'closed_by', 'final_board'])
    .where('id', '=', id)
    .where('state', '=', 'closed')
    .executeTakeFirst();
  if (!closing) return false;
  const result = await db
    .updateTable('priority_rounds')
    .set({
      state: 'open',
      closes_at: reopening.closesAt,
      closed_at: null,
      closed_by: null,
      final_board: null,
    })
    .where('id', '=', id)
    .where('state', '=', 'closed')
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return false;
  await db
    .insertInto('priority_round_reopenings')
    .values({
      id: reopening.id,
      round_id: id,
      reopened_by: reopening.by,
      reopened_at: reopening.at,
      ...closing,
    })
    .execute();
  return true;
}

/**
 * Holds the round open for the rest of the transaction: a no-op update of an open round not
 * yet due. It takes the row's lock on PostgreSQL (a concurrent close waits, then finds it
 * already written to, or this finds it closed); SQLite serialises write transactions anyway.
 */
export async function lockOpenRound(
  db: Kysely<Database>,
  id: string,
  now: string,
): Promise<boolean> {
  const result = await db
    .updateTable('priority_rounds')
    .set({ state: 'open' })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .where('closes_at', '>', now)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Reopenings of the given rounds, oldest first, with the admin's name and the undone closing. */
export function listReopenings(db: Kysely<Database>, roundIds: readonly string[]) {
  if (roundIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('priority_round_reopenings as r')
    .innerJoin('users as u', 'u.id', 'r.reopened_by')
    .leftJoin('users as c', 'c.id', 'r.closed_by')
    .select([
      'r.id',
      'r.round_id',
      'r.reopened_by',
      'r.reopened_at',
      'u.name',
      'r.closed_at',
      'r.closed_by',
      'c.name as closer_name',
    ])
    .where('r.round_id', 'in', roundIds)
    .orderBy('r.reopened_at')
    .execute();
}

/**
 * The closing a reopening of the round undid (when, by whom with their name, the frozen
 * board), or undefined when the reopening is unknown or belongs to another round.
 */
export function findUndoneClosing(db: Kysely<Database>, roundId: string, reopeningId: string) {
  return db
    .selectFrom('priority_round_reopenings as r')
    .leftJoin('users as c', 'c.id', 'r.closed_by')
    .select(['r.closed_at', 'r.closed_by', 'c.name as closer_name', 'r.final_board'])
    .where('r.id', '=', reopeningId)
    .where('r.round_id', '=', roundId)
    .executeTakeFirst();
}

/** Names of people by id. */
export async function namesOf(
  db: Kysely<Database>,
  ids: readonly string[],
): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

// Whether the organization aliased `o` is a delegation now (the rule of `listDelegationRows` and
// of authz `delegationStanding`). Ballots of an organization that no longer is one stay stored
// but stop counting; they count again if a lead or partner relation comes back.
const IS_DELEGATION = sql<boolean>`(o.kind = 'sica_secretariat' or exists (select 1 from program_organizations r where r.organization_id = o.id and r.relation in ('lead', 'partner')))`;

/** Delegations: organizations leading or partnering on a program, and the SICA Secretariat. */
export function listDelegationRows(db: Kysely<Database>) {
  return db
    .selectFrom('organizations as o')
    .select(['o.id', 'o.short_name_en', 'o.short_name_es'])
    .where((eb) =>
      eb.or([
        eb('o.kind', '=', 'sica_secretariat'),
        eb.exists(
          eb
            .selectFrom('program_organizations as r')
            .select('r.program_id')
            .whereRef('r.organization_id', '=', 'o.id')
            .where('r.relation', 'in', ['lead', 'partner']),
        ),
      ]),
    )
    .orderBy('o.short_name_en')
    .execute();
}

function ballotsQuery(db: Kysely<Database>, roundId: string) {
  return db
    .selectFrom('ballots as b')
    .innerJoin('users as u', 'u.id', 'b.updated_by')
    .innerJoin('organizations as o', 'o.id', 'b.organization_id')
    .select([
      'b.round_id',
      'b.organization_id',
      'b.entries',
      'b.revision',
      'b.updated_by',
      'b.updated_at',
      'u.name as updater_name',
      'o.short_name_en',
      'o.short_name_es',
    ])
    .where('b.round_id', '=', roundId);
}

/** Every ballot of a round whose organization is a delegation now (the ones that count). */
export function listBallotRows(db: Kysely<Database>, roundId: string): Promise<BallotRow[]> {
  return ballotsQuery(db, roundId).where(IS_DELEGATION).orderBy('o.short_name_en').execute();
}

/** Ballots of a round by the given organizations, delegations now or not (a closed record). */
export function listBallotRowsOf(
  db: Kysely<Database>,
  roundId: string,
  organizationIds: readonly string[],
): Promise<BallotRow[]> {
  if (organizationIds.length === 0) return Promise.resolve([]);
  return ballotsQuery(db, roundId)
    .where('b.organization_id', 'in', organizationIds)
    .orderBy('o.short_name_en')
    .execute();
}

/** Short names of organizations by id (delegations or not: a record names who voted then). */
export function listOrganizationNameRows(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('organizations')
    .select(['id', 'short_name_en', 'short_name_es'])
    .where('id', 'in', ids)
    .execute();
}

/** One delegation's ballot, or undefined before its first save. */
export function findBallotRow(
  db: Kysely<Database>,
  roundId: string,
  organizationId: string,
): Promise<BallotRow | undefined> {
  return ballotsQuery(db, roundId)
    .where('b.organization_id', '=', organizationId)
    .executeTakeFirst();
}

/** Organizations (ids) with a ballot holding at least one program in the round. */
export async function listVotedOrganizationIds(
  db: Kysely<Database>,
  roundId: string,
): Promise<Set<string>> {
  const rows = await db
    .selectFrom('ballots')
    .select('organization_id')
    .where('round_id', '=', roundId)
    .where('entries', '!=', '[]')
    .execute();
  return new Set(rows.map((r) => r.organization_id));
}

/** What one save writes. */
export interface BallotWrite {
  roundId: string;
  organizationId: string;
  entries: string;
  /** The revision the save was based on (0: none yet). */
  basedOn: number;
  by: string;
  at: string;
}

/**
 * Writes a ballot only if it is still at the revision the save was based on: an insert that
 * does nothing when a ballot exists, or an update `where revision = basedOn`. False when
 * another save came first; then nothing is written.
 */
export async function writeBallotIfCurrent(db: Kysely<Database>, w: BallotWrite): Promise<boolean> {
  const values = {
    entries: w.entries,
    revision: w.basedOn + 1,
    updated_by: w.by,
    updated_at: w.at,
  };
  if (w.basedOn === 0) {
    const result = await db
      .insertInto('ballots')
      .values({ round_id: w.roundId, organization_id: w.organizationId, ...values })
      .onConflict((oc) => oc.columns(['round_id', 'organization_id']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  } else {
    const result = await db
      .updateTable('ballots')
      .set(values)
      .where('round_id', '=', w.roundId)
      .where('organization_id', '=', w.organizationId)
      .where('revision', '=', w.basedOn)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) return false;
  }
  await db
    .insertInto('ballot_revisions')
    .values({
      round_id: w.roundId,
      organization_id: w.organizationId,
      revision: w.basedOn + 1,
      entries: w.entries,
      created_by: w.by,
      created_at: w.at,
    })
    .execute();
  return true;
}

/** A delegation's ballot revisions, newest first, with who saved each. */
export function listBallotRevisionRows(
  db: Kysely<Database>,
  roundId: string,
  organizationId: string,
) {
  return db
    .selectFrom('ballot_revisions as r')
    .innerJoin('users as u', 'u.id', 'r.created_by')
    .select(['r.revision', 'r.entries', 'r.created_by', 'r.created_at', 'u.name'])
    .where('r.round_id', '=', roundId)
    .where('r.organization_id', '=', organizationId)
    .orderBy('r.revision', 'desc')
    .execute();
}

/** Candidate programs' board facts, by id. */
export function listCandidateRows(db: Kysely<Database>, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('programs')
    .select(['id', 'code', 'title_en', 'title_es', 'priority'])
    .where('id', 'in', ids)
    .execute();
}

/** Ids of every program. */
export async function listProgramIds(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('programs').select('id').execute();
  return rows.map((r) => r.id);
}
