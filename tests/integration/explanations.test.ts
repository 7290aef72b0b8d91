// Replies explain each refusal with a reason code of the shared policy (`abilities.denied`), so
// the web app can say why; a program one may not open stays an uninformative 403.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, ProgramReplySchema, ProgramSchema, listOf } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';

describe('explanations of refusals', () => {
  let server: TestServer;
  let programId: string;
  let coordinator: TestPerson;
  const program = async (person: TestPerson) =>
    ProgramReplySchema.parse(
      await (await fetchAs(server, person, `/api/programs/${programId}`)).json(),
    ).program;

  beforeAll(async () => {
    server = await startServer();
    programId = await aProgramId(server);
    coordinator = await createPersonOn(server, {
      role: 'member',
      relation: 'lead',
      coordinator: true,
      programId,
      name: 'Carmen Coordinadora',
    });
  });
  afterAll(async () => server?.close());

  it("tells a partner organization's viewer that the read-only role is why the plan is not editable", async () => {
    const viewer = await createPersonOn(server, { role: 'viewer', relation: 'partner', programId });
    const { abilities } = await program(viewer);
    expect(abilities.read).toBe(true);
    expect(abilities.editPlan).toBe(false);
    expect(abilities.denied.editPlan).toBe('read_only_role');
    expect(abilities.denied.read).toBeUndefined();
  });

  it("tells an observer organization's member that the observer relation is why", async () => {
    const observer = await createPersonOn(server, {
      role: 'member',
      relation: 'observer',
      programId,
    });
    const { abilities } = await program(observer);
    expect(abilities.comment).toBe(true);
    expect(abilities.denied.editPlan).toBe('observer_relation');
    expect(abilities.denied.comment).toBeUndefined();
  });

  it('lists the program to a person of an unrelated organization with "no relation" as the reason', async () => {
    const outsider = await createPersonOn(server, { role: 'member', relation: null });
    const list = listOf(ProgramSchema).parse(
      await (await fetchAs(server, outsider, '/api/programs')).json(),
    );
    const listed = list.data.find((p) => p.id === programId);
    expect(listed?.abilities.read).toBe(false);
    expect(listed?.abilities.denied.read).toBe('no_relation');
  });

  it('answers the unrelated person 403 with the same words for every program, naming nobody on it', async () => {
    const outsider = await createPersonOn(server, { role: 'member', relation: null });
    const res = await fetchAs(server, outsider, `/api/programs/${programId}`);
    expect(res.status).toBe(403);
    const text = await res.text();
    expect(ErrorBodySchema.parse(JSON.parse(text))).toEqual({
      error: { code: 'forbidden', message: 'You do not have access to this.' },
    });
    expect(text).not.toContain(coordinator.organizationId);
    expect(text).not.toContain('Carmen');
  });
});
