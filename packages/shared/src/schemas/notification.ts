import { z } from 'zod';
import { IdSchema } from '../ids.js';
import { parseDocumentName } from '../realtime/documents.js';
import { TransactionTypeSchema } from './funding.js';
import { LocalizedTextSchema } from './localized.js';
import { ThreadSubjectSchema, type ThreadSubject } from './thread-subject.js';

/**
 * The inbox: one notification service every feature adds its kinds to (docs/ARCHITECTURE.md,
 * "How to add a notification kind"). A kind is a member of `NotificationKinds`, a
 * preference (on unless the person turned it off) and a sentence in the web catalogues.
 */
export const NotificationKinds = [
  'mention',
  'reply',
  'resolved',
  'actionItem',
  'confirmation',
] as const;

/**
 * A kind of notification: you were mentioned, a reply where you took part, your thread
 * resolved, an action item assigned to you or your organization, a transaction your
 * organization receives waiting for its confirmation.
 */
export const NotificationKindSchema = z.enum(NotificationKinds);

/** A kind of notification. */
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/**
 * What a notification leads to, stored as JSON and parsed with this schema on every read. One
 * member per kind of target; a feature with a new target (a meeting) adds one here and a case
 * in `notificationLink`.
 */
export const NotificationTargetSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('thread'),
    /** The thread. */
    threadId: IdSchema,
    /** What the thread is about. */
    subject: ThreadSubjectSchema,
  }),
  z.strictObject({
    type: z.literal('actionItem'),
    /** The meeting it was recorded in. */
    meetingId: IdSchema,
    /** The action item. */
    actionItemId: IdSchema,
    /** Its program, or null. */
    programId: IdSchema.nullable(),
    /** The meeting's title when it was assigned. */
    meetingTitle: LocalizedTextSchema,
    /** Assigned to the recipient's organization (no person named) rather than to them. */
    toOrganization: z.boolean(),
  }),
  z.strictObject({
    type: z.literal('transaction'),
    /** The commitment record. */
    recordId: IdSchema,
    /** The transaction to confirm. */
    transactionId: IdSchema,
    /** The record's program, or null for a strategy-wide record. */
    programId: IdSchema.nullable(),
    /** Its type, as it stood when the notification was made. */
    transactionType: TransactionTypeSchema,
    /** Its amount as an exact decimal in `currency`, as it stood then. */
    amount: z.string(),
    /** ISO 4217 code. */
    currency: z.string(),
    /** A confirmed transaction was changed, which cleared the confirmation (confirm it again). */
    cleared: z.boolean(),
  }),
]);

/** What a notification leads to. */
export type NotificationTarget = z.infer<typeof NotificationTargetSchema>;

/** The person who caused a notification. */
export const NotificationActorSchema = z.object({
  /** The person's id. */
  id: IdSchema,
  /** Display name. */
  name: z.string(),
  /** Their organization's short name in each language. */
  organizationName: LocalizedTextSchema,
});

/** The program a notification is about (portfolio-level fields, which everyone may see). */
export const NotificationProgramSchema = z.object({
  /** The program's id. */
  id: IdSchema,
  /** Its code (e.g. `IADB-1`), or null. */
  code: z.string().nullable(),
  /** English title. */
  titleEn: z.string(),
  /** Spanish title. */
  titleEs: z.string(),
});

/** One notification, as its recipient sees it. */
export const NotificationSchema = z.object({
  /** Opaque id. */
  id: IdSchema,
  /** What happened. */
  kind: NotificationKindSchema,
  /** Who did it, or null when the account no longer exists. */
  actor: NotificationActorSchema.nullable(),
  /** The program the target belongs to, or null. */
  program: NotificationProgramSchema.nullable(),
  /** Where the notification leads (the web builds the link with `notificationLink`). */
  target: NotificationTargetSchema,
  /** The start of the comment as plain text, or null (a resolution has none). */
  excerpt: z.string().nullable(),
  /** When it was created (ISO 8601, UTC). */
  createdAt: z.string(),
  /** When its recipient read it, or null while unread. */
  readAt: z.string().nullable(),
});

/** One notification. */
export type Notification = z.infer<typeof NotificationSchema>;

/** Most notifications one page lists. */
export const NOTIFICATIONS_PAGE_MAX = 50;

/** Query of `GET /api/notifications`. */
export const ListNotificationsQuerySchema = z.strictObject({
  /** Where the previous page ended (its `nextCursor`); absent for the newest. */
  cursor: z
    .string()
    .max(200)
    .regex(/^[A-Za-z0-9_-]+$/, 'must be a cursor from a previous page')
    .optional(),
  /** How many to list, 1 to 50 (default 20). */
  limit: z.coerce.number().int().min(1).max(NOTIFICATIONS_PAGE_MAX).default(20),
});

