import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { createPersonOn } from '../helpers/people.js';
import { connectEditor, planText, waitFor, collabSuite } from '../helpers/collab.js';

describe.each(dialects)('convergence on %s', (dialect) => {
  const suite = collabSuite(dialect);
  // Each stock WebsocketProvider adds a process 'exit' listener until it is destroyed; twenty
  // at once are expected here, not a leak (Node warns from eleven).
  const listenerLimit = process.getMaxListeners();
  beforeAll(() => process.setMaxListeners(40));
  afterAll(() => process.setMaxListeners(listenerLimit));

  it('converges 20 concurrent editors to identical state vectors, acknowledging what is stored', async () => {
    const { server, programId, editors } = suite;
    const name = planDocumentName(programId);
    for (let i = 0; i < 20; i++) {
      const person = await createPersonOn(server, { programId, relation: 'partner' });
      editors.push(connectEditor(server, person, name, { ack: i === 0 }));
    }
    await waitFor(() => editors.every((e) => e.provider.synced), 15_000, 'all synced');
    for (let round = 0; round < 5; round++)
      editors.forEach((e, i) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(`editor ${i} round ${round}`)]);
        e.doc.getXmlFragment('default').insert(0, [p]);
      });
    const first = editors[0]!;
    await waitFor(
      () => {
        const sv = Y.encodeStateVector(first.doc);
        return editors.every((e) => Buffer.from(Y.encodeStateVector(e.doc)).equals(sv));
      },
      15_000,
      'identical state vectors',
    );
    const text = planText(first.doc);
    expect(editors.every((e) => planText(e.doc) === text)).toBe(true);
    for (let i = 0; i < 20; i++) expect(text).toContain(`editor ${i} round 4`);
    // The first editor's every update message is confirmed as durable.
    await waitFor(() => first.saved() && first.count.sent > 0, 10_000, 'saved');
  });
});
