import { describe, expect, it } from 'vitest';
import { NotificationsReadSchema, notificationLink } from './notification.js';

describe('notificationLink', () => {
  it("opens a plan passage in the plan's comments and a program's thread in its discussion", () => {
    expect(
      notificationLink({
        type: 'thread',
        threadId: 't1',
        subject: { kind: 'document', documentName: 'plan:p1' },
      }),
    ).toBe('/programs/p1?thread=t1');
    expect(
      notificationLink({
        type: 'thread',
        threadId: 't2',
        subject: { kind: 'program', programId: 'p2' },
      }),
    ).toBe('/programs/p2?discussion=t2');
  });

  it("opens a round's line on the round's board", () => {
    expect(
      notificationLink({
        type: 'thread',
        threadId: 't3',
        subject: { kind: 'roundProgram', roundId: 'r1', programId: 'p1' },
      }),
    ).toBe('/priorities/r1?discuss=p1&thread=t3');
  });

  it('opens the meeting page with the thread for a thread in its minutes', () => {
    expect(
      notificationLink({
        type: 'thread',
        threadId: 't4',
        subject: { kind: 'document', documentName: 'minutes:m1' },
      }),
    ).toBe('/meetings/m1?thread=t4');
  });
});

describe('NotificationsReadSchema', () => {
  it('takes some ids or all, always with the unread count', () => {
    expect(NotificationsReadSchema.safeParse({ ids: ['a'], unreadCount: 2 }).success).toBe(true);
    expect(NotificationsReadSchema.safeParse({ all: true, unreadCount: 0 }).success).toBe(true);
    expect(NotificationsReadSchema.safeParse({ all: false, unreadCount: 0 }).success).toBe(false);
    expect(NotificationsReadSchema.safeParse({ ids: ['a'] }).success).toBe(false);
  });
});
