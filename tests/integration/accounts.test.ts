import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AccountCreatedReplySchema,
  ErrorBodySchema,
  InvitationCreatedReplySchema,
  InvitationOptionsSchema,
  InvitationPreviewSchema,
  InvitationSchema,
  ProgramReplySchema,
  listOf,
} from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { fakeClock, getWith, postJson, sessionCookieOf, signInAs } from '../helpers/auth.js';

const STRONG = 'lanterns over the lake';
const codeOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error.code;

describe.each(dialects)('first administrator on %s', (dialect) => {
  it('prints one setup link that creates the first admin once, signed in, in the SICA Secretariat', async () => {
    const lines: string[] = [];
    const server = await startServer({ dialect, app: { announce: (l) => lines.push(l) } });
    try {
      expect(lines).toHaveLength(1);
      const url = /(https?:\/\/\S+\/setup\/(\S+))$/.exec(lines[0]!);
      expect(url?.[1]).toContain(`${server.config.publicUrl}/setup/`);
      const token = url![2]!;
      expect((await getWith(server, `/api/setup/${token}`)).status).toBe(200);
      expect((await getWith(server, '/api/setup/not-the-token')).status).toBe(404);
      const body = { email: 'First.Admin@Example.org', name: 'First Admin', password: STRONG };
      const weak = await postJson(server, `/api/setup/${token}`, { ...body, password: 'password' });
      expect(weak.status).toBe(400);
      expect(await codeOf(weak)).toBe('weak_password');
      const res = await postJson(server, `/api/setup/${token}`, body);
      expect(res.status).toBe(201);
      const { user } = AccountCreatedReplySchema.parse(await res.json());
      expect(user).toMatchObject({ email: 'first.admin@example.org', role: 'admin' });
      const me = await getWith(server, '/api/me', sessionCookieOf(res)!);
      expect(me.status).toBe(200);
      const org = await server.app.ctx.db
        .selectFrom('organizations')
        .select('kind')
        .where('id', '=', user.organizationId)
        .executeTakeFirstOrThrow();
      expect(org.kind).toBe('sica_secretariat');
      const again = await postJson(server, `/api/setup/${token}`, { ...body, email: 'b@ex.org' });
      expect(again.status).toBe(404);
      expect(await codeOf(again)).toBe('setup_unavailable');
      expect((await getWith(server, `/api/setup/${token}`)).status).toBe(404);
      const stored = await server.app.ctx.db.selectFrom('setup_tokens').selectAll().execute();
      expect(JSON.stringify(stored)).not.toContain(token);
    } finally {
      await server.close();
    }
  });

  it('creates the admin from MESA_ADMIN_EMAIL and MESA_ADMIN_PASSWORD and prints no link', async () => {
    const lines: string[] = [];
    const server = await startServer({
      dialect,
      env: { MESA_ADMIN_EMAIL: 'ops@example.org', MESA_ADMIN_PASSWORD: STRONG },
      app: { announce: (l) => lines.push(l) },
    });
    try {
      expect(lines).toEqual([]);
      const cookie = await signInAs(server, 'ops@example.org', STRONG);
      const me = (await (await getWith(server, '/api/me', cookie)).json()) as {
        user: { role: string };
      };
      expect(me.user.role).toBe('admin');
    } finally {
      await server.close();
    }
  });
});