/** Query of `GET /api/notifications`. */
export type ListNotificationsQuery = z.infer<typeof ListNotificationsQuerySchema>;

/** The unread count: only notifications the person may still read. */
export const UnreadCountSchema = z.object({
  /** Unread notifications the person may still read. */
  unreadCount: z.number().int().min(0),
});

/** Reply of `GET /api/notifications`: newest first. */
export const NotificationPageSchema = UnreadCountSchema.extend({
  /** This page, newest first. */
  data: z.array(NotificationSchema),
  /** Pass as `cursor` for the next page; null on the last one. */
  nextCursor: z.string().nullable(),
});

/** A page of notifications. */
export type NotificationPage = z.infer<typeof NotificationPageSchema>;

/** Body of `POST /api/notifications/read`. */
export const MarkNotificationsReadInputSchema = z.strictObject({
  /** Notifications to mark read (the person's own; others' ids change nothing). */
  ids: z.array(IdSchema).min(1).max(NOTIFICATIONS_PAGE_MAX),
});

/** Body of `POST /api/notifications/read`. */
export type MarkNotificationsReadInput = z.infer<typeof MarkNotificationsReadInputSchema>;

/** A person's choice, per kind, to be notified (every kind on unless turned off). */
export const NotificationPreferencesSchema = z.strictObject({
  /** Mentions of you. */
  mention: z.boolean(),
  /** Replies in threads you took part in. */
  reply: z.boolean(),
  /** Your threads resolved by someone else. */
  resolved: z.boolean(),
  /** Action items assigned to you or your organization. */
  actionItem: z.boolean(),
  /** Transactions your organization receives, waiting for its confirmation. */
  confirmation: z.boolean(),
}) satisfies z.ZodType<Record<NotificationKind, boolean>>;

/** A person's notification preferences. */
export type NotificationPreferences = z.infer<typeof NotificationPreferencesSchema>;

/** Body of `PUT /api/me/notification-preferences`: the kinds to change. */
export const UpdateNotificationPreferencesInputSchema = NotificationPreferencesSchema.partial();

/** Body of `PUT /api/me/notification-preferences`. */
export type UpdateNotificationPreferencesInput = z.infer<
  typeof UpdateNotificationPreferencesInputSchema
>;

/** Payload of the live `notification.created`: sent to every connection of the recipient. */
export const NotificationCreatedSchema = UnreadCountSchema.extend({
  /** The new notification. */
  notification: NotificationSchema,
});

/** Payload of `notification.created`. */
export type NotificationCreated = z.infer<typeof NotificationCreatedSchema>;

/** Payload of the live `notifications.read`: the person read some or all (other tabs follow). */
export const NotificationsReadSchema = z.union([
  UnreadCountSchema.extend({
    /** The notifications now read. */
    ids: z.array(IdSchema),
  }),
  UnreadCountSchema.extend({
    /** Every notification is now read. */
    all: z.literal(true),
  }),
]);

/** Payload of `notifications.read`. */
export type NotificationsRead = z.infer<typeof NotificationsReadSchema>;

/** The program a thread subject belongs to, for display (a round's line names its program). */
export function subjectProgramId(subject: ThreadSubject): string | null {
  if (subject.kind === 'document') {
    const doc = parseDocumentName(subject.documentName);
    return doc?.kind === 'plan' ? doc.id : null;
  }
  return subject.programId;
}

/** The program a notification's target belongs to, for display, or null. */
export function targetProgramId(target: NotificationTarget): string | null {
  return target.type === 'thread' ? subjectProgramId(target.subject) : target.programId;
}

/**
 * The web path a notification opens: the one place links are built from a stored target.
 * A plan passage opens the plan's comments with the thread (`?thread=`), a program's thread
 * its discussion on the program page (`?discussion=`), a round's line the discussion of that
 * line under the round's board (`?discuss=<programId>&thread=`), a transaction to confirm its
 * record's page; null when there is no page.
 */
export function notificationLink(target: NotificationTarget): string | null {
  if (target.type === 'transaction') return `/funding/records/${target.recordId}`;
  if (target.type === 'actionItem')
    return `/meetings/${target.meetingId}?actionItem=${encodeURIComponent(target.actionItemId)}`;
  const thread = encodeURIComponent(target.threadId);
  const { subject } = target;
  if (subject.kind === 'roundProgram')
    return `/priorities/${subject.roundId}?discuss=${encodeURIComponent(subject.programId)}&thread=${thread}`;
  if (subject.kind === 'program') return `/programs/${subject.programId}?discussion=${thread}`;
  const doc = parseDocumentName(subject.documentName);
  // A passage of a meeting's minutes opens the meeting page with the thread.
  if (doc?.kind === 'minutes') return `/meetings/${doc.id}?thread=${thread}`;
  const programId = subjectProgramId(subject);
  return programId === null ? null : `/programs/${programId}?thread=${thread}`;
}
