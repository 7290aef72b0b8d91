import { ErrorCodes, ThreadSubjectSchema, type ThreadSubject } from '@mesa/shared';
import { forbidden, type Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { resolveSubject, type ResolvedSubject, type SubjectAbilities } from './subjects.js';
import {
  selectComment,
  selectThread,
  type CommentRow,
  type ThreadRow,
} from './threads.repository.js';

// What every threads service starts from: its dependencies, the subject, thread or comment a
// request names (404 when it does not exist) and the actor's abilities on the subject (403).

/** Where the threads service reads a document's current state (the documents module's port). */
export interface DocumentStates {
  /** The document's current full state, or null when it does not exist. */
  state(name: string): Promise<Uint8Array | null>;
}

/** What the threads service needs: the service context and the documents' states. */
export interface ThreadsDeps {
  ctx: ServiceContext;
  docs: DocumentStates;
}

/** A subject from the flattened list/mentionable query; 400 naming the missing field. */
export function subjectFromQuery(query: {
  kind: ThreadSubject['kind'];
  documentName?: string | undefined;
  programId?: string | undefined;
  roundId?: string | undefined;
}): ThreadSubject {
  const candidate =
    query.kind === 'document'
      ? { kind: query.kind, documentName: query.documentName }
      : query.kind === 'program'
        ? { kind: query.kind, programId: query.programId }
        : { kind: query.kind, roundId: query.roundId, programId: query.programId };
  const parsed = ThreadSubjectSchema.safeParse(candidate);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const field = String(issue?.path[0] ?? 'kind');
  throw new AppError(
    400,
    ErrorCodes.validation,
    `Invalid querystring: ${field} ${issue?.code === 'invalid_type' ? 'is required for this kind' : (issue?.message ?? 'is invalid')}`,
    field,
  );
}

export async function subjectOrThrow(ctx: ServiceContext, subject: ThreadSubject) {
  const resolved = await resolveSubject(ctx, subject);
  if (!resolved) throw new NotFoundError('thread subject');
  return resolved;
}

export async function storedSubject(ctx: ServiceContext, row: ThreadRow): Promise<ResolvedSubject> {
  return subjectOrThrow(ctx, ThreadSubjectSchema.parse(JSON.parse(row.subject)));
}

/** The actor's abilities on the subject; 403 without `read`, and without `need` when given. */
export async function abilitiesOrThrow(
  resolved: ResolvedSubject,
  actor: Actor,
  need: keyof SubjectAbilities = 'read',
): Promise<SubjectAbilities> {
  const abilities = await resolved.abilities(actor);
  if (!abilities.read || !abilities[need]) throw forbidden();
  return abilities;
}

export async function threadOrThrow(ctx: ServiceContext, id: string): Promise<ThreadRow> {
  const row = await selectThread(ctx.db, id);
  if (!row) throw new NotFoundError('thread');
  return row;
}

export async function commentOrThrow(ctx: ServiceContext, id: string): Promise<CommentRow> {
  const row = await selectComment(ctx.db, id);
  if (!row) throw new NotFoundError('comment');
  return row;
}

/**
 * The route guard's check, before the body is read: 404 when the thread (or the comment) does
 * not exist, 403 unless the actor may do `action` on its subject.
 */
export async function authorizeThreadTarget(
  ctx: ServiceContext,
  actor: Actor,
  target: { threadId: string } | { commentId: string },
  action: 'read' | 'comment',
): Promise<void> {
  const threadId =
    'threadId' in target
      ? target.threadId
      : (await commentOrThrow(ctx, target.commentId)).thread_id;
  const row = await threadOrThrow(ctx, threadId);
  await abilitiesOrThrow(await storedSubject(ctx, row), actor, action);
}

export function threadAbilities(abilities: SubjectAbilities, actor: Actor, row: ThreadRow) {
  return {
    reply: abilities.comment,
    resolve: abilities.moderate || (abilities.comment && row.author_id === actor.userId),
  };
}
