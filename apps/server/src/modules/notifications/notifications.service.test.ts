import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { newId } from '../../lib/ids.js';
import type { DomainEventMap } from '../../lib/events.js';
import { createPerson, firstProgramId, type TestPerson } from '../../testing/factories.js';
import { buildTestApp, recordEvents, type TestApp } from '../../testing/test-app.js';
import { removeRelation } from '../access/index.js';
import { validateSessionToken } from '../auth/index.js';
import {
  listNotifications,
  markNotificationsRead,
  unreadCount,
  updatePreferences,
} from './notifications.service.js';

type Posted = DomainEventMap['comment.posted'][0];

// The inbox turns the threads' domain events into notifications: these tests emit the events
// directly, as the threads service does after its commit.
describe('notifications from domain events', () => {
  let t: TestApp;
  let app: FastifyInstance;
  let programId: string;
  beforeAll(async () => {
    t = await buildTestApp();
    app = t.app;
    programId = await firstProgramId(app);
  });
  afterAll(() => t.close());

  const member = (relation: 'lead' | 'partner' | 'observer' = 'partner') =>
    createPerson(app, { programId, relation });

  function posted(author: TestPerson, o: Partial<Posted> = {}): Posted {
    return {
      threadId: newId(),
      commentId: newId(),
      authorId: author.userId,
      subject: { kind: 'program', programId },
      programId,
      startsThread: false,
      mentionedIds: [],
      participantIds: [],
      excerpt: 'This indicator has no baseline',
      ...o,
    };
  }

  async function inboxOf(person: TestPerson) {
    const actor = await validateSessionToken(app.ctx, person.token);
    if (!actor) throw new Error('no session');
    return listNotifications(app.ctx, actor, { limit: 50 });
  }

  async function emit<K extends 'comment.posted' | 'thread.resolved'>(
    name: K,
    payload: DomainEventMap[K][0],
  ) {
    (app.events.emit as (n: K, p: DomainEventMap[K][0]) => boolean)(name, payload);
    await app.notificationsSettled();
  }

  it('notifies a person mentioned and also a participant once, as a mention, with the link data', async () => {
    const [a, b] = [await member(), await member('observer')];
    const event = posted(a, { mentionedIds: [b.userId], participantIds: [b.userId] });
    await emit('comment.posted', event);
    const inbox = await inboxOf(b);
    expect(inbox.data).toHaveLength(1);
    expect(inbox.data[0]).toMatchObject({
      kind: 'mention',
      actor: { id: a.userId, name: a.name },
      program: { id: programId },
      target: { type: 'thread', threadId: event.threadId, subject: event.subject },
      excerpt: 'This indicator has no baseline',
      readAt: null,
    });
    expect(inbox.unreadCount).toBe(1);
  });

  it('tells other participants of a reply, and never the author', async () => {
    const [a, b, c] = [await member(), await member(), await member()];
    await emit(
      'comment.posted',
      posted(a, { mentionedIds: [c.userId], participantIds: [b.userId, c.userId] }),
    );
    expect((await inboxOf(b)).data.map((n) => n.kind)).toEqual(['reply']);
    expect((await inboxOf(c)).data.map((n) => n.kind)).toEqual(['mention']);
    expect((await inboxOf(a)).data).toEqual([]);
  });

  it('never notifies the actor, even when named among the mentioned or participants', async () => {
    const a = await member();
    await emit(
      'comment.posted',
      posted(a, { mentionedIds: [a.userId], participantIds: [a.userId] }),
    );
    const resolvedOwn = {
      threadId: newId(),
      resolvedBy: a.userId,
      resolvedAt: '2030-01-01T00:00:00.000Z',
      threadAuthorId: a.userId,
    };
    await emit('thread.resolved', {
      ...resolvedOwn,
      subject: { kind: 'program', programId },
      programId,
    });
    expect((await inboxOf(a)).data).toEqual([]);
  });

  it('tells a thread’s author each time someone else resolves it, once per resolution', async () => {
    const [a, b] = [await member(), await member()];
    const threadId = newId();
    const resolution = (resolvedAt: string) => ({
      threadId,
      resolvedBy: b.userId,
      resolvedAt,
      threadAuthorId: a.userId,
      subject: { kind: 'program' as const, programId },
      programId,
    });
    await emit('thread.resolved', resolution('2030-01-01T00:00:00.000Z'));
    // The same event again (a retry) makes nothing; resolved again after a reopening does.
    await emit('thread.resolved', resolution('2030-01-01T00:00:00.000Z'));
    expect((await inboxOf(a)).data).toMatchObject([
      { kind: 'resolved', actor: { id: b.userId }, excerpt: null },
    ]);
    await emit('thread.resolved', resolution('2030-01-02T00:00:00.000Z'));
    expect((await inboxOf(a)).data.map((n) => n.kind)).toEqual(['resolved', 'resolved']);
  });

  it('respects a person’s preference for a kind, and only that kind', async () => {
    const [a, b] = [await member(), await member()];
    await updatePreferences(app.ctx, b.userId, { mention: false });
    await emit('comment.posted', posted(a, { mentionedIds: [b.userId] }));
    await emit('comment.posted', posted(a, { participantIds: [b.userId] }));
    expect((await inboxOf(b)).data.map((n) => n.kind)).toEqual(['reply']);
  });

  it('creates nothing for a recipient who may not read the program, or is deactivated', async () => {
    const a = await member();
    const outsider = await createPerson(app);
    const gone = await member();
    await app.ctx.db
      .updateTable('users')
      .set({ active: 0 })
      .where('id', '=', gone.userId)
      .execute();
    const created = recordEvents(app.events, 'notification.created');
    await emit('comment.posted', posted(a, { mentionedIds: [outsider.userId, gone.userId] }));
    expect(created).toEqual([]);
    expect((await inboxOf(outsider)).data).toEqual([]);
  });

  it('hides a program’s notifications, from the list and the count, once access to it is lost', async () => {
    const [a, b] = [await member(), await member()];
    await emit('comment.posted', posted(a, { mentionedIds: [b.userId] }));
    await emit(
      'comment.posted',
      posted(a, {
        subject: { kind: 'roundProgram', roundId: newId(), programId },
        programId: null,
        mentionedIds: [b.userId],
      }),
    );
    expect((await inboxOf(b)).unreadCount).toBe(2);
    await removeRelation(app.ctx, programId, b.organizationId);
    const inbox = await inboxOf(b);
    expect(
      inbox.data.map((n) => (n.target.type === 'thread' ? n.target.subject.kind : null)),
    ).toEqual(['roundProgram']);
    expect(inbox.unreadCount).toBe(1);
  });

  it('makes one notification of a duplicated event, and announces it once', async () => {
    const [a, b] = [await member(), await member()];
    const created = recordEvents(app.events, 'notification.created');
    const event = posted(a, { mentionedIds: [b.userId] });
    app.events.emit('comment.posted', event);
    app.events.emit('comment.posted', { ...event });
    await app.notificationsSettled();
    await emit('comment.posted', event);
    expect((await inboxOf(b)).data).toHaveLength(1);
    expect(created.filter((c) => c.recipientId === b.userId)).toHaveLength(1);
    expect(created[0]?.unreadCount).toBe(1);
  });

  it('marks only the person’s own notifications read and tells their tabs', async () => {
    const [a, b, c] = [await member(), await member(), await member()];
    await emit('comment.posted', posted(a, { mentionedIds: [b.userId, c.userId] }));
    const bActor = await validateSessionToken(app.ctx, b.token);
    const cNote = (await inboxOf(c)).data[0];
    if (!bActor || !cNote) throw new Error('missing setup');
    const read = recordEvents(app.events, 'notifications.read');
    expect(await markNotificationsRead(app.ctx, bActor, [cNote.id])).toBe(1);
    expect((await inboxOf(c)).data[0]?.readAt).toBeNull();
    expect(await markNotificationsRead(app.ctx, bActor, 'all')).toBe(0);
    expect(await unreadCount(app.ctx, bActor)).toBe(0);
    expect(read).toEqual([
      { userId: b.userId, ids: [cNote.id], unreadCount: 1 },
      { userId: b.userId, all: true, unreadCount: 0 },
    ]);
  });

  it('pages newest first with a cursor', async () => {
    const [a, b] = [await member(), await member()];
    for (let i = 0; i < 3; i += 1)
      await emit('comment.posted', posted(a, { mentionedIds: [b.userId], excerpt: `n${i}` }));
    const actor = await validateSessionToken(app.ctx, b.token);
    if (!actor) throw new Error('no session');
    const first = await listNotifications(app.ctx, actor, { limit: 2 });
    const second = await listNotifications(app.ctx, actor, {
      limit: 2,
      cursor: first.nextCursor ?? '',
    });
    expect([...first.data, ...second.data].map((n) => n.excerpt)).toEqual(['n2', 'n1', 'n0']);
    expect(second.nextCursor).toBeNull();
  });
});
