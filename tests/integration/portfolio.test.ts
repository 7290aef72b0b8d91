import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  ProgramReplySchema,
  ProgramSchema,
  ComponentSchema,
  OrganizationSchema,
  listOf,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

describe.each(dialects)('portfolio on %s', (dialect) => {
  let server: TestServer;
  let member: TestPerson;
  const get = (path: string) => fetchAs(server, member, path);
  beforeAll(async () => {
    server = await startServer({ dialect });
    member = await createPersonOn(server, {
      role: 'member',
      relation: 'lead',
      programId: await aProgramId(server),
    });
  });
  afterAll(async () => server?.close());

  it('reports healthy when the database answers', async () => {
    const res = await fetch(`${server.url}/api/health`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok' });
  });

  it('lists the four components in order with both languages', async () => {
    const body = listOf(ComponentSchema).parse(await (await get('/api/components')).json());
    expect(body.data.map((c) => c.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(body.data[1]).toMatchObject({
      titleEn: 'Violence prevention',
      titleEs: 'Prevención de la violencia',
    });
  });

  it('seeds the documented programs and never guesses what the sources do not give', async () => {
    const body = listOf(ProgramSchema).parse(await (await get('/api/programs')).json());
    expect(body.data).toHaveLength(11);
    const ba1 = body.data.find((p) => p.code === 'BA1');
    expect(ba1).toMatchObject({
      componentId: 'B',
      priority: false,
      status: null,
      leadOrganizationIds: [],
      countries: [],
      estimatedCost: null,
    });
    const inferred = body.data.filter((p) => p.confidence === 'inferred');
    expect(inferred).toHaveLength(3);
    expect(inferred.every((p) => p.code === null)).toBe(true);
    expect(body.data.filter((p) => p.priority)).toHaveLength(7);
  });

  it('opens one program by id and answers 404 with the error shape for an unknown id', async () => {
    const list = listOf(ProgramSchema).parse(await (await get('/api/programs')).json());
    const first = list.data.find((p) => p.abilities.read)!;
    const one = ProgramReplySchema.parse(await (await get(`/api/programs/${first.id}`)).json());
    expect(one.program).toEqual(first);
    const missing = await get('/api/programs/doesnotexist');
    expect(missing.status).toBe(404);
    expect(ErrorBodySchema.parse(await missing.json()).error.code).toBe('not_found');
  });

  it('answers 400 naming the parameter for a malformed id', async () => {
    const res = await get(`/api/programs/${encodeURIComponent('bad id!')}`);
    expect(res.status).toBe(400);
    const body = ErrorBodySchema.parse(await res.json());
    expect(body.error.message).toContain('id');
  });

  it('seeds the organizations in English and Spanish, including the SICA General Secretariat', async () => {
    const body = listOf(OrganizationSchema).parse(await (await get('/api/organizations')).json());
    expect(body.data.filter((o) => o.kind === 'sica_secretariat').map((o) => o.name)).toEqual([
      { en: 'SICA General Secretariat', es: 'Secretaría General del SICA' },
    ]);
    expect(body.data.filter((o) => o.kind === 'sica_member')).toHaveLength(8);
    const idb = body.data.find((o) => o.name.en === 'Inter-American Development Bank');
    expect(idb).toMatchObject({
      name: { es: 'Banco Interamericano de Desarrollo' },
      shortName: { en: 'IDB', es: 'BID' },
    });
  });

  it('refuses a state-changing request from a foreign origin with 403', async () => {
    const res = await fetch(`${server.url}/api/programs`, {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('foreign_origin');
  });

  it('answers unknown API routes with the JSON error shape, never HTML', async () => {
    const res = await get('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/json');
  });
});
