import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { MAX_DOCUMENT_NAME_LENGTH, parseDocumentName } from '../realtime/documents.js';

/**
 * What a comment thread is about. One shape for every feature that has threads:
 *
 * - `document`: a passage of a collaborative document (`plan:<programId>` today,
 *   `minutes:<meetingId>` with meetings); the passage is the thread's anchor, kept on the server
 *   as Yjs relative positions plus the quoted text, never inside the document;
 * - `program`: a program's own discussion;
 * - `roundProgram`: a program's line on a priority round's board.
 *
 * Who may read or write a thread follows its subject (the threads module asks `can()` about
 * the subject); a new kind is a new member here and a resolver on the server.
 */
export const ThreadSubjectSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('document'),
    /** The document, e.g. `plan:<programId>`. */
    documentName: z
      .string()
      .max(MAX_DOCUMENT_NAME_LENGTH)
      .refine((name) => parseDocumentName(name) !== null, 'must be a document name'),
  }),
  z.strictObject({
    kind: z.literal('program'),
    /** The program discussed. */
    programId: IdSchema,
  }),
  z.strictObject({
    kind: z.literal('roundProgram'),
    /** The priority round. */
    roundId: IdSchema,
    /** The program's line on the round's board. */
    programId: IdSchema,
  }),
]);

/** What a comment thread is about. */
export type ThreadSubject = z.infer<typeof ThreadSubjectSchema>;

/** The kinds of thread subject. */
export type ThreadSubjectKind = ThreadSubject['kind'];
