import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMeeting, listRoomAttendance } from '@mesa/server/testing';
import { type RoomReply, type RoomState } from '@mesa/shared';
import { createPostgresDatabase } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

function ok(reply: RoomReply): RoomState {
  if (!reply.ok) throw new Error(`refused: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

describe('the live meeting room on two nodes sharing PostgreSQL and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let nodeA: TestServer;
  let nodeB: TestServer;
  let chair: TestPerson;
  let deputy: TestPerson;
  const delegates: TestPerson[] = [];
  const open: ClientSocket[] = [];
  const connect = async (node: TestServer, p: TestPerson) => {
    const s = await connectAs(node, p);
    open.push(s);
    return s;
  };
  beforeAll(async () => {
    db = await createPostgresDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl };
    nodeA = await startServer({ env });
    nodeB = await startServer({ env });
    const programId = await aProgramId(nodeA);
    chair = await createPersonOn(nodeA, { relation: 'lead', programId, coordinator: true });
    deputy = await createPersonOn(nodeA, { relation: 'partner', programId, name: 'Deputy' });
    for (let i = 0; i < 6; i += 1)
      delegates.push(await createPersonOn(nodeA, { name: `Delegate ${i}` }));
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await nodeA?.close();
    await nodeB?.close();
    await db?.drop();
  });

  it('shows both nodes the same state, queue, presence and take-over', async () => {
    const { meetingId, itemIds } = await createMeeting(nodeA.app, {
      chairId: chair.userId,
      organizationIds: [chair, deputy, ...delegates].map((p) => p.organizationId),
      coChairIds: [deputy.userId],
    });
    const chairSocket = await connect(nodeA, chair);
    ok(await chairSocket.emitWithAck('meeting.join', { meetingId }));
    // Half the delegates on each node.
    const sockets = await Promise.all(
      delegates.map((d, i) => connect(i % 2 === 0 ? nodeA : nodeB, d)),
    );
    for (const s of sockets) ok(await s.emitWithAck('meeting.join', { meetingId }));
    const onB = record(sockets[1]!, 'meeting.state');

    const started = ok(
      await chairSocket.emitWithAck('meeting.command', {
        type: 'start',
        meetingId,
        commandId: randomUUID(),
        sequence: 0,
      }),
    );
    // Everyone asks for the floor at once, from both nodes.
    const replies = await Promise.all(
      sockets.map((s) =>
        s.emitWithAck('meeting.command', {
          type: 'requestFloor',
          meetingId,
          commandId: randomUUID(),
          kind: 'ordinary',
        }),
      ),
    );
    for (const r of replies) ok(r);
    const seqAfter = started.sequence + delegates.length;
    await waitFor(() => expect(onB.some((s) => s.sequence === seqAfter)).toBe(true));

    const fromA = ok(await sockets[0]!.emitWithAck('meeting.join', { meetingId }));
    const fromB = ok(await sockets[1]!.emitWithAck('meeting.join', { meetingId }));
    const { serverNow: _a, ...sameA } = fromA;
    const { serverNow: _b, ...sameB } = fromB;
    expect(sameB).toEqual(sameA);
    expect(fromA.queue).toHaveLength(delegates.length);
    expect(fromA.currentItem?.id).toBe(itemIds[0]);
    // Presence spans the nodes: the chair and every delegate, each once.
    expect(fromB.present.map((p) => p.userId).sort()).toEqual(
      [chair, ...delegates].map((p) => p.userId).sort(),
    );

    // The chair's node loses the chair's connection; the deputy on node B takes over.
    chairSocket.disconnect();
    const deputySocket = await connect(nodeB, deputy);
    const seen = ok(await deputySocket.emitWithAck('meeting.join', { meetingId }));
    const taken = ok(
      await deputySocket.emitWithAck('meeting.command', {
        type: 'takeChair',
        meetingId,
        commandId: randomUUID(),
        sequence: seen.sequence,
      }),
    );
    const onA = record(sockets[0]!, 'meeting.state');
    const next = ok(
      await deputySocket.emitWithAck('meeting.command', {
        type: 'next',
        meetingId,
        commandId: randomUUID(),
        sequence: taken.sequence,
      }),
    );
    await waitFor(() =>
      expect(onA.find((s) => s.sequence === next.sequence)).toMatchObject({
        chairId: deputy.userId,
        currentItem: { id: itemIds[1] },
        queue: [],
      }),
    );

    // Attendance: a delegate's one connection on node B leaves; their row closes.
    sockets[1]!.disconnect();
    await waitFor(async () => {
      const rows = await listRoomAttendance(nodeA.app, meetingId);
      const row = rows.find((r) => r.user_id === delegates[1]!.userId);
      expect(row?.left_at).not.toBeNull();
    });
    const rows = await listRoomAttendance(nodeA.app, meetingId);
    const openRows = rows.filter((r) => r.left_at === null).map((r) => r.user_id);
    expect(new Set(openRows).size).toBe(openRows.length);
  });
});
