import {
  parseDocumentName,
  programAbilities,
  programRoom,
  type DocumentKind,
  RelationSchema,
  type OrganizationKind,
  type Relation,
  type Role,
  type ThreadSubject,
  type ThreadSubjectKind,
} from '@mesa/shared';
import { PLAN_FRAGMENT } from '@mesa/editor';
import { can, programResource, type Actor } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import { NotFoundError } from '../../lib/errors.js';
import { programExists, programRelations } from './threads.repository.js';

/**
 * What threads may be about, and who may do what with them: one resolver per subject kind
 * (and, for documents, per document kind). The threads service never decides access itself;
 * it asks the resolved subject, whose answers come from `can()` over the shared policy.
 */

/** What a person may do with a subject's threads. */
export interface SubjectAbilities {
  /** See its threads. */
  read: boolean;
  /** Open threads and reply. */
  comment: boolean;
  /** Resolve or reopen anyone's threads. */
  moderate: boolean;
  /** Delete anyone's comments. */
  administer: boolean;
}

/** A person as the rules need them to decide whether they may read a subject. */
export interface SubjectPerson {
  id: string;
  role: Role;
  organizationId: string;
  organizationKind: OrganizationKind;
}

/** A subject that exists, with its access rules. */
export interface ResolvedSubject {
  /** The subject, as stored. */
  subject: ThreadSubject;
  /** Its identity within its kind (stored beside the kind, for lookups). */
  key: string;
  /** The program it belongs to, or null when every signed-in person sees it. */
  programId: string | null;
  /** The Socket.IO room its readers join (through `can(read)`), where `thread.changed` goes. */
  room: string;
  /** For document subjects: the document and the XmlFragment anchors must lie in. */
  document: { name: string; fragment: string } | null;
  /** What the actor may do with its threads (through `can()`). */
  abilities(actor: Actor): Promise<SubjectAbilities>;
  /** Which of these people may read it (mentions and their suggestions). */
  readersAmong<P extends SubjectPerson>(people: readonly P[]): Promise<P[]>;
}

/** Resolves one kind of subject: null when it does not exist. */
export type ThreadSubjectResolver<K extends ThreadSubjectKind = ThreadSubjectKind> = (
  ctx: ServiceContext,
  subject: Extract<ThreadSubject, { kind: K }>,
) => Promise<ResolvedSubject | null>;

/** Resolves a document of one kind (`plan`, later `minutes`): null when it does not exist. */
export type DocumentThreadsResolver = (
  ctx: ServiceContext,
  documentName: string,
  id: string,
) => Promise<ResolvedSubject | null>;

function relationOf(stored: string | undefined): Relation | null {
  const parsed = RelationSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/**
 * A subject that belongs to a program: it exists when the program does, and the program's
 * abilities decide (read → read, comment → comment, moderate → moderateComments,
 * administer → administer).
 */
export async function programSubject(
  ctx: ServiceContext,
  programId: string,
  subject: ThreadSubject,
  key: string,
  document: ResolvedSubject['document'] = null,
): Promise<ResolvedSubject | null> {
  if (!(await programExists(ctx.db, programId))) return null;
  return {
    subject,
    key,
    programId,
    room: programRoom(programId),
    document,
    async abilities(actor) {
      const resource = await programResource(ctx, actor, programId).catch((error: unknown) => {
        // The program went away between resolving and asking: nothing is allowed.
        if (error instanceof NotFoundError) return null;
        throw error;
      });
      if (!resource) return { read: false, comment: false, moderate: false, administer: false };
      return {
        read: can(actor, 'read', resource),
        comment: can(actor, 'comment', resource),
        moderate: can(actor, 'moderateComments', resource),
        administer: can(actor, 'administer', resource),
      };
    },
    async readersAmong(people) {
      const relations = await programRelations(ctx.db, programId);
      return people.filter(
        (p) =>
          programAbilities(
            { role: p.role, organizationKind: p.organizationKind },
            { relation: relationOf(relations.get(p.organizationId)), isCoordinator: false },
          ).read,
      );
    },
  };
}

const documentResolvers = new Map<DocumentKind, DocumentThreadsResolver>([
  [
    'plan',
    (ctx, name, programId) =>
      programSubject(ctx, programId, { kind: 'document', documentName: name }, name, {
        name,
        fragment: PLAN_FRAGMENT,
      }),
  ],
]);

const resolvers = new Map<ThreadSubjectKind, ThreadSubjectResolver>([
  [
    'document',
    (ctx, subject) => {
      const { documentName } = subject as Extract<ThreadSubject, { kind: 'document' }>;
      const parsed = parseDocumentName(documentName);
      const resolver = parsed && documentResolvers.get(parsed.kind);
      return resolver ? resolver(ctx, documentName, parsed.id) : Promise.resolve(null);
    },
  ],
  [
    'program',
    (ctx, subject) => {
      const { programId } = subject as Extract<ThreadSubject, { kind: 'program' }>;
      return programSubject(ctx, programId, { kind: 'program', programId }, programId);
    },
  ],
]);

/**
 * Lets another module add a kind of subject (priority rounds add `roundProgram`); called
 * while the app is built. Until a kind has a resolver its subjects answer 404.
 */
export function registerThreadSubject<K extends ThreadSubjectKind>(
  kind: K,
  resolver: ThreadSubjectResolver<K>,
): void {
  resolvers.set(kind, resolver as unknown as ThreadSubjectResolver);
}

/** Lets another module add threads on a kind of document (meetings add `minutes`). */
export function registerDocumentThreads(kind: DocumentKind, resolver: DocumentThreadsResolver) {
  documentResolvers.set(kind, resolver);
}

/** The subject with its rules, or null when it does not exist (or its kind has no resolver). */
export async function resolveSubject(
  ctx: ServiceContext,
  subject: ThreadSubject,
): Promise<ResolvedSubject | null> {
  const resolver = resolvers.get(subject.kind);
  return resolver ? resolver(ctx, subject) : null;
}
