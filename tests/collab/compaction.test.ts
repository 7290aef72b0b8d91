import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { createPersonOn } from '../helpers/people.js';
import { connectEditor, planText, waitFor, collabSuite } from '../helpers/collab.js';

// More than COMPACT_AFTER_ROWS (500) separately stored changes: compaction runs after the
// relay, off the hot path, while editing goes on; nothing may be lost or duplicated.
describe.each(dialects)('compaction on %s', (dialect) => {
  const suite = collabSuite(dialect);

  // PostgreSQL serves several nodes: a row another node stored may not have reached this one's
  // memory yet, and compaction must merge it in. On SQLite one process writes every row and
  // holds it in memory, so compaction replaces the rows with that state without reading them.
  const severalNodes = dialect === 'postgres';

  it('merges rows past the threshold while edits keep arriving, losing none, not even rows another node stored', async () => {
    const { server, programId, editors } = suite;
    const name = planDocumentName(programId);
    const person = await createPersonOn(server, { programId, relation: 'partner' });
    const editor = connectEditor(server, person, name);
    editors.push(editor);
    await waitFor(() => editor.provider.synced, 10_000, 'synced');
    const text = new Y.XmlText();
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [text]);
    editor.doc.getXmlFragment('default').insert(0, [paragraph]);
    // A change stored by another node that this node's document never saw: compaction must
    // merge it in, not delete it.
    const elsewhere = new Y.Doc();
    const other = new Y.XmlElement('paragraph');
    other.insert(0, [new Y.XmlText('stored by another node')]);
    elsewhere.getXmlFragment('default').insert(0, [other]);
    if (severalNodes)
      await server.app.ctx.db
        .insertInto('document_updates')
        .values({
          document: name,
          update: Y.encodeStateAsUpdate(elsewhere),
          created_at: new Date().toISOString(),
        })
        .execute();
    for (let i = 0; i < 700; i++) {
      text.insert(text.length, `${i % 10}`);
      // One message per change (separate rows), under the 200 messages/s limit.
      if (i % 5 === 4) await new Promise((r) => setTimeout(r, 40));
    }
    const rows = () =>
      server.app.ctx.db
        .selectFrom('document_updates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('document', '=', name)
        .executeTakeFirstOrThrow();
    const expected = planText(editor.doc);
    await waitFor(async () => Number((await rows()).n) < 300, 10_000, 'compacted');
    // What is stored, merged, is exactly the editor's document.
    const stored = async () => {
      const all = await server.app.ctx.db
        .selectFrom('document_updates')
        .select('update')
        .where('document', '=', name)
        .orderBy('id')
        .execute();
      const doc = new Y.Doc();
      Y.applyUpdate(doc, Y.mergeUpdates(all.map((r) => r.update)));
      return planText(doc);
    };
    // Stored, merged: exactly the editor's document, plus the other node's row on PostgreSQL.
    const reference = new Y.Doc();
    Y.applyUpdate(reference, Y.encodeStateAsUpdate(editor.doc));
    if (severalNodes) Y.applyUpdate(reference, Y.encodeStateAsUpdate(elsewhere));
    const want = planText(reference);
    await waitFor(async () => (await stored()) === want, 10_000, 'stored state');
    expect(expected).toContain('0123456789'.repeat(70));
    expect(want.includes('stored by another node')).toBe(severalNodes);
  });
});
