import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDocumentName } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs } from '../helpers/people.js';
import { planText, typeParagraph, waitFor, editorPool } from '../helpers/collab.js';

describe('document size limit and deactivation', () => {
  let server: TestServer;
  let programId: string;
  let name: string;
  const { open, destroyAll } = editorPool();
  beforeAll(async () => {
    // 64 KiB: the template and a few lines fit, a 100 KB paste does not.
    server = await startServer({ env: { MESA_COLLAB_MAX_DOC_BYTES: String(64 * 1024) } });
    programId = await aProgramId(server);
    name = planDocumentName(programId);
  });
  afterAll(async () => {
    destroyAll();
    await server?.close();
  });

  it('closes with 4413 a change that would grow the document past its limit, and keeps the rest', async () => {
    const writer = await createPersonOn(server, { programId, relation: 'lead' });
    const a = open(server, writer, name);
    await waitFor(() => a.provider.synced);
    typeParagraph(a.doc, 'a line that fits');
    const witness = open(server, writer, name);
    await waitFor(
      () => witness.provider.synced && planText(witness.doc).includes('a line that fits'),
    );
    typeParagraph(a.doc, 'x'.repeat(100_000));
    await waitFor(() => a.closes.includes(4413), 5000, '4413');
    await new Promise((r) => setTimeout(r, 300));
    expect(planText(witness.doc)).not.toContain('x'.repeat(1000));
    const later = open(server, writer, name);
    await waitFor(() => later.provider.synced && planText(later.doc).includes('a line that fits'));
    expect(planText(later.doc)).not.toContain('x'.repeat(1000));
    a.destroy();
  });

  it('closes with 4401 the document connections of a person an admin deactivates', async () => {
    const admin = await createPersonOn(server, { role: 'admin' });
    const partner = await createPersonOn(server, { programId, relation: 'partner' });
    const p = open(server, partner, name);
    await waitFor(() => p.provider.synced);
    const res = await fetchAs(server, admin, `/api/users/${partner.userId}`, {
      method: 'PATCH',
      body: JSON.stringify({ active: false }),
    });
    expect(res.status).toBe(200);
    await waitFor(() => p.closes.includes(4401), 5000, '4401');
  });
});
