import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, OrganizationSchema, ProfileReplySchema, listOf } from '@mesa/shared';
import { verifyCredentials } from '@mesa/server/testing';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, FACTORY_PASSWORD, fetchAs, type TestPerson } from '../helpers/people.js';
import { fakeClock, postJson } from '../helpers/auth.js';

const errorOf = async (res: Response) => ErrorBodySchema.parse(await res.json()).error;

describe.each(dialects)('hostile input on %s', (dialect) => {
  let server: TestServer;
  let admin: TestPerson;
  beforeAll(async () => {
    server = await startServer({ dialect });
    admin = await createPersonOn(server, { role: 'admin' });
  });
  afterAll(async () => server?.close());

  const raw = (path: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: {
        origin: server.origin,
        cookie: admin.cookie,
        'content-type': 'application/json',
        ...headers,
      },
      body,
    });

  it('refuses a sign-in posted from a foreign origin with 403', async () => {
    const res = await raw('/api/auth/login', '{"email":"a@b.org","password":"x"}', {
      origin: 'https://evil.example',
    });
    expect(res.status).toBe(403);
    expect((await errorOf(res)).code).toBe('foreign_origin');
  });

  it('answers a body over 1 MiB with 413 and the error shape', async () => {
    const body = JSON.stringify({ email: 'a@b.org', password: 'x'.repeat(1024 * 1024 + 10) });
    const res = await raw('/api/auth/login', body);
    expect(res.status).toBe(413);
    expect((await errorOf(res)).code).toBe('payload_too_large');
  });

  it('answers malformed JSON with 400 and the error shape', async () => {
    const res = await raw('/api/organizations', '{"name": "x",');
    expect(res.status).toBe(400);
    expect((await errorOf(res)).code).toBe('bad_request');
  });

  it('refuses __proto__ and constructor.prototype keys and unknown fields with 400', async () => {
    const base =
      '"name":{"en":"Org","es":"Org"},"shortName":{"en":"O","es":"O"},"kind":"multilateral"';
    const proto = await raw('/api/organizations', `{${base},"__proto__":{"role":"admin"}}`);
    expect(proto.status).toBe(400);
    const ctor = await raw(
      '/api/organizations',
      `{${base},"constructor":{"prototype":{"role":"admin"}}}`,
    );
    expect(ctor.status).toBe(400);
    const extra = await raw('/api/organizations', `{${base},"isAdmin":true}`);
    expect(extra.status).toBe(400);
    expect(await errorOf(extra)).toMatchObject({ code: 'validation_failed' });
  });

  it('stores SQL- and script-shaped strings as text and returns them byte for byte', async () => {
    const names = [
      "Robert'); DROP TABLE users;--",
      '<script>alert("x")</script>',
      "' OR 1=1 -- \u202e\ud83d\ude00 \\x00 %00",
    ];
    const organization = (name: string) =>
      JSON.stringify({
        name: { en: name, es: `${name} (es)` },
        shortName: { en: 'X', es: 'X' },
        kind: 'multilateral',
      });
    for (const name of names) {
      const res = await raw('/api/organizations', organization(name));
      expect(res.status).toBe(201);
    }
    const nul = await raw('/api/organizations', organization('a\u0000b'));
    expect(nul.status).toBe(400);
    expect(await errorOf(nul)).toMatchObject({ code: 'validation_failed', field: 'name.en' });
    const list = await fetchAs(server, admin, '/api/organizations');
    expect(list.headers.get('content-type')).toContain('application/json');
    const body = listOf(OrganizationSchema).parse(await list.json());
    for (const name of names) expect(body.data.map((o) => o.name.en)).toContain(name);
  });

  it('refuses a lone surrogate with 400 naming the field, in values and nested keys alike', async () => {
    // Written as JSON escapes: JSON.stringify would escape them the same way.
    const body = (name: string, short: string) =>
      `{"name":{"en":"Org","es":"${name}"},"shortName":{"en":"${short}","es":"X"},"kind":"multilateral"}`;
    const lone = await raw('/api/organizations', body('lone \\ud800', 'X'));
    expect(lone.status).toBe(400);
    expect(await errorOf(lone)).toMatchObject({ code: 'validation_failed', field: 'name.es' });
    const low = await raw('/api/organizations', body('Org', '\\udc00X'));
    expect(await errorOf(low)).toMatchObject({ field: 'shortName.en' });
    const pair = await raw('/api/organizations', body('Paired \\ud83d\\ude00', 'X'));
    expect(pair.status).toBe(201);
  });

  it('keeps a U+FEFF a person typed and trims only white space', async () => {
    const person = await createPersonOn(server);
    const patch = (name: string) =>
      fetchAs(server, person, '/api/me', { method: 'PATCH', body: JSON.stringify({ name }) });
    const withBom = await patch('Ana\uFEFF');
    expect(withBom.status).toBe(200);
    expect(ProfileReplySchema.parse(await withBom.json()).user.name).toBe('Ana\uFEFF');
    const spaced = await patch('\u00a0 Ana María \n');
    expect(ProfileReplySchema.parse(await spaced.json()).user.name).toBe('Ana María');
  });
});

