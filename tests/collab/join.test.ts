import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planDocumentName } from '@mesa/shared';
import { startServer } from '../helpers/server.js';
import { aProgramId, createPersonOn } from '../helpers/people.js';
import { editorPool, planText, typeParagraph, waitFor } from '../helpers/collab.js';

describe('joining a document that is not loaded yet', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-join-'));
  const { open, destroyAll } = editorPool();
  afterAll(() => {
    destroyAll();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('gives joiners who arrive together while it loads the stored plan, each once, and goes on live', async () => {
    const first = await startServer({ dataDir });
    const programId = await aProgramId(first);
    const name = planDocumentName(programId);
    const writer = await createPersonOn(first, { programId, relation: 'lead' });
    const viewer = await createPersonOn(first, { programId, relation: 'lead', role: 'viewer' });
    const author = open(first, writer, name, { ack: true });
    await waitFor(() => author.saved(), 10_000, 'first saved');
    author.doc.transact(() => {
      for (let i = 0; i < 300; i++) typeParagraph(author.doc, `stored line ${i}`);
    });
    await waitFor(() => author.saved(), 10_000, 'stored');
    const expected = planText(author.doc);
    author.destroy();
    await first.close();

    // A new process: the plan loads from the database for these joiners.
    const second = await startServer({ dataDir });
    try {
      const joiners = [
        open(second, writer, name, { ack: true }),
        open(second, viewer, name),
        open(second, writer, name),
      ];
      await waitFor(() => joiners.every((j) => j.provider.synced), 15_000, 'all synced');
      for (const j of joiners) expect(planText(j.doc)).toBe(expected);
      typeParagraph(joiners[0]!.doc, 'typed after the load');
      await waitFor(
        () => joiners.every((j) => planText(j.doc).includes('typed after the load')),
        10_000,
        'live after the load',
      );
      await waitFor(() => joiners[0]!.saved(), 10_000, 'saved');
      expect(joiners.flatMap((j) => j.closes)).toEqual([]);
    } finally {
      await second.close();
    }
  });
});
