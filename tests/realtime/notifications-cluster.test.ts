import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  NotificationPageSchema,
  ThreadSchema,
  mentionToken,
  type NotificationCreated,
} from '@mesa/shared';
import { createPostgresDatabase } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// A notification is created once, by the node whose transaction committed the comment, and
// reaches its recipient's connections on every node through the Redis adapter.
describe('notifications with two nodes sharing PostgreSQL and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let node1: TestServer;
  let node2: TestServer;
  let programId: string;
  let ana: TestPerson;
  let ben: TestPerson;
  const open: ClientSocket[] = [];
  const connect = async (server: TestServer, p: TestPerson) => {
    const s = await connectAs(server, p);
    open.push(s);
    return s;
  };
  beforeAll(async () => {
    db = await createPostgresDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl };
    node1 = await startServer({ env });
    node2 = await startServer({ env });
    programId = await aProgramId(node1);
    ana = await createPersonOn(node1, { relation: 'lead', programId, name: 'Ana Pérez' });
    ben = await createPersonOn(node1, { relation: 'observer', programId, name: 'Ben Ito' });
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await node1?.close();
    await node2?.close();
    await db?.drop();
  });

  const post = async (server: TestServer, who: TestPerson, path: string, body: unknown) => {
    const res = await fetchAs(server, who, path, { method: 'POST', body: JSON.stringify(body) });
    expect(res.status).toBe(201);
    return ThreadSchema.parse(await res.json());
  };
  const inbox = async (server: TestServer, who: TestPerson) =>
    NotificationPageSchema.parse(await (await fetchAs(server, who, '/api/notifications')).json());
  const kinds = (seen: NotificationCreated[]) => seen.map((c) => c.notification.kind);

  it('gives a person mentioned on node 1 exactly one notification on node 2, and a reply on node 2 exactly one to the author on node 1', async () => {
    const benOn2 = await connect(node2, ben);
    const anaOn1 = await connect(node1, ana);
    const benSeen = record(benOn2, 'notification.created');
    const anaSeen = record(anaOn1, 'notification.created');

    const thread = await post(node1, ana, '/api/threads', {
      subject: { kind: 'program', programId },
      body: `Who holds the baseline, ${mentionToken(ben.userId, 'Ben Ito')}?`,
    });
    await waitFor(() => expect(kinds(benSeen)).toEqual(['mention']));
    expect(benSeen[0]).toMatchObject({
      unreadCount: 1,
      notification: { actor: { id: ana.userId }, target: { threadId: thread.id } },
    });

    await post(node2, ben, `/api/threads/${thread.id}/comments`, { body: 'The IDB does.' });
    await waitFor(() => expect(kinds(anaSeen)).toEqual(['reply']));

    // Redis keeps the order of one channel: once a later notification for Ben has arrived,
    // a duplicate of the first would have arrived before it.
    await post(node1, ana, `/api/threads/${thread.id}/comments`, { body: 'Thanks.' });
    await waitFor(() => expect(kinds(benSeen)).toEqual(['mention', 'reply']));
    expect(kinds(anaSeen)).toEqual(['reply']);

    for (const server of [node1, node2]) {
      expect((await inbox(server, ben)).data.map((n) => n.kind)).toEqual(['reply', 'mention']);
      expect((await inbox(server, ana)).data.map((n) => n.kind)).toEqual(['reply']);
    }
  });
});
