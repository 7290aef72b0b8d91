import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { Limits } from '../limits.js';
import { LocaleSchema } from '../locale.js';
import { trimmedString } from '../text.js';
import { DenialReasonSchema } from '../denials.js';
import { LocalizedTextSchema, localizedInput } from './localized.js';

/** Whether a round still takes ballots. */
export const RoundStateSchema = z.enum(['open', 'closed']);
/** A round's state. */
export type RoundState = z.infer<typeof RoundStateSchema>;

/** When the board and every ballot become visible: while the round is open, or once closed. */
export const ResultsVisibilitySchema = z.enum(['while_open', 'after_close']);
/** When results are visible. */
export type ResultsVisibility = z.infer<typeof ResultsVisibilitySchema>;

/** Whether a person may do each action on one round. */
export const RoundAbilityFlagsSchema = z.object({
  /** See the round (every signed-in person). */
  read: z.boolean(),
  /** Edit their organization's ballot (a delegation's member or admin, while open). */
  vote: z.boolean(),
  /** See the board and every delegation's ballot. */
  viewResults: z.boolean(),
  /** Close the round before its closing time (its owner, while open). */
  close: z.boolean(),
  /** Reopen a closed round (admins; recorded). */
  reopen: z.boolean(),
  /** Comment on the programs' lines of the board (role member and admins, while open). */
  comment: z.boolean(),
});
/** Round ability flags. */
export type RoundAbilityFlags = z.infer<typeof RoundAbilityFlagsSchema>;

/** An action on one round. */
export const RoundActionSchema = RoundAbilityFlagsSchema.keyof();
/** An action on one round. */
export type RoundAction = z.infer<typeof RoundActionSchema>;

/** What a person may do on one round, and why not (`denied` lists each refused action). */
export const RoundAbilitiesSchema = RoundAbilityFlagsSchema.extend({
  /** For each refused action, why the policy refuses it. */
  denied: z.partialRecord(RoundActionSchema, DenialReasonSchema),
});
/** Abilities on one round. */
export type RoundAbilities = z.infer<typeof RoundAbilitiesSchema>;

/** A person named on a round or ballot (who opened, changed, reopened). */
export const RoundPersonSchema = z.object({
  /** The person's id. */
  id: IdSchema,
  /** Display name. */
  name: z.string(),
});
/** A person named on a round or ballot. */
export type RoundPerson = z.infer<typeof RoundPersonSchema>;

/** A delegation: an organization that votes (lead or partner on a program, or the SICA Secretariat). */
export const DelegationSchema = z.object({
  /** The organization. */
  id: IdSchema,
  /** Its short name in each language. */
  name: LocalizedTextSchema,
  /** Whether it has saved a ballot with at least one program. */
  voted: z.boolean(),
});
/** A delegation of a round. */
export type Delegation = z.infer<typeof DelegationSchema>;

/** A closing of a round that a later reopening undid, kept as the record. */
export const RoundClosingSchema = z.object({
  /** When it closed (UTC ISO). */
  at: z.string(),
  /** Who closed it early, or null when it closed at its closing time. */
  by: RoundPersonSchema.nullable(),
});
/** A kept closing. */
export type RoundClosing = z.infer<typeof RoundClosingSchema>;

/** A recorded reopening of a closed round, with the closing it undid. */
export const RoundReopeningSchema = z.object({
  /** Opaque id; the undone closing's frozen board is at `/closings/:reopeningId/board`. */
  id: IdSchema,
  /** The admin who reopened it. */
  by: RoundPersonSchema,
  /** When (UTC ISO). */
  at: z.string(),
  /** The closing it undid; null for reopenings recorded before closings were kept. */
  closing: RoundClosingSchema.nullable(),
});
/** A recorded reopening. */
export type RoundReopening = z.infer<typeof RoundReopeningSchema>;

