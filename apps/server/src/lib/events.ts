import { EventEmitter } from 'node:events';
import type {
  FundingChanged,
  MeetingChanged,
  NotificationCreated,
  NotificationsRead,
  RoomState,
  ThreadSubject,
  TransactionType,
} from '@mesa/shared';

/**
 * Domain events, emitted by services after their transaction commits. The live layers
 * (Socket.IO fan-out, document connections) subscribe; services never know who listens.
 */
export interface DomainEventMap {
  /** A session ended (sign-out, revoke, password change, expiry noticed). */
  'session.ended': [{ sessionId: string; userId: string }];
  /** A person was deactivated; every session and connection of theirs must end. */
  'user.deactivated': [{ userId: string }];
  /**
   * Rights may have changed (role, relation, coordinator). Null fields mean "may affect
   * everyone" on that axis; listeners re-check the connections that match.
   */
  'access.changed': [
    { programId: string | null; userId: string | null; organizationId: string | null },
  ];
  /** A program was created. */
  'program.created': [{ programId: string }];
  /** A program's details changed. */
  'program.updated': [{ programId: string }];
  /**
   * A comment was posted: a new thread's first comment or a reply — or a comment was edited to
   * mention people it did not mention before (then `mentionedIds` holds only those, and
   * `participantIds` is empty: an edit is not a reply). The threads service emits it; the
   * notifications service turns it into mentions and replies.
   */
  'comment.posted': [
    {
      threadId: string;
      commentId: string;
      /** Who wrote it (from the session). */
      authorId: string;
      /** The thread's subject (listeners check readers' access through it). */
      subject: ThreadSubject;
      /** The program the subject belongs to, or null when every signed-in person sees it. */
      programId: string | null;
      /** Whether this comment opened the thread. */
      startsThread: boolean;
      /** People mentioned whom the service kept: each may read the subject; never the author. */
      mentionedIds: string[];
      /** Earlier authors of comments in the thread (not deleted), without the author. */
      participantIds: string[];
      /** The comment's start as plain text (mentions as `@name`), at most 200 characters. */
      excerpt: string;
    },
  ];
  /**
   * Anything about a thread changed (opened, replied, edited, deleted, resolved, reopened,
   * re-anchored). The threads live layer turns it into the live `thread.changed` for the
   * subject's room; `comment.posted` and `thread.resolved` are emitted besides, for listeners
   * that care about those alone.
   */
  'thread.changed': [
    {
      threadId: string;
      change: 'created' | 'commented' | 'edited' | 'deleted' | 'resolved' | 'reopened' | 'anchored';
    },
  ];
  /** A priority round was opened. */
  'round.opened': [{ roundId: string }];
  /**
   * A priority round closed, at its closing time or by its owner: emitted only by the node
   * whose conditional update made the transition, so once however many nodes run.
   */
  'round.closed': [{ roundId: string }];
  /** An admin reopened a closed round (recorded). */
  'round.reopened': [{ roundId: string }];
  /** A delegation saved its ballot. */
  'ballot.saved': [{ roundId: string; organizationId: string }];
  /** A thread was resolved (not reopened). */
  'thread.resolved': [
    {
      threadId: string;
      /** Who resolved it. */
      resolvedBy: string;
      /** When (a thread reopened and resolved again is a new resolution). */
      resolvedAt: string;
      /** Who opened the thread. */
      threadAuthorId: string;
      subject: ThreadSubject;
      programId: string | null;
    },
  ];
  /** A notification was stored for one person (once: the unique key refused any repeat). */
  'notification.created': [NotificationCreated & { recipientId: string }];
  /** A person marked some or all of their notifications read. */
  'notifications.read': [NotificationsRead & { userId: string }];
  /** A meeting's details, agenda, roles, records or stage changed (its room refetches). */
  'meeting.changed': [MeetingChanged & { actorId: string }];
  /** A meeting's room state changed (every command that applied): the whole new state. */
  'meeting.roomChanged': [RoomState];
  /** A meeting went live (the minutes are created from its agenda). */
  'meeting.started': [{ meetingId: string; actorId: string }];
  /** A meeting ended (its amendment window opened). */
  'meeting.ended': [{ meetingId: string; actorId: string }];
  /** A meeting's record was published (frozen). */
  'meeting.published': [{ meetingId: string; actorId: string }];
  /** An action item was recorded or given a new owner: its owner is told (the inbox). */
  'actionItem.assigned': [
    {
      actionItemId: string;
      meetingId: string;
      actorId: string;
      ownerOrganizationId: string;
      ownerUserId: string | null;
    },
  ];
  /**
   * A transaction was recorded on a record that names a receiving organization, or a confirmed
   * one was changed (which cleared its confirmation): the receiving organization's members are
   * asked to confirm it (the inbox). `amount` is exact, in `currency`, as it now stands.
   */
  'transaction.awaitsConfirmation': [
    {
      recordId: string;
      transactionId: string;
      programId: string | null;
      receivingOrganizationId: string;
      actorId: string;
      type: TransactionType;
      amount: string;
      currency: string;
      cleared: boolean;
      at: string;
    },
  ];
  /**
   * Funding figures changed (a record or transaction written, confirmed or deleted, a rate
   * added or corrected, an import): `programId` null for the strategy-wide row, `all` when the
   * change may touch any program. The funding live layer sends `funding.changed` to everyone.
   */
  'funding.changed': [FundingChanged & { actorId: string | null }];
}

/** A typed event emitter of domain events; one per app instance. */
export class DomainEvents extends EventEmitter<DomainEventMap> {}
