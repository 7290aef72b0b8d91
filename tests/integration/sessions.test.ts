import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, SessionsReplySchema } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, FACTORY_PASSWORD } from '../helpers/people.js';
import { fakeClock, getWith, postJson, sessionCookieOf, signInAs } from '../helpers/auth.js';

describe.each(dialects)('sessions on %s', (dialect) => {
  let server: TestServer;
  const clock = fakeClock();
  beforeAll(async () => {
    server = await startServer({
      dialect,
      env: { MESA_SESSION_IDLE_SECONDS: '120', MESA_SESSION_MAX_SECONDS: '300' },
      app: { now: clock.now },
    });
  });
  afterAll(async () => server?.close());

  it('sets an HttpOnly, SameSite=Lax cookie without Secure over http, and stores only a hash', async () => {
    const person = await createPersonOn(server);
    const res = await postJson(server, '/api/auth/login', {
      email: person.email,
      password: FACTORY_PASSWORD,
    });
    expect(res.status).toBe(200);
    const raw = res.headers.getSetCookie().find((c) => c.startsWith('mesa_session='))!;
    expect(raw).toMatch(/HttpOnly/i);
    expect(raw).toMatch(/SameSite=Lax/i);
    expect(raw).not.toMatch(/Secure/i);
    const token = sessionCookieOf(res)!.split('=')[1]!;
    const [id, secret] = token.split('.');
    const row = await server.app.ctx.db
      .selectFrom('sessions')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    expect(row.secret_hash).toBe(createHash('sha256').update(secret!).digest('hex'));
    expect(JSON.stringify(row)).not.toContain(secret!);
  });

  it('gives a new token at every sign-in', async () => {
    const person = await createPersonOn(server);
    const a = await signInAs(server, person.email, FACTORY_PASSWORD);
    const b = await signInAs(server, person.email, FACTORY_PASSWORD);
    expect(a).not.toBe(b);
  });

  it('ends a session left idle longer than MESA_SESSION_IDLE_SECONDS', async () => {
    const person = await createPersonOn(server);
    expect((await getWith(server, '/api/me', person.cookie)).status).toBe(200);
    clock.advance(121);
    const res = await getWith(server, '/api/me', person.cookie);
    expect(res.status).toBe(401);
    expect(ErrorBodySchema.parse(await res.json()).error.code).toBe('unauthenticated');
  });

  it('ends an active session at MESA_SESSION_MAX_SECONDS', async () => {
    const person = await createPersonOn(server);
    for (let i = 0; i < 3; i += 1) {
      clock.advance(90);
      expect((await getWith(server, '/api/me', person.cookie)).status).toBe(200);
    }
    clock.advance(31);
    expect((await getWith(server, '/api/me', person.cookie)).status).toBe(401);
  });

  it('lists a person’s sessions and lets them end one of their own, emitting session.ended', async () => {
    const person = await createPersonOn(server);
    const other = await signInAs(server, person.email, FACTORY_PASSWORD);
    const list = SessionsReplySchema.parse(
      await (await getWith(server, '/api/auth/sessions', person.cookie)).json(),
    );
    expect(list.data).toHaveLength(2);
    expect(list.data.filter((s) => s.current).map((s) => s.id)).toEqual([person.sessionId]);
    const target = list.data.find((s) => !s.current)!;
    const ended: string[] = [];
    server.app.events.on('session.ended', (e) => ended.push(e.sessionId));
    const del = await fetch(`${server.url}/api/auth/sessions/${target.id}`, {
      method: 'DELETE',
      headers: { cookie: person.cookie, origin: server.origin },
    });
    expect(del.status).toBe(204);
    expect(ended).toContain(target.id);
    expect((await getWith(server, '/api/me', other)).status).toBe(401);
    expect((await getWith(server, '/api/me', person.cookie)).status).toBe(200);
  });

  it('answers 404 for ending somebody else’s session, which survives', async () => {
    const a = await createPersonOn(server);
    const b = await createPersonOn(server);
    const res = await fetch(`${server.url}/api/auth/sessions/${b.sessionId}`, {
      method: 'DELETE',
      headers: { cookie: a.cookie, origin: server.origin },
    });
    expect(res.status).toBe(404);
    expect((await getWith(server, '/api/me', b.cookie)).status).toBe(200);
  });

  it('ends every other session when the password changes, and the new password works', async () => {
    const person = await createPersonOn(server);
    const other = await signInAs(server, person.email, FACTORY_PASSWORD);
    const newPassword = 'a quiet harbour at dawn';
    const res = await postJson(
      server,
      '/api/auth/password',
      { currentPassword: FACTORY_PASSWORD, newPassword },
      person.cookie,
    );
    expect(res.status).toBe(204);
    expect((await getWith(server, '/api/me', other)).status).toBe(401);
    expect((await getWith(server, '/api/me', person.cookie)).status).toBe(200);
    await signInAs(server, person.email, newPassword);
  });

  it('refuses short, common, email-equal and overlong passwords and a wrong current one', async () => {
    const person = await createPersonOn(server);
    const change = (currentPassword: string, newPassword: string) =>
      postJson(server, '/api/auth/password', { currentPassword, newPassword }, person.cookie);
    const codeOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error.code;
    for (const weak of ['short pass', 'Password123456', person.email.toUpperCase()]) {
      const res = await change(FACTORY_PASSWORD, weak);
      expect(res.status).toBe(400);
      expect(await codeOf(res)).toBe('weak_password');
    }
    // The refusal names the field and every rule broken, for the form to say at the field.
    const both = await change(FACTORY_PASSWORD, 'password');
    expect(ErrorBodySchema.parse(await both.json()).error).toMatchObject({
      code: 'weak_password',
      field: 'newPassword',
      reasons: ['too_short', 'common'],
    });
    const long = await change(FACTORY_PASSWORD, 'x'.repeat(257));
    expect(long.status).toBe(400);
    expect(await codeOf(long)).toBe('validation_failed');
    const wrong = await change('not my password at all', 'a quiet harbour at dawn');
    expect(wrong.status).toBe(400);
    expect(await codeOf(wrong)).toBe('invalid_credentials');
  });

  it('signs a deactivated person out at once and emits user.deactivated and session.ended', async () => {
    const admin = await createPersonOn(server, { role: 'admin' });
    const person = await createPersonOn(server);
    const events: string[] = [];
    server.app.events.on('user.deactivated', (e) => events.push(`deactivated:${e.userId}`));
    server.app.events.on('session.ended', (e) => events.push(`ended:${e.sessionId}`));
    const res = await postJson(
      server,
      `/api/users/${person.userId}`,
      { active: false },
      admin.cookie,
      'PATCH',
    );
    expect(res.status).toBe(200);
    expect(events).toEqual(
      expect.arrayContaining([`deactivated:${person.userId}`, `ended:${person.sessionId}`]),
    );
    expect((await getWith(server, '/api/me', person.cookie)).status).toBe(401);
    const login = await postJson(server, '/api/auth/login', {
      email: person.email,
      password: FACTORY_PASSWORD,
    });
    expect(login.status).toBe(401);
  });
});