describe.each(dialects)('invitations on %s', (dialect) => {
  let server: TestServer;
  let admin: TestPerson;
  let coordinator: TestPerson;
  let partner: TestPerson;
  let programId: string;
  const clock = fakeClock();
  beforeAll(async () => {
    server = await startServer({ dialect, app: { now: clock.now } });
    programId = await aProgramId(server);
    admin = await createPersonOn(server, { role: 'admin' });
    coordinator = await createPersonOn(server, { programId, relation: 'lead', coordinator: true });
    partner = await createPersonOn(server, { programId, relation: 'partner' });
  });
  afterAll(async () => server?.close());

  const invite = (who: TestPerson, body: object) =>
    postJson(server, '/api/invitations', body, who.cookie);

  it('lets an admin invite anyone; the link shows the offer and works once', async () => {
    const res = await invite(admin, {
      email: 'new.admin@example.org',
      role: 'admin',
      organizationId: partner.organizationId,
    });
    expect(res.status).toBe(201);
    const { invitation } = InvitationCreatedReplySchema.parse(await res.json());
    expect(invitation.url).toBe(`${server.config.publicUrl}/invite/${invitation.token}`);
    const preview = InvitationPreviewSchema.parse(
      await (await getWith(server, `/api/invitations/${invitation.token}`)).json(),
    );
    expect(preview).toMatchObject({ email: 'new.admin@example.org', role: 'admin' });
    const accept = await postJson(server, `/api/invitations/${invitation.token}/accept`, {
      name: 'New Admin',
      password: STRONG,
    });
    expect(accept.status).toBe(201);
    expect(AccountCreatedReplySchema.parse(await accept.json()).user.role).toBe('admin');
    expect((await getWith(server, '/api/me', sessionCookieOf(accept)!)).status).toBe(200);
    const twice = await postJson(server, `/api/invitations/${invitation.token}/accept`, {
      name: 'Someone Else',
      password: STRONG,
    });
    expect(twice.status).toBe(404);
    expect(await codeOf(twice)).toBe('invitation_invalid');
    const stored = await server.app.ctx.db.selectFrom('invitations').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(invitation.token);
  });

  it('lets a coordinator invite members and viewers of organizations on their program only', async () => {
    const ok = await invite(coordinator, {
      email: 'ally@example.org',
      role: 'viewer',
      organizationId: partner.organizationId,
    });
    expect(ok.status).toBe(201);
    const asAdmin = await invite(coordinator, {
      email: 'boss@example.org',
      role: 'admin',
      organizationId: partner.organizationId,
    });
    expect(asAdmin.status).toBe(403);
    const stranger = await createPersonOn(server);
    const elsewhere = await invite(coordinator, {
      email: 'far@example.org',
      role: 'member',
      organizationId: stranger.organizationId,
    });
    expect(elsewhere.status).toBe(403);
    const byMember = await invite(partner, {
      email: 'x@example.org',
      role: 'viewer',
      organizationId: partner.organizationId,
    });
    expect(byMember.status).toBe(403);
  });

  it('offers each person exactly the roles and organizations they may invite into', async () => {
    const stranger = await createPersonOn(server);
    const optionsOf = async (who: TestPerson) => {
      const res = await getWith(server, '/api/invitations/options', who.cookie);
      expect(res.status).toBe(200);
      return InvitationOptionsSchema.parse(await res.json());
    };
    const forCoordinator = await optionsOf(coordinator);
    expect(forCoordinator.roles).toEqual(['member', 'viewer']);
    const offered = forCoordinator.organizations.map((o) => o.id);
    expect(offered).toEqual(
      expect.arrayContaining([coordinator.organizationId, partner.organizationId]),
    );
    expect(offered).not.toContain(stranger.organizationId);
    expect(forCoordinator.organizations.some((o) => o.kind === 'sica_secretariat')).toBe(true);
    // Every organization offered is accepted by the check on creation.
    for (const [i, id] of offered.entries()) {
      const res = await invite(coordinator, {
        email: `offered-${i}@example.org`,
        role: 'member',
        organizationId: id,
      });
      expect(res.status).toBe(201);
    }
    const forAdmin = await optionsOf(admin);
    expect(forAdmin.roles).toContain('admin');
    expect(forAdmin.organizations.map((o) => o.id)).toContain(stranger.organizationId);
    expect((await getWith(server, '/api/invitations/options', partner.cookie)).status).toBe(403);
    expect((await getWith(server, '/api/invitations/options')).status).toBe(401);
  });

  it('lists pending invitations (admin all, coordinator own) and revokes them', async () => {
    const res = await invite(coordinator, {
      email: 'listed@example.org',
      role: 'member',
      organizationId: partner.organizationId,
    });
    const { invitation } = InvitationCreatedReplySchema.parse(await res.json());
    const mine = listOf(InvitationSchema).parse(
      await (await fetchAs(server, coordinator, '/api/invitations')).json(),
    );
    expect(mine.data.every((i) => i.invitedBy === coordinator.userId)).toBe(true);
    expect(mine.data.map((i) => i.id)).toContain(invitation.id);
    const all = listOf(InvitationSchema).parse(
      await (await fetchAs(server, admin, '/api/invitations')).json(),
    );
    expect(all.data.map((i) => i.id)).toContain(invitation.id);
    const del = await fetchAs(server, admin, `/api/invitations/${invitation.id}`, {
      method: 'DELETE',
    });
    expect(del.status).toBe(204);
    expect((await getWith(server, `/api/invitations/${invitation.token}`)).status).toBe(404);
  });

  it('kills a link after seven days', async () => {
    const res = await invite(admin, {
      email: 'late@example.org',
      role: 'member',
      organizationId: partner.organizationId,
    });
    const { invitation } = InvitationCreatedReplySchema.parse(await res.json());
    clock.advance(7 * 24 * 3600 + 1);
    const accept = await postJson(server, `/api/invitations/${invitation.token}/accept`, {
      name: 'Late',
      password: STRONG,
    });
    expect(accept.status).toBe(404);
    expect(await codeOf(accept)).toBe('invitation_invalid');
  });
});

