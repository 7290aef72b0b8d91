import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { Limits } from '../limits.js';
import { isWellFormedText, trimWhiteSpace } from '../text.js';
import { LocalizedTextSchema } from './localized.js';
import { ThreadSubjectSchema } from './thread-subject.js';

/**
 * Comment threads: the REST contract (`/api/threads…`, `/api/comments…`, docs/api.md) and the
 * payload of the live `thread.changed` event. Text is plain text with line breaks, links
 * (http, https, mailto, recognised by the reader) and mention tokens (`mentions.ts`); it is
 * never HTML, and readers never render it as HTML.
 */

// Control characters other than line feed and tab have no place in plain text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F]/;

/** A comment's text: trimmed, CRLF as LF, 1 to `Limits.commentMaxLength` characters. */
export const CommentTextSchema = z
  .string()
  .overwrite((text) => trimWhiteSpace(text.replace(/\r\n?/g, '\n')))
  .min(1, 'must not be empty')
  .max(Limits.commentMaxLength, `must be at most ${Limits.commentMaxLength} characters`)
  .refine(isWellFormedText, 'must be well-formed text')
  .refine((text) => !CONTROL.test(text), 'must not contain control characters');

/** A Yjs relative position, as `Y.encodeRelativePosition` bytes in base64. */
export const EncodedRelativePositionSchema = z
  .string()
  .min(4)
  .max(Limits.anchorPositionMaxLength)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/**
 * A passage of a document as the commenter selected it: where it starts and ends, as relative
 * positions of the document (they follow concurrent edits). The server takes the passage's
 * text from its own copy of the document; a client never supplies it.
 */
export const AnchorInputSchema = z.strictObject({
  /** Relative position of the passage's first character. */
  start: EncodedRelativePositionSchema,
  /** Relative position just after the passage's last character. */
  end: EncodedRelativePositionSchema,
});

/** A passage a thread is on. */
export type AnchorInput = z.infer<typeof AnchorInputSchema>;

/** A thread's anchor as stored: `removed` once the passage it was on is gone. */
export const AnchorSchema = AnchorInputSchema.extend({
  /**
   * The passage's text when the thread was opened, as the server read it from the document
   * (blocks and hard line breaks as line feeds; at most `Limits.anchorQuoteMaxLength`).
   */
  quote: z.string(),
  /** `attached` while the passage exists; `removed` after it was deleted or lost in a restore. */
  state: z.enum(['attached', 'removed']),
});

/** A thread's anchor. */
export type Anchor = z.infer<typeof AnchorSchema>;

/** An author or actor as every reader sees them. */
export const PersonRefSchema = z.object({
  /** The person's id. */
  id: IdSchema,
  /** Display name. */
  name: z.string(),
  /** Their organization. */
  organizationId: IdSchema,
  /** Their organization's short name in each language. */
  organizationName: LocalizedTextSchema,
});

/** A person as threads show them. */
export type PersonRef = z.infer<typeof PersonRefSchema>;

/** One comment of a thread. */
export const CommentSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** Who wrote it (from their session). */
  author: PersonRefSchema,
  /** The text, or null once deleted (the thread shows "comment deleted" in its place). */
  body: z.string().nullable(),
  /** The people its mention tokens name, with current names, for rendering. */
  mentions: z.array(PersonRefSchema),
  /** When it was posted (ISO 8601, UTC). */
  createdAt: z.string(),
  /** When its author last edited it, or null. */
  editedAt: z.string().nullable(),
  /** When it was deleted, or null. */
  deletedAt: z.string().nullable(),
});

/** One comment. */
export type Comment = z.infer<typeof CommentSchema>;

/** What the reader may do with one thread (from the one policy). */
export const ThreadAbilitiesSchema = z.object({
  /** Reply. */
  reply: z.boolean(),
  /** Resolve or reopen: the thread's author, the program's coordinators, admins. */
  resolve: z.boolean(),
});

/** A thread with its comments, oldest first. */
export const ThreadSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** What it is about. */
  subject: ThreadSubjectSchema,
  /** The passage, for threads on a document; null otherwise. */
  anchor: AnchorSchema.nullable(),
  /** Open or resolved. */
  state: z.enum(['open', 'resolved']),
  /** Who opened it. */
  author: PersonRefSchema,
  /** When it was opened. */
  createdAt: z.string(),
  /** Who resolved it, while resolved. */
  resolvedBy: PersonRefSchema.nullable(),
  /** When it was resolved, while resolved. */
  resolvedAt: z.string().nullable(),
  /** Its comments, the first one opening the thread; deleted ones stay as placeholders. */
  comments: z.array(CommentSchema),
  /** What the reader may do with it. */
  abilities: ThreadAbilitiesSchema,
});

/** A thread. */
export type Thread = z.infer<typeof ThreadSchema>;

