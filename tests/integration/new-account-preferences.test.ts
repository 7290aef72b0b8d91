import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccountCreatedReplySchema, ErrorBodySchema, MeReplySchema } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, inviteMember, type TestPerson } from '../helpers/people.js';
import { getWith, postJson, sessionCookieOf, signInAs } from '../helpers/auth.js';

const STRONG = 'lanterns over the lake';

async function meOf(server: TestServer, res: Response) {
  const me = await getWith(server, '/api/me', sessionCookieOf(res)!);
  return MeReplySchema.parse(await me.json()).user;
}

async function countUsersWith(server: TestServer, email: string): Promise<number> {
  const rows = await server.app.ctx.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', email)
    .execute();
  return rows.length;
}

describe.each(dialects)('language and time zone of an invited account on %s', (dialect) => {
  let server: TestServer;
  let admin: TestPerson;
  beforeAll(async () => {
    server = await startServer({ dialect });
    admin = await createPersonOn(server, { role: 'admin' });
  });
  afterAll(async () => server?.close());

  const invitationToken = async (email: string) => (await inviteMember(server, admin, email)).token;

  const accept = (token: string, body: object) =>
    postJson(server, `/api/invitations/${token}/accept`, {
      name: 'Inés',
      password: STRONG,
      ...body,
    });

  it('keeps the Spanish and America/Guatemala the person accepted the invitation with', async () => {
    const token = await invitationToken('ines@example.org');
    const res = await accept(token, { locale: 'es', timeZone: 'America/Guatemala' });
    expect(res.status).toBe(201);
    const { user } = AccountCreatedReplySchema.parse(await res.json());
    expect(user).toMatchObject({ locale: 'es', timeZone: 'America/Guatemala' });
    expect(await meOf(server, res)).toMatchObject({ locale: 'es', timeZone: 'America/Guatemala' });
  });

  it("stores a browser's old spelling of a zone under IANA's current name", async () => {
    const token = await invitationToken('ravi@example.org');
    const res = await accept(token, { locale: 'en', timeZone: 'Asia/Calcutta' });
    expect(res.status).toBe(201);
    expect(await meOf(server, res)).toMatchObject({ timeZone: 'Asia/Kolkata' });
  });

  it('refuses an unknown zone, an offset or an unknown language with 400 and creates no account', async () => {
    for (const [i, body] of [
      { locale: 'es', timeZone: 'Mars/Olympus' },
      { locale: 'es', timeZone: '-06:00' },
      { locale: 'fr', timeZone: 'America/Guatemala' },
    ].entries()) {
      const email = `refused-${i}@example.org`;
      const token = await invitationToken(email);
      const res = await accept(token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      const { error } = ErrorBodySchema.parse(await res.json());
      expect(error.code).toBe('validation_failed');
      expect(error.field).toBe(body.locale === 'fr' ? 'locale' : 'timeZone');
      if (error.field === 'timeZone') expect(error.message).toMatch(/IANA time zone/);
      expect(await countUsersWith(server, email)).toBe(0);
      // The link still works: nothing was used up by the refused request.
      expect((await getWith(server, `/api/invitations/${token}`)).status).toBe(200);
    }
  });

  it('falls back to the workspace language and UTC when a client sends neither', async () => {
    const token = await invitationToken('api-client@example.org');
    const res = await accept(token, {});
    expect(res.status).toBe(201);
    expect(await meOf(server, res)).toMatchObject({
      locale: server.config.defaultLocale,
      timeZone: 'UTC',
    });
  });
});

describe.each(dialects)('language and time zone of the first administrator on %s', (dialect) => {
  async function withSetupLink(
    run: (server: TestServer, token: string) => Promise<void>,
    env: Record<string, string> = {},
  ) {
    const lines: string[] = [];
    const server = await startServer({ dialect, env, app: { announce: (l) => lines.push(l) } });
    try {
      const token = /\/setup\/(\S+)$/.exec(lines[0] ?? '')?.[1] ?? '';
      await run(server, token);
    } finally {
      await server.close();
    }
  }

  const body = { email: 'first@example.org', name: 'First Admin', password: STRONG };

  it('creates the setup link’s admin in the language and browser zone sent', async () => {
    await withSetupLink(async (server, token) => {
      const bad = await postJson(server, `/api/setup/${token}`, {
        ...body,
        locale: 'es',
        timeZone: 'Nowhere/Special',
      });
      expect(bad.status).toBe(400);
      expect(ErrorBodySchema.parse(await bad.json()).error.field).toBe('timeZone');
      expect(await countUsersWith(server, body.email)).toBe(0);

      const res = await postJson(server, `/api/setup/${token}`, {
        ...body,
        locale: 'es',
        timeZone: 'America/Guatemala',
      });
      expect(res.status).toBe(201);
      expect(await meOf(server, res)).toMatchObject({
        role: 'admin',
        locale: 'es',
        timeZone: 'America/Guatemala',
      });
    });
  });

  it('gives the MESA_ADMIN_* admin MESA_DEFAULT_LOCALE and UTC (no browser to ask)', async () => {
    const server = await startServer({
      dialect,
      env: {
        MESA_ADMIN_EMAIL: 'ops@example.org',
        MESA_ADMIN_PASSWORD: STRONG,
        MESA_DEFAULT_LOCALE: 'es',
      },
    });
    try {
      const cookie = await signInAs(server, 'ops@example.org', STRONG);
      const me = MeReplySchema.parse(await (await getWith(server, '/api/me', cookie)).json());
      expect(me.user).toMatchObject({ locale: 'es', timeZone: 'UTC' });
    } finally {
      await server.close();
    }
  });
});
