import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotificationPageSchema,
  ThreadSchema,
  mentionToken,
  NotificationPreferencesSchema,
  UnreadCountSchema,
  type ThreadSubject,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

let n = 0;
const nextId = () => `it${Date.now().toString(36)}${(n += 1)}`;

describe.each(dialects)('the inbox routes on %s', (dialect) => {
  let server: TestServer;
  let programId: string;
  beforeAll(async () => {
    server = await startServer({ dialect });
    programId = await aProgramId(server);
  });
  afterAll(async () => server?.close());

  const member = () => createPersonOn(server, { programId, relation: 'partner' });
  const post = (who: TestPerson | null, path: string, body?: unknown) =>
    fetchAs(server, who, path, {
      method: 'POST',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const inbox = async (who: TestPerson, query = '') => {
    const res = await fetchAs(server, who, `/api/notifications${query}`);
    expect(res.status).toBe(200);
    return NotificationPageSchema.parse(await res.json());
  };
  const count = async (who: TestPerson) =>
    UnreadCountSchema.parse(
      await (await fetchAs(server, who, '/api/notifications/unread-count')).json(),
    ).unreadCount;

  /** What the threads service emits after committing a comment that mentions `mentioned`. */
  async function mention(author: TestPerson, mentioned: TestPerson[], subject?: ThreadSubject) {
    const event = {
      threadId: nextId(),
      commentId: nextId(),
      authorId: author.userId,
      subject: subject ?? { kind: 'program' as const, programId },
      programId: subject?.kind === 'roundProgram' ? null : programId,
      startsThread: true,
      mentionedIds: mentioned.map((p) => p.userId),
      participantIds: [],
      excerpt: 'Who holds the baseline?',
    };
    server.app.events.emit('comment.posted', event);
    await server.app.notificationsSettled();
    return event;
  }

  it('lists a mention newest first with the unread count, and 401 signed out', async () => {
    const [a, b] = [await member(), await member()];
    const event = await mention(a, [b]);
    const page = await inbox(b);
    expect(page.data).toHaveLength(1);
    expect(page.data[0]).toMatchObject({
      kind: 'mention',
      actor: { id: a.userId },
      target: { threadId: event.threadId },
      program: { id: programId },
    });
    expect(page.unreadCount).toBe(1);
    expect(await count(b)).toBe(1);
    expect((await fetchAs(server, null, '/api/notifications')).status).toBe(401);
  });

  it('tells nobody without access about a mention posted over HTTP: empty inbox, unread count 0', async () => {
    const [author, colleague] = [await member(), await member()];
    const outsider = await createPersonOn(server);
    const body = `Ask ${mentionToken(outsider.userId, 'Out')} and ${mentionToken(colleague.userId, 'Col')}`;
    const res = await post(author, '/api/threads', {
      subject: { kind: 'program', programId },
      body,
    });
    expect(res.status).toBe(201);
    const thread = ThreadSchema.parse(await res.json());
    // The mention of the outsider is stored as plain text; the colleague's stays a mention.
    expect(thread.comments[0]?.body).toBe(`Ask @Out and ${mentionToken(colleague.userId, 'Col')}`);
    await server.app.notificationsSettled();
    expect((await inbox(colleague)).data.map((n) => n.kind)).toEqual(['mention']);
    const page = await inbox(outsider);
    expect({ data: page.data, unreadCount: page.unreadCount }).toEqual({
      data: [],
      unreadCount: 0,
    });
    expect(await count(outsider)).toBe(0);
  });

  it('makes one row of an event delivered twice', async () => {
    const [a, b] = [await member(), await member()];
    const event = await mention(a, [b]);
    server.app.events.emit('comment.posted', event);
    await server.app.notificationsSettled();
    expect((await inbox(b)).data).toHaveLength(1);
  });

  it('marks read only the session’s own notifications: others’ ids change nothing and leak nothing', async () => {
    const [a, b, c] = [await member(), await member(), await member()];
    await mention(a, [b, c]);
    const cId = (await inbox(c)).data[0]!.id;
    const res = await post(b, '/api/notifications/read', { ids: [cId] });
    expect(res.status).toBe(200);
    expect(UnreadCountSchema.parse(await res.json())).toEqual({ unreadCount: 1 });
    expect(await count(c)).toBe(1);
    const bId = (await inbox(b)).data[0]!.id;
    expect((await post(b, '/api/notifications/read', { ids: [bId] })).status).toBe(200);
    expect((await inbox(b)).data[0]!.readAt).not.toBeNull();
    expect(await count(b)).toBe(0);
    expect((await post(c, '/api/notifications/read-all')).status).toBe(200);
    expect(await count(c)).toBe(0);
  });

  it('hides a program’s notifications from the list and the count once its access is gone', async () => {
    const [a, b] = [await member(), await member()];
    await mention(a, [b]);
    await mention(a, [b], { kind: 'roundProgram', roundId: nextId(), programId });
    expect(await count(b)).toBe(2);
    await server.app.ctx.db
      .deleteFrom('program_organizations')
      .where('organization_id', '=', b.organizationId)
      .execute();
    const page = await inbox(b);
    expect(
      page.data.map((x) => (x.target.type === 'thread' ? x.target.subject.kind : null)),
    ).toEqual(['roundProgram']);
    expect(page.unreadCount).toBe(1);
    expect(await count(b)).toBe(1);
  });

  it('pages with a cursor and refuses a forged cursor or a limit out of range with 400', async () => {
    const [a, b] = [await member(), await member()];
    for (let i = 0; i < 3; i += 1) await mention(a, [b]);
    const first = await inbox(b, '?limit=2');
    expect(first.data).toHaveLength(2);
    const second = await inbox(b, `?limit=2&cursor=${first.nextCursor}`);
    expect(second.data).toHaveLength(1);
    expect(second.nextCursor).toBeNull();
    for (const query of ['?cursor=bm9wZQ', '?limit=0', '?limit=51', '?cursor=%3Cscript%3E']) {
      expect((await fetchAs(server, b, `/api/notifications${query}`)).status, query).toBe(400);
    }
  });

  it('refuses malformed bodies with 400 and changes nothing', async () => {
    const b = await member();
    for (const body of [
      {},
      { ids: [] },
      { ids: ['<b>'] },
      { ids: 'all' },
      { ids: ['x'], extra: 1 },
    ]) {
      expect((await post(b, '/api/notifications/read', body)).status, JSON.stringify(body)).toBe(
        400,
      );
    }
    for (const body of [{ mention: 'no' }, { sms: true }, []]) {
      const res = await fetchAs(server, b, '/api/me/notification-preferences', {
        method: 'PUT',
        body: JSON.stringify(body),
      });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const prefs = await fetchAs(server, b, '/api/me/notification-preferences');
    expect(NotificationPreferencesSchema.parse(await prefs.json())).toEqual({
      mention: true,
      reply: true,
      resolved: true,
      actionItem: true,
      confirmation: true,
    });
  });

  it('saves preferences per person (on by default) and applies them to new notifications', async () => {
    const [a, b] = [await member(), await member()];
    const res = await fetchAs(server, b, '/api/me/notification-preferences', {
      method: 'PUT',
      body: JSON.stringify({ mention: false }),
    });
    expect(NotificationPreferencesSchema.parse(await res.json())).toEqual({
      mention: false,
      reply: true,
      resolved: true,
      actionItem: true,
      confirmation: true,
    });
    const again = await fetchAs(server, a, '/api/me/notification-preferences');
    expect(NotificationPreferencesSchema.parse(await again.json()).mention).toBe(true);
    await mention(a, [b]);
    expect((await inbox(b)).data).toEqual([]);
  });
});
