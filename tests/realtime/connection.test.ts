import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { ErrorBodySchema } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { createPersonOn, fetchAs, type TestPerson } from '../helpers/people.js';
import { connectAs, connected, socketAs, waitFor, type ClientSocket } from '../helpers/sockets.js';

/** The HTTP status a raw websocket upgrade to /socket.io/ gets. */
function upgradeStatus(server: TestServer, headers: Record<string, string>): Promise<number> {
  const url = `${server.url.replace('http', 'ws')}/socket.io/?EIO=4&transport=websocket`;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      resolve(101);
    });
    ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
    ws.on('error', reject);
  });
}

describe('Socket.IO connection', () => {
  let server: TestServer;
  let person: TestPerson;
  const open: ClientSocket[] = [];
  const track = (s: ClientSocket) => (open.push(s), s);
  beforeAll(async () => {
    server = await startServer();
    person = await createPersonOn(server);
  });
  afterAll(async () => {
    for (const s of open) s.disconnect();
    await server?.close();
  });

  it('connects with the session cookie and the own Origin, over a real websocket', async () => {
    const socket = track(await connectAs(server, person));
    expect(socket.connected).toBe(true);
    expect(socket.io.engine.transport.name).toBe('websocket');
  });

  it('refuses a connection without a session cookie (connect_error)', async () => {
    const socket = track(socketAs(server, null));
    await expect(connected(socket)).rejects.toThrow();
    expect(socket.connected).toBe(false);
  });

  it('refuses a connection with an unknown session token', async () => {
    const socket = track(socketAs(server, person, { cookie: 'mesa_session=abc.def' }));
    await expect(connected(socket)).rejects.toThrow();
  });

  it('refuses a connection from a foreign Origin even with a valid session', async () => {
    const socket = track(socketAs(server, person, { origin: 'https://evil.example' }));
    await expect(connected(socket)).rejects.toThrow();
  });

  it('connects without any Origin (a non-browser client) when the session is valid', async () => {
    const socket = track(await connectAs(server, person, { origin: null }));
    expect(socket.connected).toBe(true);
  });

  it('answers a websocket upgrade with 403 for a foreign Origin and 401 without a session', async () => {
    expect(
      await upgradeStatus(server, { origin: 'https://evil.example', cookie: person.cookie }),
    ).toBe(403);
    expect(await upgradeStatus(server, { origin: server.origin })).toBe(401);
    expect(await upgradeStatus(server, { origin: server.origin, cookie: person.cookie })).toBe(101);
  });

  it('answers a long-polling handshake with the error shape: 403 foreign Origin, 401 no session', async () => {
    const path = '/socket.io/?EIO=4&transport=polling';
    const foreign = await fetch(`${server.url}${path}`, {
      headers: { origin: 'https://evil.example', cookie: person.cookie },
    });
    expect(foreign.status).toBe(403);
    expect(ErrorBodySchema.parse(await foreign.json()).error.code).toBe('foreign_origin');
    const anonymous = await fetchAs(server, null, path);
    expect(anonymous.status).toBe(401);
    expect(ErrorBodySchema.parse(await anonymous.json()).error.code).toBe('unauthenticated');
    expect((await fetchAs(server, person, path)).status).toBe(200);
  });

  it('does not serve the Socket.IO client bundle', async () => {
    const res = await fetchAs(server, person, '/socket.io/socket.io.js');
    expect(res.status).not.toBe(200);
  });

  it('refuses an upgrade to an unknown path instead of leaving it hanging', async () => {
    const url = `${server.url.replace('http', 'ws')}/nowhere`;
    const status = await new Promise<number>((resolve, reject) => {
      const ws = new WebSocket(url, { headers: { origin: server.origin } });
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => resolve(101));
      ws.on('error', reject);
    });
    expect(status).toBe(404);
  });

  it('disconnects every socket when the server closes', async () => {
    const other = await startServer();
    const someone = await createPersonOn(other);
    const socket = track(await connectAs(other, someone));
    await other.close();
    await waitFor(() => expect(socket.connected).toBe(false));
  });
});
