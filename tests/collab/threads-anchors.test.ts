import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  Limits,
  ThreadListSchema,
  planDocumentName,
  type Thread,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import {
  collabSuite,
  connectEditor,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
} from '../helpers/collab.js';
import type { TestServer } from '../helpers/server.js';

const b64 = (position: Y.RelativePosition) =>
  Buffer.from(Y.encodeRelativePosition(position)).toString('base64');

/** The paragraph (its XmlText) of a client's plan whose text contains `needle`. */
function textWith(doc: Y.Doc, needle: string): Y.XmlText {
  for (const node of doc.getXmlFragment('default').toArray()) {
    if (!(node instanceof Y.XmlElement)) continue;
    const text = node.get(0);
    if (text instanceof Y.XmlText && text.toJSON().includes(needle)) return text;
  }
  throw new Error(`no paragraph holds "${needle}"`);
}

/**
 * An anchor on `quote` as an editor computes it: relative positions of its own synced doc, the
 * start on the passage's first character, the end on its last (assoc -1), so text typed just
 * before or just after the passage stays outside it.
 */
function anchorIn(doc: Y.Doc, quote: string) {
  const text = textWith(doc, quote);
  const at = text.toJSON().indexOf(quote);
  return {
    start: b64(Y.createRelativePositionFromTypeIndex(text, at)),
    end: b64(Y.createRelativePositionFromTypeIndex(text, at + quote.length, -1)),
  };
}

/** The text a thread's anchor covers now in a client's copy of the plan. */
function passageIn(doc: Y.Doc, thread: Thread): string {
  const start = Y.createAbsolutePositionFromRelativePosition(
    Y.decodeRelativePosition(Buffer.from(thread.anchor!.start, 'base64')),
    doc,
  );
  const end = Y.createAbsolutePositionFromRelativePosition(
    Y.decodeRelativePosition(Buffer.from(thread.anchor!.end, 'base64')),
    doc,
  );
  if (!start || !end || start.type !== end.type) return '';
  return (start.type as Y.XmlText).toJSON().slice(start.index, end.index);
}

async function postThread(server: TestServer, who: TestPerson, programId: string, anchor: object) {
  return fetchAs(server, who, '/api/threads', {
    method: 'POST',
    body: JSON.stringify({
      subject: { kind: 'document', documentName: planDocumentName(programId) },
      anchor,
      body: 'About this passage',
    }),
  });
}

async function listing(server: TestServer, who: TestPerson, programId: string) {
  const res = await fetchAs(
    server,
    who,
    `/api/threads?kind=document&documentName=plan:${programId}`,
  );
  return ThreadListSchema.parse(await res.json());
}