describe('session cookie over https', () => {
  it('is Secure when PUBLIC_URL is https', async () => {
    const server = await startServer({ env: { PUBLIC_URL: 'https://mesa.example.org' } });
    try {
      const person = await createPersonOn(server);
      const res = await postJson(server, '/api/auth/login', {
        email: person.email,
        password: FACTORY_PASSWORD,
      });
      expect(res.status).toBe(200);
      const raw = res.headers.getSetCookie().find((c) => c.startsWith('mesa_session='))!;
      expect(raw).toMatch(/; Secure/i);
    } finally {
      await server.close();
    }
  });
});

describe.each(dialects)('a short idle timeout on %s', (dialect) => {
  let server: TestServer;
  const clock = fakeClock();
  beforeAll(async () => {
    server = await startServer({
      dialect,
      env: { MESA_SESSION_IDLE_SECONDS: '20', MESA_SESSION_MAX_SECONDS: '300' },
      app: { now: clock.now },
    });
  });
  afterAll(async () => server?.close());

  it('keeps a session used every 15 s alive past the 20 s idle timeout, and ends it when left 21 s', async () => {
    const person = await createPersonOn(server);
    for (let i = 0; i < 6; i += 1) {
      clock.advance(15);
      expect((await getWith(server, '/api/me', person.cookie)).status).toBe(200);
    }
    clock.advance(21);
    expect((await getWith(server, '/api/me', person.cookie)).status).toBe(401);
  });
});
