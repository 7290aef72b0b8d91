import {
  BallotEntrySchema,
  ResultsVisibilitySchema,
  RoundStateSchema,
  type Ballot,
  type BoardCandidate,
  type BallotEntry,
  type Delegation,
  type Round,
  type RoundClosing,
  type RoundAbilities,
} from '@mesa/shared';
import { z } from 'zod';
import type { BallotRow, RoundRow } from './priorities.repository.js';

const EntriesSchema = z.array(BallotEntrySchema);

/** Stored ballot entries (JSON written by this module) as the API shows them. */
export function parseEntries(json: string): BallotEntry[] {
  return EntriesSchema.parse(JSON.parse(json));
}

/** What a round's reply needs besides its row. */
export interface RoundExtras {
  names: Map<string, string>;
  reopenings: {
    id: string;
    reopened_by: string;
    reopened_at: string;
    name: string;
    closed_at: string | null;
    closed_by: string | null;
    closer_name: string | null;
  }[];
  delegations: Delegation[];
  abilities: RoundAbilities;
  myDelegationId: string | null;
}

/** The closing a reopening undid, or null when it was recorded before closings were kept. */
export function presentClosing(r: {
  closed_at: string | null;
  closed_by: string | null;
  closer_name: string | null;
}): RoundClosing | null {
  if (r.closed_at === null) return null;
  const by = r.closed_by === null ? null : { id: r.closed_by, name: r.closer_name ?? '' };
  return { at: r.closed_at, by };
}

/** A round row as one viewer sees it. */
export function presentRound(row: RoundRow, x: RoundExtras): Round {
  const person = (id: string) => ({ id, name: x.names.get(id) ?? '' });
  return {
    id: row.id,
    title: { en: row.title_en, es: row.title_es },
    candidateProgramIds: z.array(z.string()).parse(JSON.parse(row.candidate_program_ids)),
    places: row.places,
    closesAt: row.closes_at,
    resultsVisibility: ResultsVisibilitySchema.parse(row.results_visibility),
    state: RoundStateSchema.parse(row.state),
    openedBy: person(row.opened_by),
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    closedBy: row.closed_by === null ? null : person(row.closed_by),
    reopenings: x.reopenings.map((r) => ({
      id: r.id,
      by: { id: r.reopened_by, name: r.name },
      at: r.reopened_at,
      closing: presentClosing(r),
    })),
    delegations: x.delegations,
    abilities: x.abilities,
    myDelegationId: x.myDelegationId,
  };
}

/** A stored ballot as the API shows it. */
export function presentBallot(row: BallotRow): Ballot {
  return {
    roundId: row.round_id,
    organizationId: row.organization_id,
    organizationName: { en: row.short_name_en, es: row.short_name_es },
    entries: parseEntries(row.entries),
    revision: row.revision,
    updatedBy: { id: row.updated_by, name: row.updater_name },
    updatedAt: row.updated_at,
  };
}

/** A program row as a board candidate. */
export function presentCandidate(p: {
  id: string;
  code: string | null;
  title_en: string;
  title_es: string;
  priority: number;
}): BoardCandidate {
  return {
    programId: p.id,
    code: p.code,
    titleEn: p.title_en,
    titleEs: p.title_es,
    priority: Boolean(p.priority),
  };
}
