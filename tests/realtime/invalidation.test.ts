import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCodes, planDocumentName } from '@mesa/shared';
import { createPostgresDatabase } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { startProxy, type TcpProxy } from '../helpers/proxy.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, type ClientSocket } from '../helpers/sockets.js';
import { editorPool, planText, typeParagraph, waitFor } from '../helpers/collab.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

// Changes are made through the API on node A, as an administrator would; the connections that
// must end are on node B.
describe('invalidations across two nodes sharing PostgreSQL and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let nodeA: TestServer;
  let nodeB: TestServer;
  let nodeC: TestServer | null = null;
  let redisProxy: TcpProxy | null = null;
  let programId: string;
  let admin: TestPerson;
  const editors = editorPool();
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    db = await createPostgresDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl };
    // One after the other: the first migrates and seeds, the second finds it done.
    nodeA = await startServer({ env });
    nodeB = await startServer({ env });
    programId = await aProgramId(nodeA);
    admin = await createPersonOn(nodeA, { role: 'admin' });
  });
  afterAll(async () => {
    editors.destroyAll();
    for (const s of sockets) s.disconnect();
    await nodeA?.close();
    await nodeB?.close();
    await nodeC?.close();
    await redisProxy?.close();
    await db?.drop();
  });

  it('closes a document connection on node B with 4409 when access is revoked on node A, and never stores what it sends afterwards', async () => {
    const name = planDocumentName(programId);
    const revoked = await createPersonOn(nodeA, { programId, relation: 'lead' });
    const colleague = await createPersonOn(nodeA, { programId, relation: 'partner' });
    const onB = editors.open(nodeB, revoked, name);
    const colleagueOnB = editors.open(nodeB, colleague, name);
    await waitFor(() => onB.provider.synced && colleagueOnB.provider.synced, 10_000, 'sync');
    typeParagraph(onB.doc, 'typed while allowed');
    await waitFor(() => planText(colleagueOnB.doc).includes('typed while allowed'));

    const res = await fetchAs(
      nodeA,
      admin,
      `/api/programs/${programId}/organizations/${revoked.organizationId}`,
      { method: 'DELETE' },
    );
    expect(res.status).toBe(204);
    await waitFor(() => onB.closes.includes(CloseCodes.accessChanged), 5000, '4409 on B');
    typeParagraph(onB.doc, 'typed after revocation');
    // The stock provider stops at a 44xx close; Mesa's editor reconnects after 4409, as here.
    onB.provider.connect();
    await waitFor(() => onB.closes.length > 1, 10_000, 'the reconnection refused');
    expect(onB.closes.at(-1)).toBe(CloseCodes.forbidden);

    typeParagraph(colleagueOnB.doc, 'typed by the colleague afterwards');
    const reader = editors.open(nodeA, admin, name);
    await waitFor(
      () => planText(reader.doc).includes('typed by the colleague afterwards'),
      10_000,
      'the colleague’s edit on A',
    );
    expect(planText(reader.doc)).toContain('typed while allowed');
    expect(planText(reader.doc)).not.toContain('typed after revocation');
    expect(planText(colleagueOnB.doc)).not.toContain('typed after revocation');
  });

  it('ends the Socket.IO and document connections on node B of a person deactivated on node A', async () => {
    const person = await createPersonOn(nodeA, { programId, relation: 'lead' });
    const socketOnB = await connectAs(nodeB, person);
    sockets.push(socketOnB);
    const ended = record(socketOnB, 'session.ended');
    const editorOnB = editors.open(nodeB, person, planDocumentName(programId));
    await waitFor(() => editorOnB.provider.synced, 10_000, 'sync');

    const res = await fetchAs(nodeA, admin, `/api/users/${person.userId}`, {
      method: 'PATCH',
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => !socketOnB.connected, 5000, 'socket on B disconnected');
    expect(ended[0]).toEqual({ reason: 'user_deactivated' });
    await waitFor(() => editorOnB.closes.length > 0, 5000, 'document connection on B closed');
    expect(editorOnB.closes[0]).toBe(CloseCodes.noSession);
  });

  it('ends a document connection on node B when its session ends on node A', async () => {
    const person = await createPersonOn(nodeA, { programId, relation: 'lead' });
    const editorOnB = editors.open(nodeB, person, planDocumentName(programId));
    await waitFor(() => editorOnB.provider.synced, 10_000, 'sync');
    const res = await fetchAs(nodeA, person, '/api/auth/logout', { method: 'POST' });
    expect(res.status).toBeLessThan(300);
    await waitFor(() => editorOnB.closes.length > 0, 5000, 'document connection on B closed');
    expect(editorOnB.closes[0]).toBe(CloseCodes.noSession);
  });

  it('re-checks its connections when a node gets Redis back: a revocation missed meanwhile still closes with 4409', async () => {
    // Node C reaches Redis through a proxy that can drop its connections for real.
    redisProxy = await startProxy();
    redisProxy.forwardTo(Number(new URL(redisUrl).port || 6379));
    const viaProxy = `redis://127.0.0.1:${new URL(redisProxy.url).port}`;
    nodeC = await startServer({ env: { DATABASE_URL: db.url, REDIS_URL: viaProxy } });
    const person = await createPersonOn(nodeA, { programId, relation: 'lead' });
    const onC = editors.open(nodeC, person, planDocumentName(programId));
    await waitFor(() => onC.provider.synced, 10_000, 'sync');

    redisProxy.cut();
    const res = await fetchAs(
      nodeA,
      admin,
      `/api/programs/${programId}/organizations/${person.organizationId}`,
      { method: 'DELETE' },
    );
    expect(res.status).toBe(204);
    expect(onC.closes).toEqual([]);
    redisProxy.restore();
    await waitFor(() => onC.closes.includes(CloseCodes.accessChanged), 20_000, '4409 on C');
  });
});