describe.each(dialects)('programs writable on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ dialect });
  });
  afterAll(async () => server?.close());

  const program = {
    code: 'ZZ9',
    titleEn: "Robert'); DROP TABLE programs;--",
    titleEs: '<script>alert(1)</script>',
    componentId: 'B',
    priority: true,
    status: 'approved',
    countries: ['GT', 'HN'],
    estimatedCost: { amount: '1500000.50', currency: 'USD' },
  };

  it('lets an admin create a program with its plan in their language, 409 on a taken code', async () => {
    const admin = await createPersonOn(server, { role: 'admin', locale: 'es' });
    const events: string[] = [];
    server.app.events.on('program.created', (e) => events.push(e.programId));
    const res = await postJson(server, '/api/programs', program, admin.cookie);
    expect(res.status).toBe(201);
    const body = ProgramReplySchema.parse(await res.json());
    expect(body.program).toMatchObject({ ...program, abilities: { administer: true } });
    expect(events).toEqual([body.program.id]);
    const plan = await fetchAs(server, admin, `/api/programs/${body.program.id}/plan.md`);
    expect(plan.status).toBe(200);
    const markdown = await plan.text();
    expect(markdown).toContain('## Objetivos');
    expect(markdown).not.toContain('## Objectives');
    const again = await postJson(server, '/api/programs', program, admin.cookie);
    expect(again.status).toBe(409);
  });

  it('lets a coordinator edit details and refuses a plain member with 403 whatever the body', async () => {
    const programId = await aProgramId(server);
    const coordinator = await createPersonOn(server, {
      programId,
      relation: 'partner',
      coordinator: true,
    });
    const member = await createPersonOn(server, { programId, relation: 'lead' });
    const res = await postJson(
      server,
      `/api/programs/${programId}`,
      { status: 'in_execution' },
      coordinator.cookie,
      'PATCH',
    );
    expect(res.status).toBe(200);
    expect(ProgramReplySchema.parse(await res.json()).program.status).toBe('in_execution');
    const refused = await postJson(
      server,
      `/api/programs/${programId}`,
      { nonsense: 1 },
      member.cookie,
      'PATCH',
    );
    expect(refused.status).toBe(403);
  });
});
