import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs } from '../helpers/people.js';
import { connectAs, connected, record, socketAs, waitFor } from '../helpers/sockets.js';

describe('live connections end with their session', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startServer();
  });
  afterAll(async () => server?.close());

  it('tells the socket its session ended, then disconnects it, when the person signs out', async () => {
    const person = await createPersonOn(server);
    const s = await connectAs(server, person);
    const ended = record(s, 'session.ended');
    const reasons: string[] = [];
    s.on('disconnect', (reason) => reasons.push(reason));
    const res = await fetchAs(server, person, '/api/auth/logout', { method: 'POST' });
    expect(res.status).toBe(204);
    await waitFor(() => expect(reasons).toEqual(['io server disconnect']));
    expect(ended).toEqual([{ reason: 'session_ended' }]);
  });

  it('closes only the ended session: the same person in another session stays connected', async () => {
    const person = await createPersonOn(server);
    const second = await createPersonOn(server); // unrelated person, stays connected too
    const s = await connectAs(server, person);
    const other = await connectAs(server, second);
    server.app.events.emit('session.ended', { sessionId: person.sessionId, userId: person.userId });
    await waitFor(() => expect(s.connected).toBe(false));
    await new Promise((r) => setTimeout(r, 100));
    expect(other.connected).toBe(true);
    other.disconnect();
  });

  it('refuses to reconnect with the ended session', async () => {
    const person = await createPersonOn(server);
    await fetchAs(server, person, '/api/auth/logout', { method: 'POST' });
    await expect(connected(socketAs(server, person))).rejects.toThrow();
  });

  it('ends an idle session at the periodic re-check, which itself does not count as activity', async () => {
    let now = Date.now();
    const clocked = await startServer({
      env: { MESA_SESSION_IDLE_SECONDS: '600', MESA_SESSION_MAX_SECONDS: '3600' },
      app: { now: () => new Date(now) },
    });
    try {
      const person = await createPersonOn(clocked);
      const s = await connectAs(clocked, person);
      const ended = record(s, 'session.ended');
      now += 400_000;
      await clocked.app.realtime.recheckSessions();
      expect(s.connected).toBe(true);
      now += 400_000; // 800 s since the last real activity: past the 600 s idle timeout
      await clocked.app.realtime.recheckSessions();
      await waitFor(() => expect(s.connected).toBe(false));
      expect(ended).toEqual([{ reason: 'session_ended' }]);
    } finally {
      await clocked.close();
    }
  });

  it('disconnects every socket of a deactivated person', async () => {
    const person = await createPersonOn(server);
    const tabs = await Promise.all([connectAs(server, person), connectAs(server, person)]);
    const ended = tabs.map((t) => record(t, 'session.ended'));
    server.app.events.emit('user.deactivated', { userId: person.userId });
    await waitFor(() => expect(tabs.every((t) => !t.connected)).toBe(true));
    expect(ended).toEqual([[{ reason: 'user_deactivated' }], [{ reason: 'user_deactivated' }]]);
  });
});
