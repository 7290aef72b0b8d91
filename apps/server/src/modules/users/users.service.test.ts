import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/actor.js';
import { createPerson, createSession, type TestPerson } from '../../testing/factories.js';
import { buildTestApp, recordEvents, type TestApp } from '../../testing/test-app.js';
import { validateSessionToken } from '../auth/index.js';
import { updatePerson } from './users.service.js';

// Deactivation must reach every live connection of the person: the service's events are what
// the live layers act on, so each one is asserted here with its payload.
describe('users service events', () => {
  let t: TestApp;
  let admin: Actor;
  beforeAll(async () => {
    t = await buildTestApp();
    const person = await createPerson(t.app, { role: 'admin' });
    admin = (await validateSessionToken(t.app.ctx, person.token))!;
  });
  afterAll(() => t.close());

  function record() {
    const events = t.app.events;
    return {
      deactivated: recordEvents(events, 'user.deactivated'),
      ended: recordEvents(events, 'session.ended'),
      changed: recordEvents(events, 'access.changed'),
    };
  }

  async function personWithTwoSessions(): Promise<[TestPerson, string]> {
    const person = await createPerson(t.app);
    const second = await createSession(t.app.ctx, person.userId, { userAgent: 'x', ip: null });
    return [person, second.sessionId];
  }

  it('emits user.deactivated, session.ended for each session and access.changed on deactivation', async () => {
    const [person, secondSession] = await personWithTwoSessions();
    const seen = record();
    await updatePerson(t.app.ctx, admin, person.userId, { active: false });
    expect(seen.deactivated).toEqual([{ userId: person.userId }]);
    expect(seen.ended).toHaveLength(2);
    expect(seen.ended).toEqual(
      expect.arrayContaining([
        { sessionId: person.sessionId, userId: person.userId },
        { sessionId: secondSession, userId: person.userId },
      ]),
    );
    expect(seen.changed).toEqual([
      { programId: null, userId: person.userId, organizationId: null },
    ]);
  });

  it('emits only access.changed when the role changes, and nothing when nothing does', async () => {
    const person = await createPerson(t.app);
    const seen = record();
    await updatePerson(t.app.ctx, admin, person.userId, { role: 'admin' });
    await updatePerson(t.app.ctx, admin, person.userId, { role: 'admin' });
    expect(seen.changed).toEqual([
      { programId: null, userId: person.userId, organizationId: null },
    ]);
    expect(seen.deactivated).toEqual([]);
    expect(seen.ended).toEqual([]);
  });

  it('emits nothing for a person who does not exist', async () => {
    const seen = record();
    await expect(
      updatePerson(t.app.ctx, admin, 'no-such-person', { active: false }),
    ).rejects.toThrow();
    expect([...seen.deactivated, ...seen.ended, ...seen.changed]).toEqual([]);
  });
});
