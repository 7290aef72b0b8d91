import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { PublishedRecordSchema } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { editorPool, planText, typeParagraph, waitFor } from '../helpers/collab.js';
import { insertMeeting, setMeetingState } from '../helpers/minutes.js';

const agenda = [
  { en: 'Budget review', es: 'Revisión del presupuesto', kind: 'decision' as const },
  { en: 'Field reports', es: 'Informes de campo', kind: 'information' as const },
];

/** Opens a raw socket and resolves with the close code. */
function closeCodeOf(server: TestServer, name: string, person: TestPerson) {
  return new Promise<number>((resolve) => {
    const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${name}`, {
      headers: { cookie: person.cookie, origin: server.origin },
    });
    ws.on('close', (code) => resolve(code));
    ws.on('open', () => setTimeout(() => ws.close(1000), 1500));
    ws.on('error', () => undefined);
  });
}

const b64 = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** An anchor on `quote` in a client's copy of the minutes, as the editor computes it. */
function anchorIn(doc: Y.Doc, quote: string) {
  for (const node of doc.getXmlFragment('default').toArray()) {
    const text = node instanceof Y.XmlElement ? node.get(0) : null;
    if (!(text instanceof Y.XmlText) || !text.toJSON().includes(quote)) continue;
    const at = text.toJSON().indexOf(quote);
    return {
      start: b64(Y.createRelativePositionFromTypeIndex(text, at)),
      end: b64(Y.createRelativePositionFromTypeIndex(text, at + quote.length, -1)),
    };
  }
  throw new Error(`no paragraph holds "${quote}"`);
}

describe.each(dialects)('meeting minutes and the published record on %s', (dialect) => {
  let server: TestServer;
  const { open, destroyAll } = editorPool();
  let chair: TestPerson;
  let rapporteur: TestPerson;
  let delegate: TestPerson;
  let viewer: TestPerson;
  let outsider: TestPerson;

  beforeAll(async () => {
    server = await startServer({ dialect });
    chair = await createPersonOn(server, { name: 'Chair Person', locale: 'es' });
    rapporteur = await createPersonOn(server, { name: 'Rita Rapporteur' });
    delegate = await createPersonOn(server, { name: 'Dana Delegate' });
    viewer = await createPersonOn(server, {
      role: 'viewer',
      organizationId: delegate.organizationId,
    });
    outsider = await createPersonOn(server, {});
  });
  afterAll(async () => {
    destroyAll();
    await server?.close();
  });

  const meetingFor = (options: { minutesLocale?: 'en' | 'es' } = {}) =>
    insertMeeting(server, {
      chair,
      organizations: [rapporteur.organizationId, delegate.organizationId],
      rapporteurs: [rapporteur],
      agenda,
      ...options,
    });

  it('creates the minutes from the agenda when the meeting starts, in its language, once', async () => {
    const meetingId = await meetingFor({ minutesLocale: 'es' });
    const name = `minutes:${meetingId}`;
    // Before the start there is no document, and connecting does not create one.
    expect(await closeCodeOf(server, name, rapporteur)).toBe(4404);
    await setMeetingState(server, meetingId, 'live');
    const r = open(server, rapporteur, name);
    await waitFor(() => r.provider.synced && planText(r.doc).includes('Informes'));
    const text = planText(r.doc);
    expect(text).toContain('1. Revisión del presupuesto (Decisión)');
    expect(text).toContain('2. Informes de campo (Información)');
    // A second start event writes nothing more.
    server.app.events.emit('meeting.started', { meetingId, actorId: chair.userId });
    await new Promise((res) => setTimeout(res, 300));
    const rows = await server.app.ctx.db
      .selectFrom('documents')
      .select('name')
      .where('name', '=', name)
      .execute();
    expect(rows).toHaveLength(1);
    expect(planText(r.doc).match(/Revisión del presupuesto/g)).toHaveLength(1);
    expect(await closeCodeOf(server, name, outsider)).toBe(4403);
  });

  it('creates the minutes for a connection that arrives before the start event is handled', async () => {
    const meetingId = await meetingFor();
    await setMeetingState(server, meetingId, 'live', { announce: false });
    const r = open(server, rapporteur, `minutes:${meetingId}`);
    await waitFor(() => r.provider.synced && planText(r.doc).includes('Field reports'));
    expect(planText(r.doc)).toContain('1. Budget review (Decision)');
  });

  it('lets rapporteurs edit; delegates and viewers follow read-only', async () => {
    const meetingId = await meetingFor();
    const name = `minutes:${meetingId}`;
    await setMeetingState(server, meetingId, 'live');
    const r = open(server, rapporteur, name);
    const d = open(server, delegate, name);
    const v = open(server, viewer, name);
    await waitFor(() => r.provider.synced && d.provider.synced && v.provider.synced);
    typeParagraph(d.doc, 'delegate scribble');
    typeParagraph(v.doc, 'viewer scribble');
    typeParagraph(r.doc, 'The budget was approved.');
    await waitFor(
      () => planText(d.doc).includes('approved') && planText(v.doc).includes('approved'),
    );
    await new Promise((res) => setTimeout(res, 400));
    const later = open(server, chair, name);
    await waitFor(() => later.provider.synced && planText(later.doc).includes('approved'));
    expect(planText(later.doc)).not.toContain('delegate scribble');
    expect(planText(later.doc)).not.toContain('viewer scribble');
  });

  it('cuts a rapporteur the chair takes off the roles to read-only at once', async () => {
    const meetingId = await meetingFor();
    const name = `minutes:${meetingId}`;
    await setMeetingState(server, meetingId, 'live');
    const r = open(server, rapporteur, name);
    await waitFor(() => r.provider.synced && planText(r.doc).includes('Budget'));
    typeParagraph(r.doc, 'Written as rapporteur.');
    // Stored and relayed before the role changes.
    const c = open(server, chair, name);
    await waitFor(() => c.provider.synced && planText(c.doc).includes('Written as rapporteur'));
    const res = await fetchAs(server, chair, `/api/meetings/${meetingId}/roles`, {
      method: 'PUT',
      body: JSON.stringify({ coChairIds: [], rapporteurIds: [] }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => r.closes.includes(4409), 5000, '4409');
    const again = open(server, rapporteur, name);
    await waitFor(() => again.provider.synced && planText(again.doc).includes('rapporteur'));
    typeParagraph(again.doc, 'Written after the role ended.');
    await new Promise((done) => setTimeout(done, 400));
    const later = open(server, chair, name);
    await waitFor(() => later.provider.synced && planText(later.doc).includes('rapporteur'));
    expect(planText(later.doc)).not.toContain('after the role ended');
  });

  it('publishing freezes the record: writers are cut to read-only, writes get 409, addenda are added', async () => {
    const meetingId = await meetingFor();
    const name = `minutes:${meetingId}`;
    const db = server.app.ctx.db;
    await setMeetingState(server, meetingId, 'live');
    const r = open(server, rapporteur, name);
    await waitFor(() => r.provider.synced && planText(r.doc).includes('Budget'));
    typeParagraph(r.doc, 'Agreed to fund the pilot.');
    await waitFor(() => r.provider.synced);
    // The room's records, as the room writes them.
    const at = new Date().toISOString();
    await db
      .updateTable('meeting_organizations')
      .set({ attendance: 'present' })
      .where('meeting_id', '=', meetingId)
      .where('organization_id', '=', delegate.organizationId)
      .execute();
    await db
      .insertInto('meeting_attendance')
      .values({
        id: `att${meetingId}`,
        meeting_id: meetingId,
        user_id: delegate.userId,
        organization_id: delegate.organizationId,
        joined_at: '2030-03-10T15:02:00.000Z',
        left_at: '2030-03-10T16:40:00.000Z',
      })
      .execute();
    await db
      .insertInto('meeting_decisions')
      .values({
        id: `dec${meetingId}`,
        meeting_id: meetingId,
        agenda_item_id: null,
        program_id: null,
        text_en: 'Fund the pilot',
        text_es: 'Financiar el piloto',
        recorded_by: rapporteur.userId,
        recorded_at: at,
        updated_at: at,
      })
      .execute();
    await db
      .insertInto('action_items')
      .values({
        id: `act${meetingId}`,
        meeting_id: meetingId,
        agenda_item_id: null,
        program_id: null,
        text_en: 'Draft the terms',
        text_es: 'Redactar los términos',
        owner_organization_id: delegate.organizationId,
        owner_user_id: delegate.userId,
        due_date: '2030-04-01',
        status: 'open',
        created_by: rapporteur.userId,
        created_at: at,
        updated_at: at,
        status_changed_by: null,
        status_changed_at: null,
      })
      .execute();
    // Not before the end.
    let res = await fetchAs(server, chair, `/api/meetings/${meetingId}/publish`, {
      method: 'POST',
    });
    expect(res.status).toBe(409);
    await setMeetingState(server, meetingId, 'ended');
    res = await fetchAs(server, rapporteur, `/api/meetings/${meetingId}/publish`, {
      method: 'POST',
    });
    expect(res.status).toBe(403);
    res = await fetchAs(server, chair, `/api/meetings/${meetingId}/record`);
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /not published/,
    );

    // Within the amendment window participants comment on passages of the minutes.
    const anchor = anchorIn(r.doc, 'fund the pilot');
    const openThread = (who: TestPerson) =>
      fetchAs(server, who, '/api/threads', {
        method: 'POST',
        body: JSON.stringify({
          subject: { kind: 'document', documentName: name },
          anchor,
          body: 'Say which pilot.',
        }),
      });
    res = await openThread(delegate);
    expect(res.status).toBe(201);
    const threadId = ((await res.json()) as { id: string }).id;
    expect((await openThread(viewer)).status).toBe(403);
    expect((await openThread(outsider)).status).toBe(403);
    // Mention suggestions on the minutes name only the meeting's readers.
    await createPersonOn(server, { name: 'Rita Stranger' });
    res = await fetchAs(
      server,
      delegate,
      `/api/threads/mentionable?kind=document&documentName=${name}&q=rita`,
    );
    expect(res.status).toBe(200);
    const suggested = (await res.json()) as { people: { id: string }[] };
    expect(suggested.people.map((p) => p.id)).toEqual([rapporteur.userId]);

    res = await fetchAs(server, chair, `/api/meetings/${meetingId}/publish`, { method: 'POST' });
    expect(res.status).toBe(200);
    // Threads on the published minutes take no new comments.
    expect((await openThread(delegate)).status).toBe(403);
    res = await fetchAs(server, delegate, `/api/threads/${threadId}/comments`, {
      method: 'POST',
      body: JSON.stringify({ body: 'One more thing.' }),
    });
    expect(res.status).toBe(403);
    res = await fetchAs(server, delegate, `/api/threads/${threadId}`);
    expect(res.status).toBe(200);
    // The open writer is closed (access changed); connecting again, the rapporteur only reads.
    await waitFor(() => r.closes.includes(4409), 5000, '4409');
    typeParagraph(r.doc, 'A silent edit while disconnected.');
    const again = open(server, rapporteur, name);
    await waitFor(() => again.provider.synced && planText(again.doc).includes('pilot'));
    typeParagraph(again.doc, 'A silent edit after publishing.');
    await new Promise((res2) => setTimeout(res2, 400));
    const later = open(server, chair, name);
    await waitFor(() => later.provider.synced && planText(later.doc).includes('pilot'));
    expect(planText(later.doc)).not.toContain('silent edit');

    // Every write is refused with a clear 409.
    res = await fetchAs(server, chair, `/api/meetings/${meetingId}/publish`, { method: 'POST' });
    expect(res.status).toBe(409);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(
      /published and frozen/,
    );

    // The meeting's write routes answer 409 with the same message, whatever the body.
    for (const [method, path, body] of [
      ['POST', `/api/meetings/${meetingId}/decisions`, { text: { en: 'Late', es: '' } }],
      ['PUT', `/api/meetings/${meetingId}/agenda`, { revision: 0, items: [] }],
      ['PUT', `/api/meetings/${meetingId}/roles`, { coChairIds: [], rapporteurIds: [] }],
      ['POST', `/api/meetings/${meetingId}/action-items`, { text: { en: 'Late', es: '' } }],
      ['PATCH', `/api/meetings/${meetingId}`, { location: 'Elsewhere' }],
    ] as const) {
      const refused = await fetchAs(server, chair, path, { method, body: JSON.stringify(body) });
      expect([method, path, refused.status]).toEqual([method, path, 409]);
      expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(
        /published and frozen/,
      );
    }
    // Its action items are no longer edited by the officers…
    res = await fetchAs(server, rapporteur, `/api/action-items/act${meetingId}`, {
      method: 'PATCH',
      body: JSON.stringify({
        text: { en: 'Changed', es: '' },
        ownerOrganizationId: delegate.organizationId,
        dueDate: '2030-05-01',
      }),
    });
    expect(res.status).toBe(403);
    // …but their owners still report progress, which the record does not follow.
    res = await fetchAs(server, delegate, `/api/action-items/act${meetingId}/status`, {
      method: 'PUT',
      body: JSON.stringify({ status: 'done' }),
    });
    expect(res.status).toBe(200);
    res = await fetchAs(server, delegate, `/api/meetings/${meetingId}/addenda`, {
      method: 'POST',
      body: JSON.stringify({ body: 'A correction' }),
    });
    expect(res.status).toBe(403);
    res = await fetchAs(server, rapporteur, `/api/meetings/${meetingId}/addenda`, {
      method: 'POST',
      body: JSON.stringify({ body: 'The pilot is in Honduras, not Guatemala.' }),
    });
    expect(res.status).toBe(201);

    res = await fetchAs(server, delegate, `/api/meetings/${meetingId}/record`);
    expect(res.status).toBe(200);
    const record = PublishedRecordSchema.parse(await res.json());
    expect(record.minutesMarkdown).toContain('## 1. Budget review (Decision)');
    expect(record.minutesMarkdown).toContain('Agreed to fund the pilot.');
    expect(record.minutesMarkdown).not.toContain('silent edit');
    expect(record.decisions.map((d) => d.text.en)).toEqual(['Fund the pilot']);
    expect(record.actionItems.map((a) => [a.text.en, a.status])).toEqual([
      ['Draft the terms', 'open'],
    ]);
    const delegation = record.attendance.find((a) => a.organization.id === delegate.organizationId);
    expect(delegation?.mark).toBe('present');
    expect(delegation?.people.map((p) => p.name)).toEqual(['Dana Delegate']);
    expect(record.rapporteurs.map((p) => p.name)).toEqual(['Rita Rapporteur']);
    expect(record.publishedBy.id).toBe(chair.userId);
    expect(record.addenda.map((a) => [a.body, a.author.name])).toEqual([
      ['The pilot is in Honduras, not Guatemala.', 'Rita Rapporteur'],
    ]);
    expect(await closeCodeOf(server, name, outsider)).toBe(4403);
    res = await fetchAs(server, outsider, `/api/meetings/${meetingId}/record`);
    expect(res.status).toBe(403);

    // Markdown in the reader's language.
    res = await fetchAs(server, delegate, `/api/meetings/${meetingId}/record.md?lang=en`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/markdown/);
    expect(res.headers.get('content-disposition')).toMatch(/attachment/);
    const en = await res.text();
    expect(en).toContain('# Coordination meeting');
    expect(en).toContain('## Attendance by delegation');
    expect(en).toContain('## Decisions');
    expect(en).toContain('Fund the pilot');
    expect(en).toContain('## Addenda');
    expect(en).toContain('### 1. Budget review (Decision)');
    res = await fetchAs(server, chair, `/api/meetings/${meetingId}/record.md?lang=es`);
    const es = await res.text();
    expect(es).toContain('# Reunión de coordinación');
    expect(es).toContain('## Asistencia por delegación');
    expect(es).toContain('## Decisiones');
    expect(es).toContain('Financiar el piloto');
    expect(es).toContain('abierta');
    expect(es).toContain('## Adendas');
  });
});
