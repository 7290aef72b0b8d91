import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { AwarenessUserSchema, planDocumentName } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs } from '../helpers/people.js';
import {
  awarenessMessage,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
  editorPool,
} from '../helpers/collab.js';

/** Opens a raw socket and resolves with the close code (or the HTTP status if refused). */
function rawClose(server: TestServer, path: string, headers: Record<string, string>) {
  return new Promise<{ code?: number; status?: number }>((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}${path}`, { headers });
    ws.on('close', (code) => resolve({ code }));
    ws.on('unexpected-response', (_req, res) => {
      resolve({ status: res.statusCode });
      ws.terminate();
    });
    ws.on('error', () => undefined);
  });
}

describe.each(dialects)('document access on %s', (dialect) => {
  let server: TestServer;
  let programId: string;
  let name: string;
  const { open, destroyAll } = editorPool();
  beforeAll(async () => {
    server = await startServer({ dialect });
    programId = await aProgramId(server);
    name = planDocumentName(programId);
  });
  afterAll(async () => {
    destroyAll();
    await server?.close();
  });

  it('refuses a foreign Origin with HTTP 403 before the handshake', async () => {
    const alice = await createPersonOn(server, { programId, relation: 'lead' });
    const result = await rawClose(server, `/collab/${name}`, {
      cookie: alice.cookie,
      origin: 'https://evil.example',
    });
    expect(result.status).toBe(403);
  });

  it('closes with 4401 without a session, 4403 without access and 4404 for unknown documents', async () => {
    const outsider = await createPersonOn(server, {});
    const member = await createPersonOn(server, { programId, relation: 'lead' });
    const origin = server.origin;
    expect(await rawClose(server, `/collab/${name}`, { origin })).toEqual({ code: 4401 });
    expect(await rawClose(server, `/collab/${name}`, { origin, cookie: outsider.cookie })).toEqual({
      code: 4403,
    });
    const unknown = planDocumentName('nosuchprogram0000');
    expect(await rawClose(server, `/collab/${unknown}`, { origin, cookie: member.cookie })).toEqual(
      { code: 4404 },
    );
    expect(await rawClose(server, '/collab/sheet:abc', { origin, cookie: member.cookie })).toEqual({
      code: 4404,
    });
  });

  it('refuses unknown upgrade paths with 404', async () => {
    expect(await rawClose(server, '/elsewhere', { origin: server.origin })).toEqual({
      status: 404,
    });
  });

  it("never stores or relays a read-only person's changes and keeps them connected", async () => {
    const writer = await createPersonOn(server, { programId, relation: 'lead' });
    const viewer = await createPersonOn(server, { programId, relation: 'lead', role: 'viewer' });
    const w = open(server, writer, name);
    const v = open(server, viewer, name);
    await waitFor(() => w.provider.synced && v.provider.synced);
    typeParagraph(v.doc, 'viewer scribble');
    typeParagraph(w.doc, 'writer line');
    await waitFor(() => planText(v.doc).includes('writer line'));
    await new Promise((r) => setTimeout(r, 500));
    expect(planText(w.doc)).not.toContain('viewer scribble');
    const later = open(server, writer, name);
    await waitFor(() => later.provider.synced && planText(later.doc).includes('writer line'));
    expect(planText(later.doc)).not.toContain('viewer scribble');
    expect(v.closes).toEqual([]);
    expect(v.provider.wsconnected).toBe(true);
  });

  it('closes with 4403 a read-only connection that keeps sending changes', async () => {
    const observer = await createPersonOn(server, { programId, relation: 'observer' });
    const o = open(server, observer, name);
    await waitFor(() => o.provider.synced);
    for (let i = 0; i < 4; i++) typeParagraph(o.doc, `attempt ${i}`);
    await waitFor(() => o.closes.includes(4403));
  });

  it('closes connections with 4409 when access is revoked and 4401 when the session ends', async () => {
    const partner = await createPersonOn(server, { programId, relation: 'partner' });
    const signedOut = await createPersonOn(server, { programId, relation: 'partner' });
    const p = open(server, partner, name);
    const s = open(server, signedOut, name);
    await waitFor(() => p.provider.synced && s.provider.synced);
    await server.app.ctx.db
      .deleteFrom('program_organizations')
      .where('organization_id', '=', partner.organizationId)
      .execute();
    server.app.events.emit('access.changed', {
      programId,
      userId: null,
      organizationId: partner.organizationId,
    });
    await waitFor(() => p.closes.includes(4409), 5000, '4409');
    const res = await fetchAs(server, signedOut, '/api/auth/logout', { method: 'POST' });
    expect(res.status).toBeLessThan(300);
    await waitFor(() => s.closes.includes(4401), 5000, '4401');
  });

  it('stamps awareness with the session identity and refuses to remove others', async () => {
    const alice = await createPersonOn(server, { programId, relation: 'lead', name: 'Alice Real' });
    const mallory = await createPersonOn(server, {
      programId,
      relation: 'partner',
      name: 'Mallory',
    });
    const a = open(server, alice, name);
    const m = open(server, mallory, name);
    await waitFor(() => a.provider.synced && m.provider.synced);
    a.provider.awareness.setLocalStateField('user', { name: 'whatever' });
    m.provider.awareness.setLocalStateField('user', { name: 'Alice Real', id: alice.userId });
    await waitFor(() => {
      const seen = [...a.provider.awareness.getStates().entries()].find(
        ([id]) => id === m.doc.clientID,
      );
      return (seen?.[1] as { user?: { id: string } } | undefined)?.user?.id === mallory.userId;
    });
    const userOf = (e: TestEditor, id: number) =>
      (e.provider.awareness.getStates().get(id) as { user?: { name: string } } | undefined)?.user;
    await waitFor(() => userOf(m, a.doc.clientID)?.name === 'Alice Real');
    expect(userOf(a, m.doc.clientID)?.name).toBe('Mallory');
    // The organization travels in both languages: each reader labels the caret in their own.
    expect(AwarenessUserSchema.parse(userOf(a, m.doc.clientID)).organization).toEqual({
      en: `Org ${mallory.organizationId}`,
      es: `Org ${mallory.organizationId} (es)`,
    });
    // Mallory claims Alice's client id with a removal: the server drops it.
    m.provider.ws!.send(awarenessMessage([[a.doc.clientID, 1_000_000, 'null']]));
    await new Promise((r) => setTimeout(r, 300));
    const third = open(server, mallory, name);
    await waitFor(
      () => third.provider.synced && third.provider.awareness.getStates().has(a.doc.clientID),
    );
  });

  it('lets six people share one plan: a joiner echoing everyone’s presence is not refused', async () => {
    const people = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        createPersonOn(server, { programId, relation: 'lead', name: `Person ${i}` }),
      ),
    );
    const editors: TestEditor[] = [];
    for (const person of people) {
      const editor = open(server, person, name);
      editor.provider.awareness.setLocalStateField('user', { name: 'set by the server' });
      editors.push(editor);
      await waitFor(() => editor.provider.synced, 10_000, 'sync');
    }
    const names = (e: TestEditor) =>
      [...e.provider.awareness.getStates().values()]
        .map((state) => (state as { user?: { name?: string } }).user?.name)
        .filter((n) => n?.startsWith('Person'));
    // Each sees the five others as the server stamped them (its own state stays as it set it).
    const seesOthers = (e: TestEditor, i: number) =>
      people.every((_, j) => j === i || names(e).includes(`Person ${j}`));
    await waitFor(() => editors.every(seesOthers), 10_000, 'presence');
    expect(editors.flatMap((e) => e.closes)).toEqual([]);
  });
});