/** A priority round as the API shows it to one person. */
export const RoundSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** Title in each language ("Priorities 2027" / "Prioridades 2027"). */
  title: LocalizedTextSchema,
  /** Programs a ballot may rank. */
  candidateProgramIds: z.array(IdSchema),
  /** How many programs each delegation ranks at most (N). */
  places: z.number().int(),
  /** Closing time, UTC ISO 8601. */
  closesAt: z.string(),
  /** When the board and ballots are visible. */
  resultsVisibility: ResultsVisibilitySchema,
  /** Open or closed. */
  state: RoundStateSchema,
  /** The admin who opened it: its owner. */
  openedBy: RoundPersonSchema,
  /** When it was opened (UTC ISO). */
  openedAt: z.string(),
  /** When it closed (UTC ISO), or null while open. */
  closedAt: z.string().nullable(),
  /** Who closed it early, or null (closed at its closing time, or open). */
  closedBy: RoundPersonSchema.nullable(),
  /**
   * The round's history, oldest first: each reopening with the closing it undid (when, by
   * whom). The current closing, if closed, is `closedAt`/`closedBy`.
   */
  reopenings: z.array(RoundReopeningSchema),
  /** The delegations and whether each has voted (never how, while results are hidden). */
  delegations: z.array(DelegationSchema),
  /** The viewer's abilities on the round. */
  abilities: RoundAbilitiesSchema,
  /** The viewer's organization, when it is a delegation (its ballot is at `/ballot`). */
  myDelegationId: IdSchema.nullable(),
});
/** A priority round. */
export type Round = z.infer<typeof RoundSchema>;

/** `{"round": …}`. */
export const RoundReplySchema = z.object({ round: RoundSchema });

/** A closing time: ISO 8601 with an offset (`Z` or `±hh:mm`), stored in UTC. */
export const ClosingTimeSchema = z.iso.datetime({ offset: true });

/** Body of `POST /api/rounds`. */
export const CreateRoundInputSchema = z.strictObject({
  /** Title in each language. */
  title: localizedInput(Limits.roundTitleMaxLength),
  /** Programs a ballot may rank; every program when absent. */
  candidateProgramIds: z.array(IdSchema).min(1).max(Limits.roundCandidatesMax).optional(),
  /** How many programs each delegation ranks at most; 8 (the strategy's priority programs) when absent. */
  places: z.number().int().min(1).max(Limits.roundCandidatesMax).default(8),
  /** Closing time with its offset; must be in the future. */
  closesAt: ClosingTimeSchema,
  /** When results are visible; only after closing when absent. */
  resultsVisibility: ResultsVisibilitySchema.default('after_close'),
});
/** Body of `POST /api/rounds`. */
export type CreateRoundInput = z.input<typeof CreateRoundInputSchema>;

/** Body of `POST /api/rounds/:id/reopen`: the new closing time. */
export const ReopenRoundInputSchema = z.strictObject({
  /** New closing time with its offset; must be in the future. */
  closesAt: ClosingTimeSchema,
});

/** One place on a ballot, as sent. */
export const BallotEntryInputSchema = z.strictObject({
  /** A candidate program of the round. */
  programId: IdSchema,
  /** Why, in plain text (optional). */
  rationale: trimmedString().max(Limits.rationaleMaxLength).nullable().default(null),
});

/** Body of `PUT /api/rounds/:id/ballot`. */
export const SaveBallotInputSchema = z.strictObject({
  /** Programs in order, first = place 1; distinct candidates, at most the round's places. */
  entries: z.array(BallotEntryInputSchema).max(Limits.roundCandidatesMax),
  /** The revision this edit is based on (0 when the delegation has no ballot yet). */
  revision: z.number().int().min(0),
});
/** Body of `PUT /api/rounds/:id/ballot`. */
export type SaveBallotInput = z.input<typeof SaveBallotInputSchema>;

/** One place on a stored ballot. */
export const BallotEntrySchema = z.object({
  /** The program. */
  programId: IdSchema,
  /** Why, in plain text, or null. */
  rationale: z.string().nullable(),
  /** Language the rationale was written in (the writer's interface language). */
  locale: LocaleSchema,
});
/** One place on a ballot. */
export type BallotEntry = z.infer<typeof BallotEntrySchema>;

/** A delegation's ballot. */
export const BallotSchema = z.object({
  /** The round. */
  roundId: IdSchema,
  /** The delegation. */
  organizationId: IdSchema,
  /** Its short name in each language. */
  organizationName: LocalizedTextSchema,
  /** Programs in order (place 1 first). */
  entries: z.array(BallotEntrySchema),
  /** 0 before the first save; each save adds one. */
  revision: z.number().int(),
  /** Who saved it last, or null before the first save. */
  updatedBy: RoundPersonSchema.nullable(),
  /** When it was saved last (UTC ISO), or null. */
  updatedAt: z.string().nullable(),
});
/** A delegation's ballot. */
export type Ballot = z.infer<typeof BallotSchema>;

