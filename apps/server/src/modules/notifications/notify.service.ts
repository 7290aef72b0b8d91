import {
  parseDocumentName,
  type NotificationKind,
  type NotificationTarget,
  type OrganizationKind,
  type Role,
  type ThreadSubject,
} from '@mesa/shared';
import { mayReadMeeting, mayReadProgram, type PolicyPerson } from '../../authz/index.js';
import type { ServiceContext } from '../../lib/context.js';
import type { DomainEventMap } from '../../lib/events.js';
import { newId } from '../../lib/ids.js';
import {
  findNotificationRow,
  findMeetingTitle,
  findRecipientRow,
  insertNotificationOnce,
  listMemberIds,
} from './notifications.repository.js';
import { presentNotification } from './notifications.presenter.js';
import { loadProgramLabels, unreadCount, wantsKind } from './notifications.service.js';

/** What must still be readable for a notification to be created, listed and counted. */
export type NotificationScope =
  | { kind: 'program'; programId: string }
  | { kind: 'meeting'; meetingId: string }
  | { kind: 'workspace' };

/** One notification to create, before the checks. */
export interface NotificationDraft {
  recipientId: string;
  kind: NotificationKind;
  /** What caused it (`comment:<id>`, `thread:<id>`): unique per recipient and kind. */
  sourceKey: string;
  /** Who caused it; never notified. */
  actorId: string;
  scope: NotificationScope;
  target: NotificationTarget;
  excerpt: string | null;
}

// The recipient as the policy sees them, or null when they cannot receive anything.
async function loadRecipient(ctx: ServiceContext, userId: string): Promise<PolicyPerson | null> {
  const row = await findRecipientRow(ctx.db, userId);
  if (!row || Number(row.active) !== 1) return null;
  return {
    userId: row.id,
    organizationId: row.organization_id,
    role: row.role as Role,
    organizationKind: row.kind as OrganizationKind,
  };
}

async function mayRead(ctx: ServiceContext, person: PolicyPerson, scope: NotificationScope) {
  if (scope.kind === 'meeting') return mayReadMeeting(ctx, person, scope.meetingId);
  return scope.kind === 'workspace' || mayReadProgram(ctx, person, scope.programId);
}

/**
 * Creates one notification if its recipient is active, is not the actor, wants this kind and
 * may still read its scope (through `can()`), and has none from this source yet; then emits
 * `notification.created`. True when it was created.
 */
export async function notify(ctx: ServiceContext, draft: NotificationDraft): Promise<boolean> {
  if (draft.recipientId === draft.actorId) return false;
  const person = await loadRecipient(ctx, draft.recipientId);
  if (!person) return false;
  if (!(await wantsKind(ctx, person.userId, draft.kind))) return false;
  if (!(await mayRead(ctx, person, draft.scope))) return false;
  const id = newId();
  const inserted = await insertNotificationOnce(ctx.db, {
    id,
    recipient_id: person.userId,
    kind: draft.kind,
    source_key: draft.sourceKey,
    actor_id: draft.actorId,
    scope_kind: draft.scope.kind,
    scope_id:
      draft.scope.kind === 'program'
        ? draft.scope.programId
        : draft.scope.kind === 'meeting'
          ? draft.scope.meetingId
          : null,
    target: JSON.stringify(draft.target),
    excerpt: draft.excerpt,
    created_at: ctx.now().toISOString(),
  });
  if (!inserted) return false;
  const row = await findNotificationRow(ctx.db, person.userId, id);
  if (!row) return false;
  const notification = presentNotification(row, await loadProgramLabels(ctx, [row]));
  const count = await unreadCount(ctx, person);
  ctx.events.emit('notification.created', {
    recipientId: person.userId,
    notification,
    unreadCount: count,
  });
  return true;
}

function scopeOf(programId: string | null, subject?: ThreadSubject): NotificationScope {
  // Threads in a meeting's minutes belong to the meeting: losing access to it hides them.
  if (subject?.kind === 'document') {
    const doc = parseDocumentName(subject.documentName);
    if (doc?.kind === 'minutes') return { kind: 'meeting', meetingId: doc.id };
  }
  return programId === null ? { kind: 'workspace' } : { kind: 'program', programId };
}

/**
 * The notifications a comment makes: a mention for each person mentioned, a reply for each
 * earlier participant not mentioned; one per person, never the author.
 */
export function draftsForComment(event: DomainEventMap['comment.posted'][0]): NotificationDraft[] {
  const base = {
    sourceKey: `comment:${event.commentId}`,
    actorId: event.authorId,
    scope: scopeOf(event.programId, event.subject),
    target: { type: 'thread', threadId: event.threadId, subject: event.subject } as const,
    excerpt: event.excerpt,
  };
  const kinds = new Map<string, NotificationKind>();
  if (!event.startsThread) for (const id of event.participantIds) kinds.set(id, 'reply');
  for (const id of event.mentionedIds) kinds.set(id, 'mention');
  kinds.delete(event.authorId);
  return [...kinds].map(([recipientId, kind]) => ({ ...base, recipientId, kind }));
}

