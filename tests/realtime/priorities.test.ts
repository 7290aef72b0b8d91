import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeDueRounds, insertDueRound } from '@mesa/server/testing';
import { RoundSchema, listOf } from '@mesa/shared';
import { createPostgresDatabase } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('closing a priority round with two nodes sharing PostgreSQL and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let nodeA: TestServer;
  let nodeB: TestServer;
  let admin: TestPerson;
  const open: ClientSocket[] = [];
  beforeAll(async () => {
    db = await createPostgresDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl };
    nodeA = await startServer({ env });
    nodeB = await startServer({ env });
    admin = await createPersonOn(nodeA, { role: 'admin' });
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await nodeA?.close();
    await nodeB?.close();
    await db?.drop();
  });

  it('closes a past-due round exactly once: one record, one round.changed per connection', async () => {
    const onA = await connectAs(nodeA, admin);
    const onB = await connectAs(nodeB, admin);
    open.push(onA, onB);
    const seenA = record(onA, 'round.changed');
    const seenB = record(onB, 'round.changed');
    const closedEvents: string[] = [];
    for (const node of [nodeA, nodeB])
      node.app.events.on('round.closed', ({ roundId }) => closedEvents.push(roundId));
    const roundId = await insertDueRound(nodeA.app, admin.userId);

    // Both nodes' closers look at the same moment, twice over; the conditional update lets one win.
    await Promise.all([
      closeDueRounds(nodeA.app.ctx),
      closeDueRounds(nodeB.app.ctx),
      closeDueRounds(nodeA.app.ctx),
      closeDueRounds(nodeB.app.ctx),
    ]);
    expect(closedEvents).toEqual([roundId]);
    const closedOnly = (seen: typeof seenA) => seen.filter((e) => e.change === 'closed');
    await waitFor(() => expect(closedOnly(seenA)).toEqual([{ roundId, change: 'closed' }]));
    await waitFor(() => expect(closedOnly(seenB)).toEqual([{ roundId, change: 'closed' }]));

    const res = await fetchAs(nodeB, admin, '/api/rounds');
    const round = listOf(RoundSchema)
      .parse(await res.json())
      .data.find((r) => r.id === roundId);
    expect(round).toMatchObject({ state: 'closed', closedBy: null });
    expect(round?.closedAt).not.toBeNull();
  });
});
