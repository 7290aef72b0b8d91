import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ErrorBodySchema, MeReplySchema, ProfileReplySchema } from '@mesa/shared';
import { dialects } from '../helpers/databases.js';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs } from '../helpers/people.js';

describe.each(dialects)('PATCH /api/me on %s', (dialect) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer({ dialect });
  });
  afterAll(async () => server?.close());

  const patch = (person: Awaited<ReturnType<typeof createPersonOn>> | null, body: unknown) =>
    fetchAs(server, person, '/api/me', { method: 'PATCH', body: JSON.stringify(body) });

  it('saves name, language and time zone and returns them; /api/me then shows them', async () => {
    const person = await createPersonOn(server);
    const res = await patch(person, {
      name: 'Lucía Pérez',
      locale: 'es',
      timeZone: 'America/Guatemala',
    });
    expect(res.status).toBe(200);
    const { user } = ProfileReplySchema.parse(await res.json());
    expect(user).toMatchObject({
      name: 'Lucía Pérez',
      locale: 'es',
      timeZone: 'America/Guatemala',
    });
    const me = MeReplySchema.parse(await (await fetchAs(server, person, '/api/me')).json());
    expect(me.user).toMatchObject({
      name: 'Lucía Pérez',
      locale: 'es',
      timeZone: 'America/Guatemala',
    });
  });

  it('changes only the fields sent', async () => {
    const person = await createPersonOn(server, { name: 'Kept Name' });
    const res = await patch(person, { locale: 'es' });
    const { user } = ProfileReplySchema.parse(await res.json());
    expect(user).toMatchObject({ name: 'Kept Name', locale: 'es', timeZone: 'UTC' });
  });

  it('refuses an unknown time zone, an unknown locale and unknown fields with 400', async () => {
    const person = await createPersonOn(server);
    for (const body of [{ timeZone: 'Mars/Olympus' }, { locale: 'fr' }, { role: 'admin' }]) {
      const res = await patch(person, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      ErrorBodySchema.parse(await res.json());
    }
  });

  it('answers 401 when signed out', async () => {
    expect((await patch(null, { name: 'Nobody' })).status).toBe(401);
  });
});
