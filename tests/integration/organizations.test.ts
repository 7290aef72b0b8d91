import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ErrorBodySchema,
  InvitationCreatedReplySchema,
  InvitationPreviewSchema,
  OrganizationSchema,
  PersonSchema,
  ProgramReplySchema,
  listOf,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error;
let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter += 1)}`;

describe.each(dialects)('organization names in both languages on %s', (dialect) => {
  let server: TestServer;
  let admin: TestPerson;
  beforeAll(async () => {
    server = await startServer({ dialect });
    admin = await createPersonOn(server, { role: 'admin' });
  });
  afterAll(async () => server?.close());

  const send = (method: string, path: string, body: unknown, as: TestPerson = admin) =>
    fetchAs(server, as, path, { method, body: JSON.stringify(body) });
  const organizations = async () =>
    listOf(OrganizationSchema).parse(
      await (await fetchAs(server, admin, '/api/organizations')).json(),
    ).data;
  const names = (en: string, es: string) => ({
    name: { en, es },
    shortName: { en: `${en[0]}-en`, es: `${es[0]}-es` },
  });

  it('creates an organization with its names in English and Spanish and lists both', async () => {
    const id = unique();
    const res = await send('POST', '/api/organizations', {
      ...names(`Peace Fund ${id}`, `Fondo para la Paz ${id}`),
      kind: 'multilateral',
    });
    expect(res.status).toBe(201);
    const listed = (await organizations()).find((o) => o.name.en === `Peace Fund ${id}`);
    expect(listed).toMatchObject({
      name: { en: `Peace Fund ${id}`, es: `Fondo para la Paz ${id}` },
      shortName: { en: 'P-en', es: 'F-es' },
    });
  });

  it('refuses a missing or blank Spanish name with 400 naming the field, and creates nothing', async () => {
    const id = unique();
    const before = (await organizations()).length;
    const blank = await send('POST', '/api/organizations', {
      name: { en: `Only English ${id}`, es: '   ' },
      shortName: { en: 'OE', es: 'OE' },
      kind: 'multilateral',
    });
    expect(blank.status).toBe(400);
    expect(await errorOf(blank)).toMatchObject({ code: 'validation_failed', field: 'name.es' });
    const missing = await send('POST', '/api/organizations', {
      name: { en: `Only English ${id}` },
      shortName: { en: 'OE', es: 'OE' },
      kind: 'multilateral',
    });
    expect(await errorOf(missing)).toMatchObject({ field: 'name.es' });
    const flat = await send('POST', '/api/organizations', {
      name: `Only English ${id}`,
      shortName: 'OE',
      kind: 'multilateral',
    });
    expect(await errorOf(flat)).toMatchObject({ field: 'name' });
    expect(await organizations()).toHaveLength(before);
  });

  it('renames in both languages, and answers 409 for a name another organization has in either language, whatever the case', async () => {
    const id = unique();
    const person = await createPersonOn(server);
    const path = `/api/organizations/${person.organizationId}`;
    const renamed = await send('PATCH', path, names(`Kingdom ${id}`, `Reino ${id}`));
    expect(renamed.status).toBe(200);
    const { organization } = (await renamed.json()) as { organization: unknown };
    expect(OrganizationSchema.parse(organization)).toMatchObject(
      names(`Kingdom ${id}`, `Reino ${id}`),
    );
    // "ESPAÑA" is Spain's Spanish name in capitals: SQLite's lower() would miss the Ñ.
    for (const [name, field] of [
      [{ en: `Other ${id}`, es: 'ESPAÑA' }, 'name.es'],
      [{ en: 'españa', es: `Otro ${id}` }, 'name.en'],
      [{ en: 'Spain', es: `Otro ${id}` }, 'name.en'],
    ] as const) {
      const taken = await send('PATCH', path, { name });
      expect(taken.status, JSON.stringify(name)).toBe(409);
      expect(await errorOf(taken)).toMatchObject({ code: 'conflict', field });
    }
    const kept = (await organizations()).find((o) => o.id === person.organizationId);
    expect(kept?.name).toEqual({ en: `Kingdom ${id}`, es: `Reino ${id}` });
    // Its own names (here the same in both languages) never conflict with themselves.
    const same = await send('PATCH', path, names(`Andorra ${id}`, `Andorra ${id}`));
    expect(same.status).toBe(200);
  });

  it('refuses a rename by anyone but an administrator with 403, and changes nothing', async () => {
    const member = await createPersonOn(server);
    const res = await send(
      'PATCH',
      `/api/organizations/${member.organizationId}`,
      names('Mine now', 'Mía ahora'),
      member,
    );
    expect(res.status).toBe(403);
    const kept = (await organizations()).find((o) => o.id === member.organizationId);
    expect(kept?.name.en).toBe(`Org ${member.organizationId}`);
  });

  it('gives people, relations and invitation links the organization’s name in both languages', async () => {
    const programId = await aProgramId(server);
    const person = await createPersonOn(server, { programId, relation: 'partner' });
    const both = { en: `Org ${person.organizationId}`, es: `Org ${person.organizationId} (es)` };
    const people = listOf(PersonSchema).parse(
      await (await fetchAs(server, admin, '/api/users')).json(),
    );
    expect(people.data.find((p) => p.id === person.userId)?.organizationName).toEqual(both);
    const relations = (await (
      await fetchAs(server, admin, `/api/programs/${programId}/organizations`)
    ).json()) as { data: { organizationId: string; organizationName: unknown }[] };
    expect(relations.data.find((r) => r.organizationId === person.organizationId)).toMatchObject({
      organizationName: both,
    });
    const created = await send('POST', '/api/invitations', {
      email: `invitee-${unique()}@example.org`,
      role: 'viewer',
      organizationId: person.organizationId,
    });
    const { invitation } = InvitationCreatedReplySchema.parse(await created.json());
    const preview = await fetchAs(server, null, `/api/invitations/${invitation.token}`);
    expect(InvitationPreviewSchema.parse(await preview.json()).organizationName).toEqual(both);
  });
});

describe.each(dialects)('lead organizations are the Lead relations on %s', (dialect) => {
  let server: TestServer;
  let admin: TestPerson;
  let programId: string;
  beforeAll(async () => {
    server = await startServer({ dialect });
    admin = await createPersonOn(server, { role: 'admin' });
    programId = await aProgramId(server);
  });
  afterAll(async () => server?.close());

  const program = async (as: TestPerson = admin) =>
    ProgramReplySchema.parse(await (await fetchAs(server, as, `/api/programs/${programId}`)).json())
      .program;
  const relate = (organizationId: string, relation: string | null) =>
    fetchAs(server, admin, `/api/programs/${programId}/organizations/${organizationId}`, {
      method: relation ? 'PUT' : 'DELETE',
      body: relation ? JSON.stringify({ relation }) : undefined,
    });

  it('shows every organization holding the Lead relation, and follows each change of relation', async () => {
    const first = await createPersonOn(server);
    const second = await createPersonOn(server);
    expect((await relate(first.organizationId, 'lead')).status).toBe(204);
    expect((await relate(second.organizationId, 'lead')).status).toBe(204);
    expect([...(await program()).leadOrganizationIds].sort()).toEqual(
      [first.organizationId, second.organizationId].sort(),
    );
    await relate(first.organizationId, 'partner');
    expect((await program()).leadOrganizationIds).toEqual([second.organizationId]);
    await relate(second.organizationId, null);
    expect((await program()).leadOrganizationIds).toEqual([]);
  });

  it('shows a reader of the program the same leads in the portfolio list and the program', async () => {
    const lead = await createPersonOn(server);
    await relate(lead.organizationId, 'lead');
    const reader = await createPersonOn(server, { programId, relation: 'observer' });
    expect((await program(reader)).leadOrganizationIds).toContain(lead.organizationId);
    const list = (await (await fetchAs(server, reader, '/api/programs')).json()) as {
      data: { id: string; leadOrganizationIds: string[] }[];
    };
    expect(list.data.find((p) => p.id === programId)?.leadOrganizationIds).toEqual(
      (await program(reader)).leadOrganizationIds,
    );
    await relate(lead.organizationId, null);
  });

  it('refuses leadOrganizationId as a program field with 400 naming it, and changes nothing', async () => {
    const someone = await createPersonOn(server);
    const before = await program();
    const edit = await fetchAs(server, admin, `/api/programs/${programId}`, {
      method: 'PATCH',
      body: JSON.stringify({ status: 'approved', leadOrganizationId: someone.organizationId }),
    });
    expect(edit.status).toBe(400);
    expect(await errorOf(edit)).toMatchObject({
      code: 'validation_failed',
      field: 'leadOrganizationId',
    });
    expect(await program()).toEqual(before);
    const create = await fetchAs(server, admin, '/api/programs', {
      method: 'POST',
      body: JSON.stringify({
        code: null,
        titleEn: 'Led by a field',
        titleEs: 'Liderado por un campo',
        componentId: 'A',
        priority: false,
        status: null,
        leadOrganizationId: someone.organizationId,
        countries: [],
        estimatedCost: null,
      }),
    });
    expect(create.status).toBe(400);
    expect(await errorOf(create)).toMatchObject({ field: 'leadOrganizationId' });
  });
});

describe('seeded plans in the workspace language', () => {
  it('writes the seeded programs’ plan templates in MESA_DEFAULT_LOCALE', async () => {
    const server = await startServer({ env: { MESA_DEFAULT_LOCALE: 'es' } });
    try {
      const programId = await aProgramId(server);
      const reader = await createPersonOn(server, { programId, relation: 'observer' });
      const plan = await fetchAs(server, reader, `/api/programs/${programId}/plan.md`);
      const markdown = await plan.text();
      expect(markdown).toContain('## Objetivos');
      expect(markdown).not.toContain('## Objectives');
    } finally {
      await server.close();
    }
  });
});