/** The notification a resolution makes: to the thread's author, unless they resolved it. */
export function draftsForResolution(
  event: DomainEventMap['thread.resolved'][0],
): NotificationDraft[] {
  if (event.resolvedBy === event.threadAuthorId) return [];
  return [
    {
      recipientId: event.threadAuthorId,
      kind: 'resolved',
      sourceKey: `thread:${event.threadId}:${event.resolvedAt}`,
      actorId: event.resolvedBy,
      scope: scopeOf(event.programId, event.subject),
      target: { type: 'thread', threadId: event.threadId, subject: event.subject },
      excerpt: null,
    },
  ];
}

/**
 * The notifications an assigned action item makes: to its owner person when one is named,
 * otherwise to every role `member` person of its owner organization; never the actor. Scoped
 * to the meeting, so losing access to it hides them.
 */
export async function draftsForActionItem(
  ctx: ServiceContext,
  event: DomainEventMap['actionItem.assigned'][0],
): Promise<NotificationDraft[]> {
  const meeting = await findMeetingTitle(ctx.db, event.meetingId, event.actionItemId);
  if (!meeting) return [];
  const recipients = event.ownerUserId
    ? [event.ownerUserId]
    : await listMemberIds(ctx.db, event.ownerOrganizationId);
  const excerpt = (meeting.text_en || meeting.text_es).slice(0, 200);
  return recipients
    .filter((id) => id !== event.actorId)
    .map((recipientId) => ({
      recipientId,
      kind: 'actionItem' as const,
      sourceKey: `actionItem:${event.actionItemId}:${event.ownerOrganizationId}:${event.ownerUserId ?? ''}`,
      actorId: event.actorId,
      scope: { kind: 'meeting', meetingId: event.meetingId },
      target: {
        type: 'actionItem',
        meetingId: event.meetingId,
        actionItemId: event.actionItemId,
        programId: meeting.program_id,
        meetingTitle: { en: meeting.title_en, es: meeting.title_es },
        toOrganization: event.ownerUserId === null,
      },
      excerpt,
    }));
}

/**
 * The notifications a transaction waiting for confirmation makes: to every role `member`
 * person of the record's receiving organization (those the policy lets confirm), never the
 * actor; scoped to the record's program (strategy-wide records: the workspace). A change that
 * cleared a confirmation asks again (its own source key).
 */
export async function draftsForConfirmation(
  ctx: ServiceContext,
  event: DomainEventMap['transaction.awaitsConfirmation'][0],
): Promise<NotificationDraft[]> {
  const recipients = await listMemberIds(ctx.db, event.receivingOrganizationId);
  const sourceKey = event.cleared
    ? `transaction:${event.transactionId}:cleared:${event.at}`
    : `transaction:${event.transactionId}`;
  return recipients
    .filter((id) => id !== event.actorId)
    .map((recipientId) => ({
      recipientId,
      kind: 'confirmation' as const,
      sourceKey,
      actorId: event.actorId,
      scope: scopeOf(event.programId),
      target: {
        type: 'transaction',
        recordId: event.recordId,
        transactionId: event.transactionId,
        programId: event.programId,
        transactionType: event.type,
        amount: event.amount,
        currency: event.currency,
        cleared: event.cleared,
      },
      excerpt: null,
    }));
}

async function notifyAll(ctx: ServiceContext, drafts: readonly NotificationDraft[]) {
  for (const draft of drafts) {
    try {
      await notify(ctx, draft);
    } catch (err) {
      // One recipient's failure must not cost the others theirs.
      ctx.log.warn({ err, recipientId: draft.recipientId }, 'notification not created');
    }
  }
}

/**
 * Subscribes the inbox to the domain events that make notifications. Domain events are per
 * node, so each event is handled once, on the node whose transaction committed it; the unique
 * key makes a retried or repeated event harmless. Answers a function that waits for the work
 * under way (tests and shutdown).
 */
export function registerNotificationHandlers(ctx: ServiceContext): () => Promise<void> {
  const pending = new Set<Promise<void>>();
  const track = (started: Promise<void>) => {
    // A failure before the drafts exist (reading the recipients) is logged, never left as an
    // unhandled rejection, which would end the process.
    const work = started.catch((err: unknown) => {
      ctx.log.warn({ err }, 'notifications not created');
    });
    pending.add(work);
    void work.finally(() => pending.delete(work));
  };
  ctx.events.on('comment.posted', (event) => track(notifyAll(ctx, draftsForComment(event))));
  ctx.events.on('thread.resolved', (event) => track(notifyAll(ctx, draftsForResolution(event))));
  ctx.events.on('actionItem.assigned', (event) =>
    track(draftsForActionItem(ctx, event).then((drafts) => notifyAll(ctx, drafts))),
  );
  ctx.events.on('transaction.awaitsConfirmation', (event) =>
    track(draftsForConfirmation(ctx, event).then((drafts) => notifyAll(ctx, drafts))),
  );
  return async () => {
    while (pending.size > 0) await Promise.all(pending);
  };
}