/** Which threads a list returns. */
export const ThreadStateFilterSchema = z.enum(['open', 'resolved', 'all']);

/** A page of the thread list holds at most this many threads… */
export const THREAD_PAGE_MAX = 100;
/** …and this many when the query does not say. */
export const THREAD_PAGE_DEFAULT = 50;

/**
 * `GET /api/threads` query: the subject's fields flattened (`kind`, then `documentName`, or
 * `programId`, or `roundId` and `programId`), a state filter (default `all`), and a page:
 * `limit` threads (1–100, default 50) after `cursor` (the previous page's `nextCursor`).
 */
export const ListThreadsQuerySchema = z.object({
  kind: z.enum(['document', 'program', 'roundProgram']),
  documentName: z.string().optional(),
  programId: IdSchema.optional(),
  roundId: IdSchema.optional(),
  state: ThreadStateFilterSchema.default('all'),
  /** Threads on this page (1 to 100). */
  limit: z.coerce.number().int().min(1).max(THREAD_PAGE_MAX).default(THREAD_PAGE_DEFAULT),
  /** Where the page starts: the previous page's `nextCursor`, as it was given (opaque). */
  cursor: z.string().min(1).max(200).optional(),
});

/** `GET /api/threads` reply: a page of the subject's threads, newest first, and its open count. */
export const ThreadListSchema = z.object({
  threads: z.array(ThreadSchema),
  /** The next page's `cursor`, or null on the last page. */
  nextCursor: z.string().nullable(),
  /** Open threads on the subject (whatever the filter). */
  openCount: z.number().int().nonnegative(),
  /** Whether the reader may open a thread on the subject. */
  canComment: z.boolean(),
});

/** A page of threads. */
export type ThreadList = z.infer<typeof ThreadListSchema>;

/** `GET /api/threads/anchors` query: a document's name (`kind=document&documentName=…`). */
export const ThreadAnchorsQuerySchema = z.object({
  kind: z.literal('document'),
  documentName: z.string(),
});

/** One thread of a document as the editor's highlights need it. */
export const ThreadAnchorRefSchema = z.object({
  /** The thread's id (`GET /api/threads/:id` for the rest). */
  id: IdSchema,
  /** Open or resolved. */
  state: z.enum(['open', 'resolved']),
  /** The passage and whether it is still there. */
  anchor: AnchorSchema,
});

/** A thread's anchor, for the highlights. */
export type ThreadAnchorRef = z.infer<typeof ThreadAnchorRefSchema>;

/** `GET /api/threads/anchors` reply: every thread on the document, newest first, compact. */
export const ThreadAnchorsSchema = z.object({
  threads: z.array(ThreadAnchorRefSchema),
});

/** `POST /api/threads` body: open a thread with its first comment. */
export const CreateThreadInputSchema = z.strictObject({
  /** What it is about. */
  subject: ThreadSubjectSchema,
  /** The passage: required for a `document` subject, refused for the others. */
  anchor: AnchorInputSchema.optional(),
  /** The first comment. */
  body: CommentTextSchema,
});

/** Input of opening a thread. */
export type CreateThreadInput = z.infer<typeof CreateThreadInputSchema>;

/** `POST /api/threads/:id/comments` and `PATCH /api/comments/:id` body. */
export const CommentInputSchema = z.strictObject({
  /** The text. */
  body: CommentTextSchema,
});

/** Input of a reply or an edit. */
export type CommentInput = z.infer<typeof CommentInputSchema>;

/** `GET /api/threads/mentionable` query: who may be mentioned on a subject. */
export const MentionableQuerySchema = z.object({
  kind: z.enum(['document', 'program', 'roundProgram']),
  documentName: z.string().optional(),
  programId: IdSchema.optional(),
  roundId: IdSchema.optional(),
  /** What was typed after @: at least 2 characters. */
  q: z.string().min(2).max(Limits.nameMaxLength),
});

/** At most this many suggestions at a time. */
export const MENTION_SUGGESTIONS_MAX = 8;

/** `GET /api/threads/mentionable` reply: up to 8 readers of the subject matching `q`. */
export const MentionableReplySchema = z.object({
  people: z.array(PersonRefSchema).max(MENTION_SUGGESTIONS_MAX),
});

/** Payload of `thread.changed` (sent to the rooms of the subject's readers). */
export const ThreadChangedSchema = z.object({
  /** What happened. */
  change: z.enum(['created', 'commented', 'edited', 'deleted', 'resolved', 'reopened', 'anchored']),
  /** The thread as it is now, without reader-specific abilities (refetch for those). */
  thread: ThreadSchema.omit({ abilities: true }),
});

/** Payload of `thread.changed`. */
export type ThreadChanged = z.infer<typeof ThreadChangedSchema>;
