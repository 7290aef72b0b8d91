import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs } from '../helpers/people.js';

describe('GET /api/admin/metrics', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  it('refuses people who are not administrators (403) and anonymous requests (401)', async () => {
    const member = await createPersonOn(server, { role: 'member' });
    expect((await fetchAs(server, member, '/api/admin/metrics')).status).toBe(403);
    expect((await fetchAs(server, null, '/api/admin/metrics')).status).toBe(401);
  });

  it('gives an administrator loaded documents, connections, storage health and heap', async () => {
    const admin = await createPersonOn(server, { role: 'admin' });
    const res = await fetchAs(server, admin, '/api/admin/metrics');
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, unknown>;
    expect(Object.keys(body).sort()).toEqual([
      'connections',
      'heapUsed',
      'loadedDocuments',
      'storageFailing',
    ]);
    expect(body.storageFailing).toBe(false);
    expect(body.loadedDocuments).toBe(0);
    expect(body.connections).toBe(0);
    expect(body.heapUsed).toBeGreaterThan(0);
  });
});
