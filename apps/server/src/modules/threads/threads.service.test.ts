import * as Y from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  Limits,
  planDocumentName,
  workspaceRoom,
  type Thread,
  type ThreadSubject,
} from '@mesa/shared';
import { PLAN_FRAGMENT } from '@mesa/editor';
import type { Actor } from '../../authz/actor.js';
import { createPerson, firstProgramId, type PersonOverrides } from '../../testing/factories.js';
import { buildTestApp, recordEvents, type TestApp } from '../../testing/test-app.js';
import { validateSessionToken } from '../auth/index.js';
import { registerThreadSubject, type ResolvedSubject } from './subjects.js';
import { anchorQuote, encodePosition, locateAnchor, openAnchorDocument } from './anchors.js';
import { deleteComment, editComment } from './comment-edits.service.js';
import { mentionable } from './mentions.service.js';
import type { ThreadsDeps } from './thread-access.service.js';
import { createThread, replyToThread } from './thread-posting.service.js';
import { getThread, listThreadAnchors, listThreads } from './thread-reading.service.js';
import { reanchorDocumentThreads } from './thread-reanchor.service.js';
import { reopenThread, resolveThread } from './thread-resolution.service.js';

describe('threads service', () => {
  let t: TestApp;
  let deps: ThreadsDeps;
  let programId: string;
  let otherProgramId: string;
  let plan: string;
  const actors = new Map<string, Actor>();

  async function person(overrides: PersonOverrides = {}): Promise<Actor> {
    const p = await createPerson(t.app, { programId, ...overrides });
    const actor = await validateSessionToken(t.app.ctx, p.token);
    if (!actor) throw new Error('no session');
    actors.set(actor.userId, actor);
    return actor;
  }

  /** Appends a paragraph with `text` to a plan, as a connected editor would. */
  async function writeParagraph(name: string, text: string): Promise<void> {
    await t.app.collab.documents.change(name, (doc) => {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(text)]);
      const fragment = doc.getXmlFragment(PLAN_FRAGMENT);
      fragment.insert(fragment.length, [paragraph]);
    });
  }

  /** An anchor on the only occurrence of `quote` in the plan now. */
  async function anchorOn(name: string, quote: string) {
    const state = await t.app.collab.documents.state(name);
    const doc = openAnchorDocument(state!, PLAN_FRAGMENT);
    const found = anchorQuote(doc, quote);
    doc.destroy();
    if (!found) throw new Error(`"${quote}" is not once in the plan`);
    return found;
  }

  async function passageNow(thread: Thread) {
    const state = await t.app.collab.documents.state(plan);
    const doc = openAnchorDocument(state!, PLAN_FRAGMENT);
    const found = locateAnchor(doc, thread.anchor!.start, thread.anchor!.end);
    doc.destroy();
    return found?.text ?? null;
  }

  beforeAll(async () => {
    t = await buildTestApp();
    deps = { ctx: t.app.ctx, docs: t.app.collab.documents };
    programId = await firstProgramId(t.app);
    plan = planDocumentName(programId);
    const rows = await t.app.ctx.db.selectFrom('programs').select('id').execute();
    otherProgramId = rows.find((r) => r.id !== programId)!.id;
    await writeParagraph(plan, 'This indicator has no baseline yet.');
    await writeParagraph(planDocumentName(otherProgramId), 'Another plan entirely.');
  });
  afterAll(() => t.close());

  it('opens a thread on a passage of the plan, lists it attached, and follows edits', async () => {
    const lead = await person({ relation: 'lead' });
    const anchor = await anchorOn(plan, 'no baseline');
    const thread = await createThread(deps, lead, {
      subject: { kind: 'document', documentName: plan },
      anchor,
      body: 'Which year is the baseline?',
    });
    expect(thread.anchor).toEqual({ ...anchor, quote: 'no baseline', state: 'attached' });
    expect(thread.abilities).toEqual({ reply: true, resolve: true });
    await t.app.collab.documents.change(plan, (doc) => {
      const paragraph = doc.getXmlFragment(PLAN_FRAGMENT).toArray().at(-1) as Y.XmlElement;
      const text = paragraph.get(0) as Y.XmlText;
      const at = String(text.toString()).indexOf('baseline');
      text.insert(at, 'agreed ');
    });
    expect(await passageNow(thread)).toBe('no agreed baseline');
    const list = await listThreads(deps, lead, {
      kind: 'document',
      documentName: plan,
      state: 'open',
    });
    expect(list.threads.map((x) => x.id)).toContain(thread.id);
    expect(list.canComment).toBe(true);
    expect(list.openCount).toBeGreaterThanOrEqual(1);
  });

  it('marks a thread removed once its passage is deleted, keeping the quote', async () => {
    const lead = await person({ relation: 'lead' });
    await writeParagraph(plan, 'A sentence to be cut.');
    const anchor = await anchorOn(plan, 'to be cut');
    const thread = await createThread(deps, lead, {
      subject: { kind: 'document', documentName: plan },
      anchor,
      body: 'Cut this?',
    });
    await t.app.collab.documents.change(plan, (doc) => {
      const fragment = doc.getXmlFragment(PLAN_FRAGMENT);
      fragment.delete(fragment.length - 1, 1);
    });
    const now = await getThread(deps, lead, thread.id);
    expect(now.anchor).toEqual({ ...anchor, quote: 'to be cut', state: 'removed' });
  });

  it('refuses forged, foreign, reversed and missing anchors with 400 naming the field', async () => {
    const lead = await person({ relation: 'lead' });
    const subject = { kind: 'document' as const, documentName: plan };
    await writeParagraph(plan, 'Forgery target sentence.');
    const good = await anchorOn(plan, 'Forgery target');
    const foreign = await anchorOn(planDocumentName(otherProgramId), 'Another');
    const otherRoot = encodePosition(
      Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('elsewhere'), 0),
    );
    const unknownItem = Buffer.from(
      Y.encodeRelativePosition(
        Y.createRelativePositionFromJSON({ item: { client: 123456789, clock: 5 }, assoc: 0 }),
      ),
    ).toString('base64');
    const cases: [object | undefined, string][] = [
      [{ ...good, start: 'AAAAAAAAAAAA' }, 'anchor.start'],
      [{ ...good, start: Buffer.from('random bytes!').toString('base64') }, 'anchor.start'],
      [{ ...good, start: foreign.start }, 'anchor.start'],
      [{ ...good, end: unknownItem }, 'anchor.end'],
      [{ ...good, start: otherRoot }, 'anchor.start'],
      [{ ...good, start: good.end, end: good.start }, 'anchor.end'],
      [{ ...good, start: good.start, end: good.start }, 'anchor.end'],
      [undefined, 'anchor'],
    ];
    for (const [anchor, field] of cases) {
      await expect(
        createThread(deps, lead, { subject, anchor: anchor as never, body: 'x' }),
      ).rejects.toMatchObject({ statusCode: 400, field });
    }
    await expect(
      createThread(deps, lead, {
        subject: { kind: 'program', programId },
        anchor: good,
        body: 'x',
      }),
    ).rejects.toMatchObject({ statusCode: 400, field: 'anchor' });
  });

  it('keeps mentions of readers, writes others as plain text, and names only kept ones in the event', async () => {
    const lead = await person({ relation: 'lead', name: 'Lea Lead' });
    const partner = await person({ relation: 'partner', name: 'Pía Partner' });
    const outsider = await person({ relation: null, name: 'Otto Outsider' });
    const posted = recordEvents(t.app.events, 'comment.posted');
    const body = `Ask @[Pía](person:${partner.userId}) and @[Otto](person:${outsider.userId}) and @[me](person:${lead.userId})`;
    const thread = await createThread(deps, lead, {
      subject: { kind: 'program', programId },
      body,
    });
    expect(thread.comments[0]!.body).toBe(
      `Ask @[Pía](person:${partner.userId}) and @Otto and @[me](person:${lead.userId})`,
    );
    expect(thread.comments[0]!.mentions.map((m) => m.id)).toEqual([partner.userId, lead.userId]);
    expect(posted).toEqual([
      expect.objectContaining({
        threadId: thread.id,
        authorId: lead.userId,
        startsThread: true,
        mentionedIds: [partner.userId],
        participantIds: [],
        programId,
        excerpt: 'Ask @Pía and @Otto and @me',
      }),
    ]);
    await replyToThread(deps, partner, thread.id, 'Here.');
    expect(posted[1]).toMatchObject({ startsThread: false, participantIds: [lead.userId] });

    // An edit tells only the readers it mentions for the first time, and is no reply.
    const coordinator = await person({ relation: 'lead', coordinator: true, name: 'Cora' });
    await editComment(
      deps,
      lead,
      thread.comments[0]!.id,
      `${body} and @[Cora](person:${coordinator.userId}) and @[Otto](person:${outsider.userId})`,
    );
    expect(posted).toHaveLength(3);
    expect(posted[2]).toMatchObject({
      commentId: thread.comments[0]!.id,
      startsThread: false,
      mentionedIds: [coordinator.userId],
      participantIds: [],
    });
    await editComment(deps, lead, thread.comments[0]!.id, `Only @[Pía](person:${partner.userId})`);
    expect(posted).toHaveLength(3);
  });

  it('lets authors edit and delete their comments, admins delete any, others neither', async () => {
    const lead = await person({ relation: 'lead' });
    const partner = await person({ relation: 'partner' });
    const admin = await person({ role: 'admin' });
    const thread = await createThread(deps, lead, {
      subject: { kind: 'program', programId },
      body: 'First',
    });
    const commentId = thread.comments[0]!.id;
    await expect(editComment(deps, partner, commentId, 'Mine now')).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(deleteComment(deps, partner, commentId)).rejects.toMatchObject({
      statusCode: 403,
    });
    const edited = await editComment(deps, lead, commentId, 'First, edited');
    expect(edited.comments[0]).toMatchObject({ body: 'First, edited' });
    expect(edited.comments[0]!.editedAt).not.toBeNull();
    const deleted = await deleteComment(deps, admin, commentId);
    expect(deleted.comments[0]).toMatchObject({ body: null, mentions: [] });
    expect(deleted.comments[0]!.deletedAt).not.toBeNull();
    await expect(editComment(deps, lead, commentId, 'again')).rejects.toMatchObject({
      statusCode: 409,
    });
  });

  it('lets the author, coordinators and admins resolve and reopen, and nobody else', async () => {
    const lead = await person({ relation: 'lead' });
    const partner = await person({ relation: 'partner' });
    const coordinator = await person({ relation: 'lead', coordinator: true });
    const resolvedEvents = recordEvents(t.app.events, 'thread.resolved');
    const thread = await createThread(deps, lead, {
      subject: { kind: 'program', programId },
      body: 'Resolve me',
    });
    await expect(resolveThread(deps, partner, thread.id)).rejects.toMatchObject({
      statusCode: 403,
    });
    const resolved = await resolveThread(deps, coordinator, thread.id);
    expect(resolved).toMatchObject({ state: 'resolved', resolvedBy: { id: coordinator.userId } });
    await resolveThread(deps, lead, thread.id);
    expect(resolvedEvents).toHaveLength(1);
    expect((await reopenThread(deps, lead, thread.id)).state).toBe('open');
    // Two people resolving at once make one resolution, and one event.
    await Promise.all([
      resolveThread(deps, lead, thread.id),
      resolveThread(deps, coordinator, thread.id),
    ]);
    expect(resolvedEvents).toHaveLength(2);
  });

  it('refuses people without read access and viewers writing', async () => {
    const lead = await person({ relation: 'lead' });
    const outsider = await person({ relation: null });
    const viewer = await person({ role: 'viewer', relation: 'partner' });
    const thread = await createThread(deps, lead, {
      subject: { kind: 'program', programId },
      body: 'Private',
    });
    await expect(getThread(deps, outsider, thread.id)).rejects.toMatchObject({ statusCode: 403 });
    await expect(
      listThreads(deps, outsider, { kind: 'program', programId, state: 'all' }),
    ).rejects.toMatchObject({ statusCode: 403 });
    expect((await getThread(deps, viewer, thread.id)).abilities).toEqual({
      reply: false,
      resolve: false,
    });
    await expect(replyToThread(deps, viewer, thread.id, 'hi')).rejects.toMatchObject({
      statusCode: 403,
    });
    await expect(
      listThreads(deps, lead, { kind: 'roundProgram', roundId: 'r1', programId, state: 'all' }),
    ).rejects.toMatchObject({ statusCode: 404 });
    await expect(
      listThreads(deps, lead, { kind: 'document', documentName: 'minutes:m1', state: 'all' }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('accepts subjects of kinds other modules register at build (priority rounds)', async () => {
    const lead = await person({ relation: 'lead' });
    const viewer = await person({ role: 'viewer', relation: null });
    const subject = { kind: 'roundProgram' as const, roundId: 'round1', programId };
    registerThreadSubject('roundProgram', (_ctx, s) =>
      Promise.resolve(
        s.roundId === 'round1' ? openToEveryone(s, `${s.roundId}:${s.programId}`) : null,
      ),
    );
    const thread = await createThread(deps, lead, { subject, body: 'Rank it first' });
    expect(thread.subject).toEqual(subject);
    const seen = await listThreads(deps, viewer, { ...subject, state: 'all' });
    expect(seen).toMatchObject({ openCount: 1, canComment: false });
    await expect(
      listThreads(deps, lead, { ...subject, roundId: 'round2', state: 'all' }),
    ).rejects.toMatchObject({ statusCode: 404 });
  });

  it('answers 429 past the per-minute limits and stores nothing', async () => {
    const lead = await person({ relation: 'lead' });
    const subject = { kind: 'program' as const, programId };
    for (let i = 0; i < Limits.threadsPerMinute; i += 1)
      await createThread(deps, lead, { subject, body: `Thread ${i}` });
    const before = await listThreads(deps, lead, { ...subject, state: 'all' });
    await expect(createThread(deps, lead, { subject, body: 'One too many' })).rejects.toMatchObject(
      { statusCode: 429 },
    );
    const after = await listThreads(deps, lead, { ...subject, state: 'all' });
    expect(after.threads.length).toBe(before.threads.length);
  });

  it('suggests only active readers matching two characters, accent-insensitively, at most eight', async () => {
    const lead = await person({ relation: 'lead' });
    await person({ relation: 'observer', name: 'Zoë Observer' });
    await person({ relation: null, name: 'Zoe Outsider' });
    for (let i = 0; i < 10; i += 1) await person({ relation: 'partner', name: `Zeta ${i}` });
    const found = await mentionable(deps, lead, { kind: 'program', programId, q: 'zoe' });
    expect(found.people.map((p) => p.name)).toEqual(['Zoë Observer']);
    const many = await mentionable(deps, lead, { kind: 'program', programId, q: 'ze' });
    expect(many.people).toHaveLength(8);
  });

  it('suggests people a word of whose name starts with what was typed; an organization narrows, never matches alone', async () => {
    const lead = await person({ relation: 'lead' });
    const quirina = await person({ relation: 'partner', name: 'Quirina Ávalos' });
    await person({ relation: 'partner', name: 'Pedro Quirós-Ñandú' });
    await person({ relation: 'partner', name: 'Xquir Inside' });
    await t.app.ctx.db
      .updateTable('organizations')
      .set({ short_name_en: 'Qwerty Org', short_name_es: 'Qwertz Org' })
      .where('id', '=', quirina.organizationId)
      .execute();
    const names = async (q: string) =>
      (await mentionable(deps, lead, { kind: 'program', programId, q })).people.map((p) => p.name);
    // Names starting with it first; a word inside a name counts, a middle of a word does not.
    expect(await names('quir')).toEqual(['Quirina Ávalos', 'Pedro Quirós-Ñandú']);
    expect(await names('ÁVAL')).toEqual(['Quirina Ávalos']);
    expect(await names('nandu')).toEqual(['Pedro Quirós-Ñandú']);
    expect(await names('qwerty')).toEqual([]);
    expect(await names('quir qwertz')).toEqual(['Quirina Ávalos']);
    expect(await names('q%')).toEqual([]);
  });

  it(`answers 429 past ${Limits.mentionSuggestionsPerMinute} suggestion requests a minute`, async () => {
    const asker = await person({ relation: 'partner' });
    const ask = () => mentionable(deps, asker, { kind: 'program', programId, q: 'zz' });
    for (let i = 0; i < Limits.mentionSuggestionsPerMinute; i += 1) await ask();
    await expect(ask()).rejects.toMatchObject({ statusCode: 429, code: 'too_many_requests' });
    // The limit is the asker's own: someone else is still answered.
    const other = await person({ relation: 'partner' });
    await expect(
      mentionable(deps, other, { kind: 'program', programId, q: 'zz' }),
    ).resolves.toEqual({ people: [] });
  });

  it('re-anchors threads whose quote occurs once in a restored version, and marks the others', async () => {
    const lead = await person({ relation: 'lead' });
    await writeParagraph(plan, 'Unique passage here. Twice twice.');
    const unique = await createThread(deps, lead, {
      subject: { kind: 'document', documentName: plan },
      anchor: await anchorOn(plan, 'Unique passage'),
      body: 'On the unique passage',
    });
    const state = await t.app.collab.documents.state(plan);
    // Restoring: the plan's content is replaced by a copy of itself plus a repeated quote.
    await t.app.collab.documents.change(plan, (doc) => {
      const fragment = doc.getXmlFragment(PLAN_FRAGMENT);
      const old = new Y.Doc();
      Y.applyUpdate(old, state!);
      const nodes = old
        .getXmlFragment(PLAN_FRAGMENT)
        .toArray()
        .map((n) => (n as Y.XmlElement).clone());
      fragment.delete(0, fragment.length);
      fragment.insert(0, nodes);
    });
    expect((await getThread(deps, lead, unique.id)).anchor?.state).toBe('removed');
    const anchored = recordEvents(t.app.events, 'thread.changed');
    await reanchorDocumentThreads(deps, plan);
    const now = await getThread(deps, lead, unique.id);
    expect(now.anchor?.state).toBe('attached');
    expect(await passageNow(now)).toBe('Unique passage');
    expect(anchored).toContainEqual({ threadId: unique.id, change: 'anchored' });
  });

  it('pages threads newest first by cursor, ties on the same instant included, none twice', async () => {
    const lead = await person({ programId: otherProgramId, relation: 'lead' });
    const other = await person({ programId: otherProgramId, relation: 'partner' });
    const subject = { kind: 'program' as const, programId: otherProgramId };
    const now = t.app.ctx.now;
    const instant = new Date('2026-01-05T10:00:00.000Z');
    try {
      // Three threads opened on the same instant, two later ones.
      t.app.ctx.now = () => instant;
      for (const body of ['a', 'b', 'c']) await createThread(deps, other, { subject, body });
    } finally {
      t.app.ctx.now = now;
    }
    for (const body of ['d', 'e']) await createThread(deps, other, { subject, body });
    const all = await listThreads(deps, lead, { ...subject, state: 'all', limit: 100 });
    expect(all.nextCursor).toBeNull();
    const paged: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await listThreads(deps, lead, { ...subject, state: 'all', limit: 2, cursor });
      expect(page.threads.length).toBeLessThanOrEqual(2);
      expect(page.openCount).toBe(all.openCount);
      paged.push(...page.threads.map((th) => th.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor !== undefined);
    expect(paged).toEqual(all.threads.map((th) => th.id));
    expect(new Set(paged).size).toBe(paged.length);
    expect(pages).toBe(Math.ceil(all.threads.length / 2));
    const keys = all.threads.map((th) => `${th.createdAt} ${th.id}`);
    expect(keys).toEqual([...keys].sort().reverse());
    expect(all.threads.filter((th) => th.createdAt === instant.toISOString())).toHaveLength(3);
  });

  it('refuses a cursor this list never gave with 400 naming cursor', async () => {
    const lead = await person({ relation: 'lead' });
    const forged = Buffer.from('not a date\nx', 'utf8').toString('base64url');
    for (const cursor of ['!!!', 'abc', forged, Buffer.from('a\nb\nc').toString('base64url')])
      await expect(
        listThreads(deps, lead, { kind: 'program', programId, state: 'all', cursor }),
      ).rejects.toMatchObject({ statusCode: 400, field: 'cursor' });
  });

  it("lists a document's anchors compactly for its readers only", async () => {
    const lead = await person({ relation: 'lead' });
    const outsider = await person({ relation: null });
    await writeParagraph(plan, 'Highlight this sentence please.');
    const thread = await createThread(deps, lead, {
      subject: { kind: 'document', documentName: plan },
      anchor: await anchorOn(plan, 'Highlight this'),
      body: 'A highlight',
    });
    await resolveThread(deps, lead, thread.id);
    const { threads } = await listThreadAnchors(deps, lead, {
      kind: 'document',
      documentName: plan,
    });
    expect(threads).toContainEqual({ id: thread.id, state: 'resolved', anchor: thread.anchor });
    for (const ref of threads) expect(Object.keys(ref).sort()).toEqual(['anchor', 'id', 'state']);
    await expect(
      listThreadAnchors(deps, outsider, { kind: 'document', documentName: plan }),
    ).rejects.toMatchObject({ statusCode: 403 });
  });
});

/**
 * A test subject every signed-in person reads and members comment on, standing in for a kind
 * another module registers (the real round lines decide through the round's abilities).
 */
function openToEveryone(subject: ThreadSubject, key: string): ResolvedSubject {
  return {
    subject,
    key,
    programId: null,
    room: workspaceRoom(),
    document: null,
    abilities: (actor) =>
      Promise.resolve({
        read: true,
        comment: actor.role !== 'viewer',
        moderate: actor.role === 'admin',
        administer: actor.role === 'admin',
      }),
    readersAmong: (people) => Promise.resolve([...people]),
  };
}