describe.each(dialects)('thread anchors in a live plan on %s', (dialect) => {
  const suite = collabSuite(dialect);

  it('follows concurrent edits around and inside the passage, marks it removed when deleted, and re-anchors on restore', async () => {
    const { server, programId, editors } = suite;
    const name = planDocumentName(programId);
    const alice = await createPersonOn(server, { programId, relation: 'lead' });
    const bob = await createPersonOn(server, { programId, relation: 'partner' });
    const olga = await createPersonOn(server, { programId, relation: 'observer' });
    const a = connectEditor(server, alice, name, { ack: true });
    const b = connectEditor(server, bob, name, { ack: true });
    const o = connectEditor(server, olga, name);
    editors.push(a, b, o);
    const converged = (...eds: TestEditor[]) =>
      eds.every((e) => planText(e.doc) === planText(a.doc) && e.provider.synced);
    await waitFor(() => a.provider.synced && b.provider.synced && o.provider.synced);
    typeParagraph(a.doc, 'The indicator has no baseline for 2025 at all.');
    await waitFor(() => a.saved() && converged(b, o));

    // An observer comments (they cannot edit the plan): the anchor lives on the server.
    const onPassage = await postThread(server, olga, programId, anchorIn(o.doc, 'no baseline'));
    expect(onPassage.status).toBe(201);
    const onYear = await postThread(server, olga, programId, anchorIn(o.doc, 'for 2025'));
    expect(onYear.status).toBe(201);

    // Concurrently: Alice types before and after the passage, Bob inside it.
    const at = (doc: Y.Doc, needle: string) => textWith(doc, needle).toJSON().indexOf(needle);
    textWith(a.doc, 'The indicator').insert(0, 'Note: ');
    textWith(b.doc, 'no baseline').insert(at(b.doc, 'baseline'), 'agreed ');
    textWith(a.doc, 'at all').insert(at(a.doc, ' at all'), ' (2024 data)');
    await waitFor(() => a.saved() && b.saved() && converged(b, o), 10_000, 'convergence');
    expect(planText(o.doc)).toContain(
      'Note: The indicator has no agreed baseline for 2025 (2024 data) at all.',
    );

    let threads = (await listing(server, olga, programId)).threads;
    const passage = threads.find((t) => t.anchor?.quote === 'no baseline')!;
    const year = threads.find((t) => t.anchor?.quote === 'for 2025')!;
    expect(passage.anchor?.state).toBe('attached');
    expect(year.anchor?.state).toBe('attached');
    expect(passageIn(o.doc, passage)).toBe('no agreed baseline');
    expect(passageIn(o.doc, year)).toBe('for 2025');

    // A version with the edited passage, to restore later.
    const versions = `/api/programs/${programId}/plan/versions`;
    const saved = await fetchAs(server, alice, versions, {
      method: 'POST',
      body: JSON.stringify({ name: 'Before the cut' }),
    });
    const { version } = (await saved.json()) as { version: { id: string } };

    // Bob deletes the passage: the thread stays, marked removed, with its quote.
    const bobText = textWith(b.doc, 'no agreed baseline');
    bobText.delete(at(b.doc, 'no agreed baseline'), 'no agreed baseline'.length);
    await waitFor(() => b.saved() && converged(b, o));
    threads = (await listing(server, olga, programId)).threads;
    expect(threads.find((t) => t.id === passage.id)?.anchor).toMatchObject({
      quote: 'no baseline',
      state: 'removed',
    });
    expect(threads.find((t) => t.id === year.id)?.anchor?.state).toBe('attached');

    // Restoring re-anchors the thread whose quote occurs once in the restored text; the other
    // one's quote ("no baseline") is not there, so it stays removed.
    const restored = await fetchAs(server, alice, `${versions}/${version.id}/restore`, {
      method: 'POST',
    });
    expect(restored.status).toBe(204);
    await waitFor(() => planText(o.doc).includes('no agreed baseline'));
    threads = (await listing(server, olga, programId)).threads;
    const yearNow = threads.find((t) => t.id === year.id)!;
    expect(yearNow.anchor?.state).toBe('attached');
    expect(passageIn(o.doc, yearNow)).toBe('for 2025');
    expect(yearNow.anchor?.start).not.toBe(year.anchor?.start);
    expect(threads.find((t) => t.id === passage.id)?.anchor?.state).toBe('removed');
  });

  it('refuses forged and foreign anchors with 400 naming the field', async () => {
    const { server, programId, editors } = suite;
    const rows = await server.app.ctx.db.selectFrom('programs').select('id').execute();
    const otherId = rows.find((r) => r.id !== programId)!.id;
    const lead = await createPersonOn(server, { programId, relation: 'lead' });
    await createPersonOn(server, { programId: otherId, relation: 'lead' });
    const here = connectEditor(server, lead, planDocumentName(programId), { ack: true });
    const otherLead = await createPersonOn(server, { programId: otherId, relation: 'lead' });
    const there = connectEditor(server, otherLead, planDocumentName(otherId), { ack: true });
    editors.push(here, there);
    await waitFor(() => here.provider.synced && there.provider.synced);
    typeParagraph(here.doc, 'A passage of this plan.');
    typeParagraph(there.doc, 'A passage of another plan.');
    await waitFor(() => here.saved() && there.saved());
    const good = anchorIn(here.doc, 'this plan');
    const foreign = anchorIn(there.doc, 'another plan');
    // Typed locally and never sent: the server does not hold it.
    here.provider.disconnect();
    typeParagraph(here.doc, 'Unsaved words.');
    const unsaved = anchorIn(here.doc, 'Unsaved');
    const before = (await listing(server, lead, programId)).threads.length;
    const random = Buffer.from(crypto.getRandomValues(new Uint8Array(24))).toString('base64');
    const cases: [object, string][] = [
      [{ ...good, start: random }, 'anchor.start'],
      [{ ...good, start: foreign.start, end: foreign.end }, 'anchor.start'],
      [{ ...good, start: good.end, end: good.start }, 'anchor.end'],
      [{ ...good, start: unsaved.start }, 'anchor.start'],
      [{ ...good, end: unsaved.end }, 'anchor.end'],
    ];
    for (const [anchor, field] of cases) {
      const res = await postThread(server, lead, programId, anchor);
      const body = ErrorBodySchema.parse(await res.json());
      expect({ status: res.status, field: body.error.field }).toEqual({ status: 400, field });
    }
    expect((await listing(server, lead, programId)).threads).toHaveLength(before);
    expect((await postThread(server, lead, programId, good)).status).toBe(201);
  });

  it("stores the quote the server reads from its copy of the plan, never the client's", async () => {
    const { server, programId, editors } = suite;
    const lead = await createPersonOn(server, { programId, relation: 'lead' });
    const here = connectEditor(server, lead, planDocumentName(programId), { ack: true });
    editors.push(here);
    await waitFor(() => here.provider.synced);
    typeParagraph(here.doc, 'The budget is 40000 dollars.');
    typeParagraph(here.doc, '   ');
    typeParagraph(here.doc, 'x'.repeat(Limits.anchorQuoteMaxLength + 1));
    await waitFor(() => here.saved());
    const good = anchorIn(here.doc, '40000 dollars');
    const before = (await listing(server, lead, programId)).threads.length;

    // A client that claims the passage says something else is refused, and nothing is stored.
    const forged = await postThread(server, lead, programId, { ...good, quote: '4 dollars' });
    expect(forged.status).toBe(400);
    expect(ErrorBodySchema.parse(await forged.json()).error.code).toBe('validation_failed');
    // A passage of white space only, or past the quote limit, is refused naming the anchor.
    const blank = textWith(here.doc, '   ');
    const long = textWith(here.doc, 'xxx');
    const span = (text: Y.XmlText, length: number) => ({
      start: b64(Y.createRelativePositionFromTypeIndex(text, 0)),
      end: b64(Y.createRelativePositionFromTypeIndex(text, length, -1)),
    });
    for (const anchor of [span(blank, 3), span(long, Limits.anchorQuoteMaxLength + 1)]) {
      const res = await postThread(server, lead, programId, anchor);
      const body = ErrorBodySchema.parse(await res.json());
      expect({ status: res.status, field: body.error.field }).toEqual({
        status: 400,
        field: 'anchor',
      });
    }
    expect((await listing(server, lead, programId)).threads).toHaveLength(before);

    const created = await postThread(server, lead, programId, good);
    expect(created.status).toBe(201);
    const thread = (await created.json()) as Thread;
    expect(thread.anchor?.quote).toBe('40000 dollars');
  });

  it('re-anchors on restore a quote spanning a hard line break or an empty paragraph', async () => {
    const { server, programId, editors } = suite;
    const name = planDocumentName(programId);
    const alice = await createPersonOn(server, { programId, relation: 'lead' });
    const a = connectEditor(server, alice, name, { ack: true });
    editors.push(a);
    await waitFor(() => a.provider.synced);
    // A paragraph with a hard line break (Shift+Enter), then an empty paragraph, as Tiptap
    // stores them.
    const fragment = a.doc.getXmlFragment('default');
    const broken = new Y.XmlElement('paragraph');
    const first = new Y.XmlText('Targets for the first year');
    const second = new Y.XmlText('and the second one.');
    broken.insert(0, [first, new Y.XmlElement('hardBreak'), second]);
    const closing = new Y.XmlElement('paragraph');
    const last = new Y.XmlText('Closing remarks here.');
    closing.insert(0, [last]);
    fragment.push([broken, new Y.XmlElement('paragraph'), closing]);
    await waitFor(() => a.saved());

    const across = (from: Y.XmlText, at: number, to: Y.XmlText, end: number) => ({
      start: b64(Y.createRelativePositionFromTypeIndex(from, at)),
      end: b64(Y.createRelativePositionFromTypeIndex(to, end, -1)),
    });
    const onBreak = await postThread(server, alice, programId, across(first, 16, second, 7));
    const onEmpty = await postThread(server, alice, programId, across(second, 8, last, 7));
    expect([onBreak.status, onEmpty.status]).toEqual([201, 201]);
    const breakThread = (await onBreak.json()) as Thread;
    const emptyThread = (await onEmpty.json()) as Thread;
    expect(breakThread.anchor?.quote).toBe('first year\nand the');
    expect(emptyThread.anchor?.quote).toBe('second one.\nClosing');

    const versions = `/api/programs/${programId}/plan/versions`;
    const saved = await fetchAs(server, alice, versions, {
      method: 'POST',
      body: JSON.stringify({ name: 'With the break' }),
    });
    const { version } = (await saved.json()) as { version: { id: string } };
    fragment.delete(0, fragment.length);
    await waitFor(() => a.saved());
    let threads = (await listing(server, alice, programId)).threads;
    const stateOf = (id: string) => threads.find((t) => t.id === id)?.anchor?.state;
    expect([stateOf(breakThread.id), stateOf(emptyThread.id)]).toEqual(['removed', 'removed']);

    const restored = await fetchAs(server, alice, `${versions}/${version.id}/restore`, {
      method: 'POST',
    });
    expect(restored.status).toBe(204);
    await waitFor(() => planText(a.doc).includes('Closing remarks'));
    threads = (await listing(server, alice, programId)).threads;
    expect([stateOf(breakThread.id), stateOf(emptyThread.id)]).toEqual(['attached', 'attached']);
    const now = threads.find((t) => t.id === breakThread.id)!;
    expect(now.anchor?.start).not.toBe(breakThread.anchor?.start);
    expect(now.anchor?.quote).toBe('first year\nand the');
  });
});
