import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { createPostgresDatabase } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn } from '../helpers/people.js';
import { startProxy, type TcpProxy } from '../helpers/proxy.js';
import { connectAs, record, type ClientSocket } from '../helpers/sockets.js';
import {
  awarenessMessage,
  connectEditor,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
} from '../helpers/collab.js';

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('one document edited on two nodes sharing PostgreSQL and Redis', () => {
  let db: { url: string; drop(): Promise<void> };
  let nodeA: TestServer;
  let nodeB: TestServer;
  let nodeC: TestServer | null = null;
  let redisProxy: TcpProxy | null = null;
  let programId: string;
  const editors: TestEditor[] = [];
  const sockets: ClientSocket[] = [];
  beforeAll(async () => {
    db = await createPostgresDatabase();
    const env = { DATABASE_URL: db.url, REDIS_URL: redisUrl };
    // One after the other: the first migrates and seeds, the second finds it done.
    nodeA = await startServer({ env });
    nodeB = await startServer({ env });
    programId = await aProgramId(nodeA);
  });
  afterAll(async () => {
    for (const e of editors) e.destroy();
    for (const s of sockets) s.disconnect();
    await nodeA?.close();
    await nodeB?.close();
    await nodeC?.close();
    await redisProxy?.close();
    await db?.drop();
  });

  const sameState = (a: Y.Doc, b: Y.Doc) =>
    Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

  it('relays changes and awareness live between editors on different nodes', async () => {
    const name = planDocumentName(programId);
    const alice = await createPersonOn(nodeA, { programId, relation: 'partner', name: 'Alice' });
    const bob = await createPersonOn(nodeA, { programId, relation: 'partner', name: 'Bob' });
    const onA = connectEditor(nodeA, alice, name);
    editors.push(onA);
    await waitFor(() => onA.provider.synced, 10_000, 'A synced');
    const onB = connectEditor(nodeB, bob, name);
    editors.push(onB);
    await waitFor(() => onB.provider.synced, 10_000, 'B synced');

    for (let i = 0; i < 5; i++) {
      typeParagraph(onA.doc, `from A ${i}`);
      typeParagraph(onB.doc, `from B ${i}`);
    }
    await waitFor(() => sameState(onA.doc, onB.doc), 10_000, 'identical state vectors');
    const text = planText(onA.doc);
    expect(planText(onB.doc)).toBe(text);
    for (let i = 0; i < 5; i++) {
      expect(text).toContain(`from A ${i}`);
      expect(text).toContain(`from B ${i}`);
    }
    onB.provider.awareness.setLocalStateField('cursor', { at: 3 });
    await waitFor(
      () => {
        const state = onA.provider.awareness.getStates().get(onB.doc.clientID) as
          { cursor?: { at: number }; user?: { id: string } } | undefined;
        expect(state?.cursor).toEqual({ at: 3 });
        expect(state?.user?.id).toBe(bob.userId);
      },
      10_000,
      'B awareness on A',
    );

    // B leaving removes its awareness state on A.
    onB.provider.disconnect();
    await waitFor(
      () => !onA.provider.awareness.getStates().has(onB.doc.clientID),
      10_000,
      'B awareness removed on A',
    );
  });

  it("refuses a connection on one node claiming or removing the presence of another node's editor", async () => {
    const name = planDocumentName(programId);
    const person = (n: string) =>
      createPersonOn(nodeA, { programId, relation: 'partner', name: n });
    const [erin, frank, mallory] = await Promise.all(['Erin', 'Frank', 'Mallory'].map(person));
    const erinOnA = connectEditor(nodeA, erin!, name);
    const frankOnA = connectEditor(nodeA, frank!, name);
    const malloryOnB = connectEditor(nodeB, mallory!, name);
    editors.push(erinOnA, frankOnA, malloryOnB);
    const all = [erinOnA, frankOnA, malloryOnB];
    await waitFor(() => all.every((e) => e.provider.synced), 10_000, 'all synced');
    const stateOn = (editor: TestEditor, id: number) =>
      editor.provider.awareness.getStates().get(id) as
        { user?: { id: string }; cursor?: { at: number } } | undefined;
    const erinId = erinOnA.doc.clientID;
    erinOnA.provider.awareness.setLocalStateField('cursor', { at: 1 });
    await waitFor(() => stateOn(malloryOnB, erinId)?.cursor?.at === 1, 10_000, 'Erin on B');

    // Mallory, on node B, sends a state under Erin's id, then a removal of it.
    malloryOnB.provider.ws!.send(awarenessMessage([[erinId, 1_000_000, '{"cursor":{"at":99}}']]));
    malloryOnB.provider.ws!.send(awarenessMessage([[erinId, 1_000_001, 'null']]));
    // A marker after them: once Mallory's own state reaches A, node B has handled both.
    malloryOnB.provider.awareness.setLocalStateField('cursor', { at: 7 });
    const malloryId = malloryOnB.doc.clientID;
    await waitFor(() => stateOn(frankOnA, malloryId)?.cursor?.at === 7, 10_000, 'marker on A');
    expect(stateOn(frankOnA, erinId)).toMatchObject({
      user: { id: erin!.userId },
      cursor: { at: 1 },
    });
    // A newcomer on node B still sees Erin, as Erin, where she is.
    const late = connectEditor(nodeB, frank!, name);
    editors.push(late);
    await waitFor(() => stateOn(late, malloryId)?.cursor?.at === 7, 10_000, 'newcomer synced');
    expect(stateOn(late, erinId)).toMatchObject({ user: { id: erin!.userId }, cursor: { at: 1 } });
  });

  it('catches up after losing Redis: what each node stored meanwhile reaches the other', async () => {
    // Node C reaches Redis through a proxy that can drop its connections for real.
    redisProxy = await startProxy();
    redisProxy.forwardTo(Number(new URL(redisUrl).port || 6379));
    const viaProxy = `redis://127.0.0.1:${new URL(redisProxy.url).port}`;
    nodeC = await startServer({ env: { DATABASE_URL: db.url, REDIS_URL: viaProxy } });
    const name = planDocumentName(programId);
    const carla = await createPersonOn(nodeA, { programId, relation: 'partner', name: 'Carla' });
    const dan = await createPersonOn(nodeA, { programId, relation: 'partner', name: 'Dan' });
    const onA = connectEditor(nodeA, carla, name);
    const onC = connectEditor(nodeC, dan, name);
    editors.push(onA, onC);
    await waitFor(() => onA.provider.synced && onC.provider.synced, 10_000, 'both synced');
    typeParagraph(onA.doc, 'before the outage');
    await waitFor(() => planText(onC.doc).includes('before the outage'), 10_000, 'relayed');

    redisProxy.cut();
    typeParagraph(onA.doc, 'typed on A during the outage');
    typeParagraph(onC.doc, 'typed on C during the outage');
    // Each node stores its own; neither can tell the other.
    await new Promise((r) => setTimeout(r, 500));
    expect(planText(onC.doc)).not.toContain('typed on A during the outage');
    expect(planText(onA.doc)).not.toContain('typed on C during the outage');

    redisProxy.restore();
    await waitFor(() => sameState(onA.doc, onC.doc), 20_000, 'converged after the outage');
    for (const doc of [onA.doc, onC.doc]) {
      expect(planText(doc)).toContain('typed on A during the outage');
      expect(planText(doc)).toContain('typed on C during the outage');
    }
    // Socket.IO's own Redis clients on node C came back too: program changes cross both ways.
    for (const [from, to] of [
      [nodeA, nodeC],
      [nodeC, nodeA],
    ] as const) {
      const subscriber = await connectAs(to, dan);
      sockets.push(subscriber);
      expect(await subscriber.emitWithAck('program.subscribe', { programId })).toMatchObject({
        ok: true,
      });
      const seen = record(subscriber, 'program.changed');
      let emittedAt = 0;
      await waitFor(
        () => {
          if (seen.length > 0) return true;
          // Again every 250 ms: one sent before the subscription reached Redis would be lost.
          if (Date.now() - emittedAt > 250) {
            emittedAt = Date.now();
            from.app.events.emit('program.updated', { programId });
          }
          return false;
        },
        20_000,
        'a program change crossing nodes after the outage',
      );
    }
  });
});
