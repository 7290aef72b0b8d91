import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresDatabase } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('two nodes sharing PostgreSQL and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let nodeA: TestServer;
  let nodeB: TestServer;
  let programId: string;
  let member: TestPerson;
  let outsider: TestPerson;
  const open: ClientSocket[] = [];
  const connect = async (server: TestServer, p: TestPerson) => {
    const s = await connectAs(server, p);
    open.push(s);
    return s;
  };
  beforeAll(async () => {
    db = await createPostgresDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl };
    // One after the other: the first migrates and seeds, the second finds it done.
    nodeA = await startServer({ env });
    nodeB = await startServer({ env });
    programId = await aProgramId(nodeA);
    member = await createPersonOn(nodeA, { relation: 'lead', programId });
    outsider = await createPersonOn(nodeA);
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await nodeA?.close();
    await nodeB?.close();
    await db?.drop();
  });

  it('relays a program update seen on node A to a subscriber on node B, and not its details to an outsider', async () => {
    const onB = await connect(nodeB, member);
    const outsiderOnB = await connect(nodeB, outsider);
    expect(onB.io.engine.transport.name).toBe('websocket');
    expect(await onB.emitWithAck('program.subscribe', { programId })).toMatchObject({ ok: true });
    const seen = record(onB, 'program.changed');
    const outsiderSeen = record(outsiderOnB, 'program.changed');
    nodeA.app.events.emit('program.updated', { programId });
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ programId, change: 'updated', details: { id: programId } });
    await waitFor(() => expect(outsiderSeen).toHaveLength(1));
    expect(outsiderSeen[0]).not.toHaveProperty('details');
  });

  it('shows presence across nodes', async () => {
    const person = await createPersonOn(nodeA, { name: 'Zoe on A' });
    const watcherOnB = await connect(nodeB, outsider);
    await connect(nodeA, person);
    await waitFor(async () => {
      const reply = await watcherOnB.emitWithAck('presence.list', {});
      if (!reply.ok) throw new Error(reply.error.code);
      const ids = reply.data.organizations.flatMap((o) => o.people.map((p) => p.id));
      expect(ids).toContain(person.userId);
    });
  });

  it('disconnects a socket on node B when its session ends on node A', async () => {
    const person = await createPersonOn(nodeA);
    const onB = await connect(nodeB, person);
    const ended = record(onB, 'session.ended');
    nodeA.app.events.emit('session.ended', { sessionId: person.sessionId, userId: person.userId });
    await waitFor(() => expect(onB.connected).toBe(false));
    expect(ended).toEqual([{ reason: 'session_ended' }]);
  });

  it('re-checks program rooms on node B when access changes on node A', async () => {
    const person = await createPersonOn(nodeA, { relation: 'observer', programId });
    const onB = await connect(nodeB, person);
    expect(await onB.emitWithAck('program.subscribe', { programId })).toMatchObject({ ok: true });
    const revoked = record(onB, 'program.accessRevoked');
    await nodeA.app.ctx.db
      .deleteFrom('program_organizations')
      .where('program_id', '=', programId)
      .where('organization_id', '=', person.organizationId)
      .execute();
    nodeA.app.events.emit('access.changed', {
      programId,
      userId: null,
      organizationId: person.organizationId,
    });
    await waitFor(() => expect(revoked).toEqual([{ programId }]));
  });
});
