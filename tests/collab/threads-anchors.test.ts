import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { ErrorBodySchema, ThreadListSchema, planDocumentName, type Thread } from '@mesa/shared';
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
    quote,
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
});
