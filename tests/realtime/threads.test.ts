import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ThreadChangedSchema, ThreadSchema } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

describe('thread live updates', () => {
  let server: TestServer;
  let programId: string;
  let lead: TestPerson;
  let viewer: TestPerson;
  let outsider: TestPerson;
  const open: ClientSocket[] = [];
  const connect = async (p: TestPerson) => {
    const s = await connectAs(server, p);
    open.push(s);
    return s;
  };
  beforeAll(async () => {
    server = await startServer();
    programId = await aProgramId(server);
    lead = await createPersonOn(server, { relation: 'lead', programId });
    viewer = await createPersonOn(server, { role: 'viewer', relation: 'partner', programId });
    outsider = await createPersonOn(server);
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await server?.close();
  });

  it('sends thread.changed to the program room (a viewer follows live), never to an outsider', async () => {
    const sub = await connect(viewer);
    const out = await connect(outsider);
    expect(await sub.emitWithAck('program.subscribe', { programId })).toMatchObject({ ok: true });
    expect(await out.emitWithAck('program.subscribe', { programId })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const seen = record(sub, 'thread.changed');
    const outSeen = record(out, 'thread.changed');
    const outPrograms = record(out, 'program.changed');

    const res = await fetchAs(server, lead, '/api/threads', {
      method: 'POST',
      body: JSON.stringify({ subject: { kind: 'program', programId }, body: 'Live secret' }),
    });
    const thread = ThreadSchema.parse(await res.json());
    await fetchAs(server, lead, `/api/threads/${thread.id}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'A reply' }),
    });
    await fetchAs(server, lead, `/api/threads/${thread.id}/resolve`, { method: 'POST' });
    await waitFor(() => expect(seen).toHaveLength(3));
    const events = seen.map((e) => ThreadChangedSchema.parse(e));
    expect(events.map((e) => e.change)).toEqual(['created', 'commented', 'resolved']);
    expect(events[2]!.thread).toMatchObject({ id: thread.id, state: 'resolved' });
    expect(events[2]!.thread.comments).toHaveLength(2);
    expect(seen[0]).not.toHaveProperty('thread.abilities');

    // Events reach one connection in order: once this broadcast arrives, a thread event sent
    // to the outsider would have arrived before it.
    server.app.events.emit('program.updated', { programId });
    await waitFor(() => expect(outPrograms).toHaveLength(1));
    expect(outSeen).toEqual([]);
  });
});
