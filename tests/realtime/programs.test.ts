import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ProgramChangedSchema } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, record, waitFor, type ClientSocket } from '../helpers/sockets.js';

describe('program live updates', () => {
  let server: TestServer;
  let programId: string;
  let member: TestPerson;
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
    member = await createPersonOn(server, { relation: 'lead', programId });
    outsider = await createPersonOn(server);
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await server?.close();
  });

  it('fans a program update out with details to a subscriber; an outsider gets only the portfolio fields', async () => {
    const sub = await connect(member);
    const out = await connect(outsider);
    expect(await sub.emitWithAck('program.subscribe', { programId })).toEqual({
      ok: true,
      data: { programId },
    });
    const subSeen = record(sub, 'program.changed');
    const outSeen = record(out, 'program.changed');
    server.app.events.emit('program.updated', { programId });
    await waitFor(() => expect(subSeen).toHaveLength(1));
    await waitFor(() => expect(outSeen).toHaveLength(1));
    const full = ProgramChangedSchema.parse(subSeen[0]);
    expect(full).toMatchObject({ programId, change: 'updated', details: { id: programId } });
    expect(full.details).not.toHaveProperty('abilities');
    const summary = ProgramChangedSchema.parse(outSeen[0]);
    expect(summary.details).toBeUndefined();
    expect(outSeen[0]).not.toHaveProperty('details');
    expect(Object.keys(summary.summary).sort()).toEqual(
      ['code', 'componentId', 'id', 'priority', 'status', 'titleEn', 'titleEs'].sort(),
    );
  });

  it('re-sends the details when a relation changes, so the lead organizations follow, to the program room only', async () => {
    const admin = await createPersonOn(server, { role: 'admin' });
    const newcomer = await createPersonOn(server);
    const sub = await connect(member);
    const out = await connect(outsider);
    await sub.emitWithAck('program.subscribe', { programId });
    const subSeen = record(sub, 'program.changed');
    const outSeen = record(out, 'program.changed');
    const relate = (method: 'PUT' | 'DELETE') =>
      fetchAs(
        server,
        admin,
        `/api/programs/${programId}/organizations/${newcomer.organizationId}`,
        {
          method,
          body: method === 'PUT' ? JSON.stringify({ relation: 'lead' }) : undefined,
        },
      );
    expect((await relate('PUT')).status).toBe(204);
    await waitFor(() => expect(subSeen).toHaveLength(1));
    const led = ProgramChangedSchema.parse(subSeen[0]).details?.leadOrganizationIds;
    expect([...(led ?? [])].sort()).toEqual(
      [member.organizationId, newcomer.organizationId].sort(),
    );
    expect((await relate('DELETE')).status).toBe(204);
    await waitFor(() => expect(subSeen).toHaveLength(2));
    expect(ProgramChangedSchema.parse(subSeen[1]).details?.leadOrganizationIds).toEqual([
      member.organizationId,
    ]);
    // Events reach one connection in the order they were sent: once this retitling arrives, a
    // relation event sent to the portfolio would have arrived before it.
    await server.app.ctx.db
      .updateTable('programs')
      .set({ title_en: 'After the relations changed' })
      .where('id', '=', programId)
      .execute();
    server.app.events.emit('program.updated', { programId });
    const barrier = (e: unknown) =>
      ProgramChangedSchema.parse(e).summary.titleEn === 'After the relations changed';
    await waitFor(() => expect(outSeen.some(barrier)).toBe(true));
    expect(outSeen).toHaveLength(1);
  });

  it('refuses an outsider who tries to subscribe to a program (forbidden) and sends them no details', async () => {
    const out = await connect(outsider);
    const reply = await out.emitWithAck('program.subscribe', { programId });
    expect(reply).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const seen = record(out, 'program.changed');
    server.app.events.emit('program.updated', { programId });
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).not.toHaveProperty('details');
  });

  it('announces a created program to everyone in the workspace', async () => {
    const s = await connect(outsider);
    const seen = record(s, 'program.changed');
    server.app.events.emit('program.created', { programId });
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toMatchObject({ programId, change: 'created', summary: { id: programId } });
  });

  it('closes a connection that sends a message larger than 64 KiB', async () => {
    const s = await connect(member);
    const reasons: string[] = [];
    s.on('disconnect', (reason) => reasons.push(reason));
    s.emit('program.subscribe', { programId: 'x'.repeat(70 * 1024) }, () => undefined);
    await waitFor(() => expect(reasons).toHaveLength(1));
    expect(reasons[0]).toMatch(/transport (close|error)/);
  });

  it('answers not_found for a program that does not exist', async () => {
    const s = await connect(member);
    const reply = await s.emitWithAck('program.subscribe', { programId: 'nosuchprogram' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('stops sending details after program.unsubscribe', async () => {
    const s = await connect(member);
    await s.emitWithAck('program.subscribe', { programId });
    expect(await s.emitWithAck('program.unsubscribe', { programId })).toEqual({
      ok: true,
      data: { programId },
    });
    const seen = record(s, 'program.changed');
    server.app.events.emit('program.updated', { programId });
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).not.toHaveProperty('details');
  });

  it('answers invalid command payloads with validation_failed and keeps the connection', async () => {
    const s = await connect(member);
    const send = (payload: unknown) =>
      (s.emitWithAck as (e: string, p: unknown) => Promise<unknown>)('program.subscribe', payload);
    for (const bad of [
      {},
      { programId: 'bad id!' },
      { programId: 42 },
      'a string',
      null,
      { programId, extra: true },
      { programId: 'x'.repeat(500) },
    ]) {
      expect(await send(bad)).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    }
    const list = (s.emitWithAck as (e: string, p: unknown) => Promise<unknown>)('presence.list', {
      admin: true,
    });
    expect(await list).toMatchObject({ ok: false, error: { code: 'validation_failed' } });
    // A command without an ack and an unknown event change nothing and crash nothing.
    (s.emit as (e: string, p: unknown) => void)('program.subscribe', { programId });
    (s.emit as (e: string, p: unknown) => void)('admin.doEverything', {});
    expect(await s.emitWithAck('program.subscribe', { programId })).toMatchObject({ ok: true });
    expect(s.connected).toBe(true);
  });

  it('limits commands per connection with too_many_requests', async () => {
    const s = await connect(member);
    const replies = await Promise.all(
      Array.from({ length: 40 }, () => s.emitWithAck('presence.list', {})),
    );
    const limited = replies.filter((r) => !r.ok && r.error.code === 'too_many_requests');
    expect(limited.length).toBeGreaterThan(0);
    expect(replies.filter((r) => r.ok).length).toBeGreaterThanOrEqual(20);
    expect(s.connected).toBe(true);
  });

  it('removes a subscriber who lost read access from the room and tells them', async () => {
    const person = await createPersonOn(server, { relation: 'partner', programId });
    const s = await connect(person);
    expect(await s.emitWithAck('program.subscribe', { programId })).toMatchObject({ ok: true });
    const revoked = record(s, 'program.accessRevoked');
    const changed = record(s, 'access.changed');
    await server.app.ctx.db
      .deleteFrom('program_organizations')
      .where('program_id', '=', programId)
      .where('organization_id', '=', person.organizationId)
      .execute();
    server.app.events.emit('access.changed', {
      programId,
      userId: null,
      organizationId: person.organizationId,
    });
    await waitFor(() => expect(revoked).toEqual([{ programId }]));
    await waitFor(() => expect(changed).toEqual([{ programId }]));
    const seen = record(s, 'program.changed');
    server.app.events.emit('program.updated', { programId });
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).not.toHaveProperty('details');
  });

  it('keeps subscribers who still may read when access changes for someone else', async () => {
    const s = await connect(member);
    await s.emitWithAck('program.subscribe', { programId });
    const revoked = record(s, 'program.accessRevoked');
    server.app.events.emit('access.changed', { programId, userId: null, organizationId: null });
    const seen = record(s, 'program.changed');
    await new Promise((r) => setTimeout(r, 200));
    server.app.events.emit('program.updated', { programId });
    await waitFor(() => expect(seen).toHaveLength(1));
    expect(seen[0]).toHaveProperty('details');
    expect(revoked).toEqual([]);
  });
});