/** `{"ballot": …}`. */
export const BallotReplySchema = z.object({ ballot: BallotSchema });

/**
 * The 409 reply of a save based on a stale revision: the error shape plus the ballot as stored
 * now, so the person sees the other member's version and can re-apply their own.
 */
export const BallotConflictSchema = z.object({
  error: z.object({
    /** Always `conflict`. */
    code: z.literal('conflict'),
    /** Human-readable English explanation. */
    message: z.string(),
    /** The ballot as stored now. */
    current: BallotSchema,
  }),
});
/** The 409 reply of a stale ballot save. */
export type BallotConflict = z.infer<typeof BallotConflictSchema>;

/** One saved revision of a ballot. */
export const BallotRevisionSchema = z.object({
  /** Revision number (1 for the first save). */
  revision: z.number().int(),
  /** Who saved it. */
  by: RoundPersonSchema,
  /** When (UTC ISO). */
  at: z.string(),
  /** What the ballot held after this save. */
  entries: z.array(BallotEntrySchema),
});
/** One saved revision of a ballot. */
export type BallotRevision = z.infer<typeof BallotRevisionSchema>;

/** A rationale on the board, with the delegation that wrote it. */
export const BoardRationaleSchema = z.object({
  /** The delegation. */
  organizationId: IdSchema,
  /** The rationale. */
  text: z.string(),
  /** Its language. */
  locale: LocaleSchema,
});

/** One program's line on the board. */
export const BoardRowSchema = z.object({
  /** 1 for the first line. */
  rank: z.number().int(),
  /** The program. */
  programId: IdSchema,
  /** Its code, or null when none is recorded. */
  code: z.string().nullable(),
  /** English title. */
  titleEn: z.string(),
  /** Spanish title. */
  titleEs: z.string(),
  /** Whether it is one of the strategy's current priority programs. */
  priority: z.boolean(),
  /** Sum over ballots of N − r + 1 for place r. */
  score: z.number().int(),
  /** The delegations that rank it, with the place each gives it, best place first. */
  rankedBy: z.array(z.object({ organizationId: IdSchema, place: z.number().int() })),
  /**
   * Share (0–1) of the voting delegations (those whose ballot holds at least one program) that
   * place it anywhere on their ballot; delegations that have not voted are not in the count.
   */
  consensus: z.number(),
  /** Rationales given for it. */
  rationales: z.array(BoardRationaleSchema),
});
/** One line of the board. */
export type BoardRow = z.infer<typeof BoardRowSchema>;

/** The board of a round: every candidate, best first. */
export const BoardSchema = z.object({
  /** The round. */
  roundId: IdSchema,
  /** Places per ballot (N). */
  places: z.number().int(),
  /** Delegations whose ballot counts (at least one program). */
  votingDelegations: z.number().int(),
  /** Names of the delegations, by id, for the rows' `rankedBy` and rationales. */
  organizations: z.record(z.string(), LocalizedTextSchema),
  /** Lines, best first. */
  rows: z.array(BoardRowSchema),
});
/** The board of a round. */
export type Board = z.infer<typeof BoardSchema>;

/** `{"board": …}`. */
export const BoardReplySchema = z.object({ board: BoardSchema });

/**
 * `{"board": …, "closing": …}`: the board an earlier closing froze (the record until a
 * reopening undid it), with the delegations' names as they stood, and that closing.
 */
export const ClosingBoardReplySchema = z.object({
  /** The board as frozen at that closing. */
  board: BoardSchema,
  /** When and by whom the round closed then. */
  closing: RoundClosingSchema,
});
/** An earlier closing's frozen board. */
export type ClosingBoardReply = z.infer<typeof ClosingBoardReplySchema>;

/** Route parameters of an earlier closing: the round and the reopening that undid it. */
export const ClosingParamsSchema = z.strictObject({
  /** The round. */
  id: IdSchema,
  /** The reopening that undid the closing. */
  reopeningId: IdSchema,
});
