import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn } from '../helpers/people.js';
import { connectEditor, planText, typeParagraph, waitFor, editorPool } from '../helpers/collab.js';

describe.each(dialects)('document endpoint on %s', (dialect) => {
  let server: TestServer;
  let programId: string;
  const { open, destroyAll } = editorPool();
  beforeAll(async () => {
    server = await startServer({ dialect });
    programId = await aProgramId(server);
  });
  afterAll(async () => {
    destroyAll();
    await server?.close();
  });

  it('syncs the seeded template to a stock client and converges two editors', async () => {
    const name = planDocumentName(programId);
    const alice = await createPersonOn(server, { programId, relation: 'lead' });
    const bob = await createPersonOn(server, { programId, relation: 'partner' });
    const a = open(server, alice, name);
    const b = open(server, bob, name);
    await waitFor(() => a.provider.synced && b.provider.synced, 10_000, 'sync');
    expect(planText(a.doc)).toContain('Objectives');
    typeParagraph(a.doc, 'from alice');
    typeParagraph(b.doc, 'from bob');
    await waitFor(
      () => planText(a.doc) === planText(b.doc) && planText(a.doc).includes('from bob'),
    );
    expect(planText(b.doc)).toContain('from alice');
    expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));
    expect(planText(a.doc).match(/Objectives/g)).toHaveLength(1);
  });
});

describe('idle unload', () => {
  it('unloads a document after its last connection leaves and reloads it intact', async () => {
    const server = await startServer({ env: { MESA_COLLAB_IDLE_UNLOAD_SECONDS: '0' } });
    try {
      const programId = await aProgramId(server);
      const name = planDocumentName(programId);
      const person = await createPersonOn(server, { programId, relation: 'lead' });
      const first = connectEditor(server, person, name);
      await waitFor(() => first.provider.synced);
      typeParagraph(first.doc, 'kept across unload');
      await waitFor(() => server.app.collab.stats().documents === 1);
      await new Promise((r) => setTimeout(r, 50));
      first.destroy();
      await waitFor(() => server.app.collab.stats().documents === 0, 5000, 'unload');
      const second = connectEditor(server, person, name);
      await waitFor(
        () => second.provider.synced && planText(second.doc).includes('kept across unload'),
      );
      expect(planText(second.doc).match(/Objectives/g)).toHaveLength(1);
      second.destroy();
    } finally {
      await server.close();
    }
  });
});
