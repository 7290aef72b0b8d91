// The closing timer itself (priorities.closer.ts), with nothing reading the round: each node
// arms a timer from the database at start-up (and on its own round.opened), and the
// conditional update lets one node close the round. No timing assertions: the test only waits
// for the closing event, with a timeout.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertDueRound } from '@mesa/server/testing';
import { RoundReplySchema, type RoundChanged } from '@mesa/shared';
import { createPostgresDatabase } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// Generous: a node's timer fires at the closing time, the event then crosses Redis.
const CLOSING_WAIT_MS = 20_000;

describe('the round closer on two nodes sharing PostgreSQL and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  const env = () => ({ DATABASE_URL: db.url, REDIS_URL: redisUrl });
  const nodes: TestServer[] = [];
  const sockets: ClientSocket[] = [];
  let admin: TestPerson;
  const start = async () => {
    const node = await startServer({ env: env() });
    nodes.push(node);
    return node;
  };
  /** Every `round.closed` domain event any node emitted (one per successful close). */
  const closings: string[] = [];
  const countClosings = (node: TestServer) =>
    node.app.events.on('round.closed', ({ roundId }) => closings.push(roundId));
  const follow = async (node: TestServer) => {
    const socket = await connectAs(node, admin);
    sockets.push(socket);
    return record(socket, 'round.changed');
  };
  const closedOf = (seen: RoundChanged[], roundId: string) =>
    seen.filter((e) => e.roundId === roundId && e.change === 'closed');
  const storedClosing = (node: TestServer, roundId: string) =>
    node.app.ctx.db
      .selectFrom('priority_rounds')
      .select(['state', 'closed_at', 'closed_by'])
      .where('id', '=', roundId)
      .executeTakeFirstOrThrow();

  beforeAll(async () => {
    db = await createPostgresDatabase();
  });
  afterAll(async () => {
    for (const s of sockets) s.disconnect();
    for (const node of nodes) await node.close();
    await db?.drop();
  });

  it('closes a round due in two seconds exactly once: one closed event per subscriber, one record', async () => {
    const nodeA = await start();
    countClosings(nodeA);
    admin = await createPersonOn(nodeA, { role: 'admin' });
    const seenA = await follow(nodeA);
    const opened = await fetchAs(nodeA, admin, '/api/rounds', {
      method: 'POST',
      body: JSON.stringify({
        title: { en: 'Due soon', es: 'Vence pronto' },
        closesAt: new Date(Date.now() + 2_000).toISOString(),
      }),
    });
    const { round } = RoundReplySchema.parse(await opened.json());
    // Node B starts after the round was opened: it arms its timer from the database, so both
    // nodes' timers aim at the same closing time and race for it.
    const nodeB = await start();
    countClosings(nodeB);
    const seenB = await follow(nodeB);

    const once = [{ roundId: round.id, change: 'closed' }];
    await waitFor(() => expect(closedOf(seenA, round.id)).toEqual(once), CLOSING_WAIT_MS);
    await waitFor(() => expect(closedOf(seenB, round.id)).toEqual(once), CLOSING_WAIT_MS);
    expect(closings.filter((id) => id === round.id)).toEqual([round.id]);
    const stored = await storedClosing(nodeB, round.id);
    expect(stored).toMatchObject({ state: 'closed', closed_by: null });
    expect(stored.closed_at).not.toBeNull();
  });

  it('closes at start-up a round whose closing time passed while no node was looking', async () => {
    const [nodeA, nodeB] = nodes;
    // Written straight to the database: no node hears of it, and nobody reads it (a read
    // would close it too); running nodes look again only within their minute.
    const roundId = await insertDueRound(nodeA!.app, admin.userId);
    const seenA = await follow(nodeA!);
    const seenB = await follow(nodeB!);
    const nodeC = await start();
    countClosings(nodeC);

    const once = [{ roundId, change: 'closed' }];
    await waitFor(() => expect(closedOf(seenA, roundId)).toEqual(once), CLOSING_WAIT_MS);
    await waitFor(() => expect(closedOf(seenB, roundId)).toEqual(once), CLOSING_WAIT_MS);
    expect(closings.filter((id) => id === roundId)).toEqual([roundId]);
    expect(await storedClosing(nodeC, roundId)).toMatchObject({ state: 'closed', closed_by: null });
  });
});
