import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  Limits,
  MentionableReplySchema,
  ThreadAnchorsSchema,
  ThreadListSchema,
  ThreadSchema,
  planDocumentName,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

describe.each(dialects)('comment threads on %s', (dialect) => {
  let server: TestServer;
  let programId: string;
  let otherProgramId: string;
  let lead: TestPerson;
  let partner: TestPerson;
  let outsider: TestPerson;

  const send = (who: TestPerson, path: string, method = 'GET', body?: unknown) =>
    fetchAs(server, who, path, {
      method,
      ...(body === undefined
        ? {}
        : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
    });
  const open = async (who: TestPerson, body: string, onProgram = programId) => {
    const res = await send(who, '/api/threads', 'POST', {
      subject: { kind: 'program', programId: onProgram },
      body,
    });
    expect(res.status).toBe(201);
    return ThreadSchema.parse(await res.json());
  };
  const list = async (who: TestPerson, onProgram = programId) => {
    const res = await send(who, `/api/threads?kind=program&programId=${onProgram}`);
    expect(res.status).toBe(200);
    return ThreadListSchema.parse(await res.json());
  };
  const refusal = async (res: Response) => ({
    status: res.status,
    ...ErrorBodySchema.parse(await res.json()).error,
  });

  beforeAll(async () => {
    server = await startServer({ dialect });
    programId = await aProgramId(server);
    const rows = await server.app.ctx.db.selectFrom('programs').select('id').execute();
    otherProgramId = rows.find((r) => r.id !== programId)!.id;
    lead = await createPersonOn(server, { relation: 'lead', programId, name: 'Lucía Lead' });
    partner = await createPersonOn(server, { relation: 'partner', programId, name: 'Pedro' });
    outsider = await createPersonOn(server, { relation: null, programId, name: 'Olga Outside' });
  });
  afterAll(async () => server?.close());

  it('stores HTML-bearing text verbatim and returns it as text, never as markup', async () => {
    const body =
      '<script>alert(1)</script> <b>bold</b> & <a href="javascript:x">link</a>\nline two';
    const thread = await open(lead, body);
    expect(thread.comments[0]!.body).toBe(body);
    const again = await send(lead, `/api/threads/${thread.id}`);
    expect(again.headers.get('content-type')).toMatch(/^application\/json/);
    expect(ThreadSchema.parse(await again.json()).comments[0]!.body).toBe(body);
  });

  it('refuses oversized, empty, control-character and malformed comments, storing nothing', async () => {
    const before = (await list(lead)).threads.length;
    const subject = { kind: 'program', programId };
    const cases: [unknown, number, string | undefined][] = [
      [{ subject, body: 'x'.repeat(Limits.commentMaxLength + 1) }, 400, 'body'],
      [{ subject, body: '   ' }, 400, 'body'],
      [{ subject, body: 'bell \u0007 rings' }, 400, 'body'],
      [{ subject, body: 'ok', extra: 1 }, 400, 'extra'],
      [{ subject: { kind: 'program' }, body: 'ok' }, 400, undefined],
      [{ subject: { kind: 'nope', programId }, body: 'ok' }, 400, undefined],
      ['{"subject":', 400, undefined],
    ];
    for (const [body, status, field] of cases) {
      const got = await refusal(await send(lead, '/api/threads', 'POST', body));
      expect(got.status).toBe(status);
      if (field) expect(got.field).toBe(field);
    }
    expect((await list(lead)).threads.length).toBe(before);
  });

  it('requires an anchor on a document and refuses one elsewhere, naming the field', async () => {
    const onPlan = await refusal(
      await send(lead, '/api/threads', 'POST', {
        subject: { kind: 'document', documentName: planDocumentName(programId) },
        body: 'Where?',
      }),
    );
    expect(onPlan).toMatchObject({ status: 400, code: 'validation_failed', field: 'anchor' });
    const forged = await refusal(
      await send(lead, '/api/threads', 'POST', {
        subject: { kind: 'document', documentName: planDocumentName(programId) },
        anchor: { start: 'bm90IGEgcG9zaXRpb24=', end: 'bm90IGEgcG9zaXRpb24=' },
        body: 'Forged',
      }),
    );
    expect(forged).toMatchObject({ status: 400, field: 'anchor.start' });
    const onProgram = await refusal(
      await send(lead, '/api/threads', 'POST', {
        subject: { kind: 'program', programId },
        anchor: { start: 'AAAAAAAA', end: 'AAAAAAAA' },
        body: 'Anchored?',
      }),
    );
    expect(onProgram).toMatchObject({ status: 400, field: 'anchor' });
    const minutes = await send(lead, '/api/threads?kind=document&documentName=minutes:m1');
    expect(minutes.status).toBe(404);
    const missing = await refusal(await send(lead, '/api/threads?kind=document'));
    expect(missing).toMatchObject({ status: 400, field: 'documentName' });
  });

  it('stores a mention of someone without access as plain text, and keeps a reader’s', async () => {
    const posted: unknown[] = [];
    server.app.events.on('comment.posted', (e) => void posted.push(e));
    const body = `@[Pedro](person:${partner.userId}) and @[Olga](person:${outsider.userId}), see this`;
    const thread = await open(lead, body);
    const stored = thread.comments[0]!;
    expect(stored.body).toBe(`@[Pedro](person:${partner.userId}) and @Olga, see this`);
    expect(stored.mentions.map((m) => m.id)).toEqual([partner.userId]);
    expect(JSON.stringify(thread)).not.toContain(outsider.userId);
    expect(posted).toEqual([expect.objectContaining({ mentionedIds: [partner.userId] })]);
  });

  it('suggests at most eight readers for two characters or more, never an outsider', async () => {
    const q = (text: string) =>
      send(lead, `/api/threads/mentionable?kind=program&programId=${programId}&q=${text}`);
    expect((await q('o')).status).toBe(400);
    const olga = MentionableReplySchema.parse(await (await q('olga')).json());
    expect(olga.people).toEqual([]);
    const pedro = MentionableReplySchema.parse(await (await q('PÉD')).json());
    expect(pedro.people.map((p) => p.id)).toEqual([partner.userId]);
    const outsiders = await send(
      outsider,
      `/api/threads/mentionable?kind=program&programId=${programId}&q=pe`,
    );
    expect(outsiders.status).toBe(403);
  });

  it('answers 429 with the error shape past the mention suggestions a person may ask for in a minute', async () => {
    const prober = await createPersonOn(server, { relation: 'partner', programId });
    const path = `/api/threads/mentionable?kind=program&programId=${programId}&q=pe`;
    const statuses: number[] = [];
    for (let i = 0; i < Limits.mentionSuggestionsPerMinute; i += 1)
      statuses.push((await send(prober, path)).status);
    expect(statuses.every((status) => status === 200)).toBe(true);
    const refused = await send(prober, path);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = ErrorBodySchema.parse(await refused.json());
    expect(body.error.code).toBe('too_many_requests');
    expect((await send(lead, path)).status).toBe(200);
  });

  it('answers 429 past the comments a minute, with the error shape, and stores nothing more', async () => {
    const flooder = await createPersonOn(server, { relation: 'partner', programId });
    const thread = await open(lead, 'Flood target');
    const statuses: number[] = [];
    for (let i = 0; i <= Limits.commentsPerMinute; i += 1)
      statuses.push(
        (await send(flooder, `/api/threads/${thread.id}/comments`, 'POST', { body: `#${i}` }))
          .status,
      );
    expect(statuses.filter((s) => s === 201)).toHaveLength(Limits.commentsPerMinute);
    const last = await send(flooder, `/api/threads/${thread.id}/comments`, 'POST', {
      body: 'more',
    });
    expect(last.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await refusal(last)).toMatchObject({ status: 429, code: 'too_many_requests' });
    const now = ThreadSchema.parse(await (await send(lead, `/api/threads/${thread.id}`)).json());
    expect(now.comments).toHaveLength(1 + Limits.commentsPerMinute);
    // Edits count too.
    const edit = await send(flooder, `/api/comments/${now.comments[1]!.id}`, 'PATCH', {
      body: 'e',
    });
    expect(edit.status).toBe(429);
  });

  it('holds the threads-a-minute limit under concurrent requests by one person', async () => {
    const hurried = await createPersonOn(server, { relation: 'lead', programId });
    const statuses = await Promise.all(
      Array.from({ length: Limits.threadsPerMinute + 5 }, (_, i) =>
        send(hurried, '/api/threads', 'POST', {
          subject: { kind: 'program', programId },
          body: `Burst ${i}`,
        }).then((r) => r.status),
      ),
    );
    expect(statuses.filter((s) => s === 201)).toHaveLength(Limits.threadsPerMinute);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const mine = (await list(lead)).threads.filter((t) => t.author.id === hurried.userId);
    expect(mine).toHaveLength(Limits.threadsPerMinute);
  });

  it('answers another program’s thread ids with 403 in every route, and unknown ids with 404', async () => {
    const admin = await createPersonOn(server, { role: 'admin' });
    const foreign = await open(admin, 'Not for the lead of another program', otherProgramId);
    const commentId = foreign.comments[0]!.id;
    const routes: [string, string, unknown?][] = [
      ['GET', `/api/threads/${foreign.id}`],
      ['POST', `/api/threads/${foreign.id}/comments`, { body: 'hi' }],
      ['POST', `/api/threads/${foreign.id}/resolve`],
      ['POST', `/api/threads/${foreign.id}/reopen`],
      ['PATCH', `/api/comments/${commentId}`, { body: 'hi' }],
      ['DELETE', `/api/comments/${commentId}`],
      ['GET', `/api/threads?kind=program&programId=${otherProgramId}`],
      ['GET', `/api/threads?kind=document&documentName=plan:${otherProgramId}`],
      ['GET', `/api/threads/anchors?kind=document&documentName=plan:${otherProgramId}`],
      ['GET', `/api/threads/mentionable?kind=program&programId=${otherProgramId}&q=no`],
      ['GET', `/api/threads/mentionable?kind=document&documentName=plan:${otherProgramId}&q=no`],
      [
        'POST',
        '/api/threads',
        { subject: { kind: 'program', programId: otherProgramId }, body: 'hi' },
      ],
      [
        'POST',
        '/api/threads',
        { subject: { kind: 'document', documentName: `plan:${otherProgramId}` }, body: 'hi' },
      ],
    ];
    for (const [method, path, body] of routes) {
      const res = await send(lead, path, method, body);
      const text = await res.text();
      expect({ path, method, status: res.status }).toEqual({ path, method, status: 403 });
      expect(text).not.toContain('Not for the lead');
    }
    for (const path of ['/api/threads/nosuchthread', '/api/threads/nosuchthread/resolve']) {
      const method = path.endsWith('resolve') ? 'POST' : 'GET';
      expect((await send(lead, path, method)).status).toBe(404);
    }
    expect((await send(lead, '/api/comments/nosuchcomment', 'DELETE')).status).toBe(404);
  });

  it('counts open threads on the plan for the program page', async () => {
    const res = await send(
      lead,
      `/api/threads?kind=document&documentName=plan:${programId}&state=open`,
    );
    const body = ThreadListSchema.parse(await res.json());
    expect(body).toMatchObject({ openCount: 0, canComment: true, threads: [] });
  });

  it('pages the list with limit and an opaque cursor, refusing bad ones by name', async () => {
    const admin = await createPersonOn(server, { role: 'admin' });
    for (const body of ['Page one', 'Page two', 'Page three'])
      await open(admin, body, otherProgramId);
    const base = `/api/threads?kind=program&programId=${otherProgramId}`;
    const all = ThreadListSchema.parse(await (await send(admin, `${base}&limit=100`)).json());
    expect(all.nextCursor).toBeNull();
    const ids: string[] = [];
    let cursor: string | null = null;
    do {
      const query: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
      const res = await send(admin, `${base}&limit=2${query}`);
      expect(res.status).toBe(200);
      const page = ThreadListSchema.parse(await res.json());
      expect(page.threads.length).toBeLessThanOrEqual(2);
      expect(page.openCount).toBe(all.openCount);
      ids.push(...page.threads.map((t) => t.id));
      cursor = page.nextCursor;
    } while (cursor !== null);
    expect(ids).toEqual(all.threads.map((t) => t.id));
    for (const [query, field] of [
      ['&limit=0', 'limit'],
      ['&limit=101', 'limit'],
      ['&limit=ten', 'limit'],
      ['&cursor=%25%25%25', 'cursor'],
      [`&cursor=${Buffer.from('2026-01-01T00:00:00.000Z').toString('base64url')}`, 'cursor'],
    ] as const)
      expect(await refusal(await send(admin, `${base}${query}`))).toMatchObject({
        status: 400,
        field,
      });
  });

  it("lists a plan's anchors compactly for readers, 403 for others without a word", async () => {
    const name = planDocumentName(programId);
    await server.app.collab.documents.change(name, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText('Secret passage of the plan.')]);
      const fragment = doc.getXmlFragment('default');
      fragment.insert(fragment.length, [paragraph]);
    });
    const copy = new Y.Doc();
    Y.applyUpdate(copy, (await server.app.collab.documents.state(name))!);
    const text = (copy.getXmlFragment('default').toArray().at(-1) as Y.XmlElement).get(
      0,
    ) as Y.XmlText;
    const b64 = (p: Y.RelativePosition) =>
      Buffer.from(Y.encodeRelativePosition(p)).toString('base64');
    const anchor = {
      start: b64(Y.createRelativePositionFromTypeIndex(text, 0)),
      end: b64(Y.createRelativePositionFromTypeIndex(text, 6, -1)),
    };
    const posted = await send(lead, '/api/threads', 'POST', {
      subject: { kind: 'document', documentName: name },
      anchor,
      body: 'Secret remark',
    });
    expect(posted.status).toBe(201);
    const thread = ThreadSchema.parse(await posted.json());
    const path = `/api/threads/anchors?kind=document&documentName=${name}`;
    const res = await send(partner, path);
    expect(res.status).toBe(200);
    const body: unknown = await res.json();
    expect(ThreadAnchorsSchema.parse(body).threads).toContainEqual({
      id: thread.id,
      state: 'open',
      anchor: { ...anchor, quote: 'Secret', state: 'attached' },
    });
    expect(JSON.stringify(body)).not.toContain('Secret remark');
    const refused = await send(outsider, path);
    expect(refused.status).toBe(403);
    const said = await refused.text();
    expect(said).not.toContain(thread.id);
    expect(said).not.toContain('Secret');
    expect((await send(lead, '/api/threads/anchors?kind=program')).status).toBe(400);
  });
});
