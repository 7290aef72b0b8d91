import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../authz/actor.js';
import type { Clock } from '../../lib/clock.js';
import { FACTORY_PASSWORD, createPerson, createSession } from '../../testing/factories.js';
import { buildTestApp, recordEvents, type TestApp } from '../../testing/test-app.js';
import { endSession, validateSessionToken } from './auth.service.js';
import { changePassword, revokeOwnSession } from './sessions.service.js';

// A session that ends without `session.ended` leaves its sockets and document connections
// open: every way a session ends is asserted here with its payload.
describe('session end events', () => {
  let t: TestApp;
  let offsetMs = 0;
  const clock: Clock = () => new Date(Date.now() + offsetMs);
  beforeAll(async () => {
    t = await buildTestApp({ now: clock });
  });
  afterAll(() => t.close());

  async function signedIn(): Promise<{ actor: Actor; other: string }> {
    const person = await createPerson(t.app);
    const other = await createSession(t.app.ctx, person.userId, { userAgent: 'x', ip: null });
    const actor = (await validateSessionToken(t.app.ctx, person.token))!;
    return { actor, other: other.sessionId };
  }

  it('emits session.ended when a session is ended (sign-out)', async () => {
    const { actor } = await signedIn();
    const ended = recordEvents(t.app.events, 'session.ended');
    await endSession(t.app.ctx, actor.sessionId, actor.userId);
    expect(ended).toEqual([{ sessionId: actor.sessionId, userId: actor.userId }]);
  });

  it('emits session.ended when a person revokes one of their sessions', async () => {
    const { actor, other } = await signedIn();
    const ended = recordEvents(t.app.events, 'session.ended');
    await revokeOwnSession(t.app.ctx, actor, other);
    expect(ended).toEqual([{ sessionId: other, userId: actor.userId }]);
  });

  it('emits session.ended for every other session, not the current one, on a password change', async () => {
    const { actor, other } = await signedIn();
    const ended = recordEvents(t.app.events, 'session.ended');
    await changePassword(t.app.ctx, actor, {
      currentPassword: FACTORY_PASSWORD,
      newPassword: 'a quiet harbour at dawn',
    });
    expect(ended).toEqual([{ sessionId: other, userId: actor.userId }]);
  });

  it('emits session.ended when a session is found idle past its limit', async () => {
    const person = await createPerson(t.app);
    const ended = recordEvents(t.app.events, 'session.ended');
    offsetMs = (t.app.config.session.idleSeconds + 1) * 1000;
    try {
      expect(await validateSessionToken(t.app.ctx, person.token)).toBeNull();
    } finally {
      offsetMs = 0;
    }
    expect(ended).toEqual([{ sessionId: person.sessionId, userId: person.userId }]);
  });
});