describe.each(dialects)('sign-in limit on %s', (dialect) => {
  let server: TestServer;
  const clock = fakeClock();
  beforeAll(async () => {
    server = await startServer({
      dialect,
      env: { MESA_LOGIN_MAX_FAILURES: '3', MESA_LOGIN_WINDOW_SECONDS: '60' },
      app: { now: clock.now },
    });
  });
  afterAll(async () => server?.close());

  const login = (email: string, password: string) =>
    postJson(server, '/api/auth/login', { email, password });

  it('answers a wrong email and a wrong password alike', async () => {
    const person = await createPersonOn(server);
    const wrongPassword = await login(person.email, 'not the password at all');
    const wrongEmail = await login('nobody@example.org', 'not the password at all');
    expect(wrongPassword.status).toBe(401);
    expect(wrongEmail.status).toBe(401);
    expect(await wrongPassword.json()).toEqual(await wrongEmail.json());
    clock.advance(61);
  });

  it('answers 429 with Retry-After past the limit, even for the right password, and lifts after the window', async () => {
    const person = await createPersonOn(server);
    for (let i = 0; i < 3; i += 1) {
      expect((await login(person.email, 'wrong password here')).status).toBe(401);
    }
    const limited = await login(person.email, FACTORY_PASSWORD);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect((await errorOf(limited)).code).toBe('too_many_requests');
    clock.advance(61);
    expect((await login(person.email, FACTORY_PASSWORD)).status).toBe(200);
  });

  it('does not count successful sign-ins', async () => {
    const person = await createPersonOn(server);
    for (let i = 0; i < 5; i += 1) {
      expect((await login(person.email, FACTORY_PASSWORD)).status).toBe(200);
    }
  });

  it('limits one account across addresses and one address across accounts', async () => {
    clock.advance(61);
    const person = await createPersonOn(server);
    const ctx = server.app.ctx;
    for (const ip of ['10.0.0.1', '10.0.0.2', '10.0.0.3']) {
      await expect(verifyCredentials(ctx, person.email, 'wrong one', ip)).rejects.toMatchObject({
        statusCode: 401,
      });
    }
    await expect(
      verifyCredentials(ctx, person.email, FACTORY_PASSWORD, '10.0.0.9'),
    ).rejects.toMatchObject({ statusCode: 429 });
    for (const email of ['a@x.org', 'b@x.org', 'c@x.org']) {
      await expect(verifyCredentials(ctx, email, 'wrong one', '10.9.9.9')).rejects.toMatchObject({
        statusCode: 401,
      });
    }
    await expect(verifyCredentials(ctx, 'd@x.org', 'wrong', '10.9.9.9')).rejects.toMatchObject({
      statusCode: 429,
    });
    clock.advance(61);
    const old = await ctx.db.selectFrom('login_failures').selectAll().execute();
    await verifyCredentials(ctx, 'e@x.org', 'wrong', '10.8.8.8').catch(() => undefined);
    const after = await ctx.db.selectFrom('login_failures').selectAll().execute();
    expect(old.length).toBeGreaterThan(0);
    expect(after).toHaveLength(2);
  });
});

describe('forty concurrent sign-ins', () => {
  it('do not stall GET /api/health, which answers before they all finish', async () => {
    const server = await startServer();
    try {
      const person = await createPersonOn(server);
      let signInsDone = false;
      const signIns = Promise.all(
        Array.from({ length: 40 }, () =>
          postJson(server, '/api/auth/login', { email: person.email, password: FACTORY_PASSWORD }),
        ),
      ).then((all) => {
        signInsDone = true;
        return all;
      });
      await new Promise((resolve) => setTimeout(resolve, 20));
      const health = await fetch(`${server.url}/api/health`);
      expect(health.status).toBe(200);
      expect(signInsDone).toBe(false);
      const results = await signIns;
      expect(results.every((r) => r.status === 200)).toBe(true);
    } finally {
      await server.close();
    }
  });
});
