import { io, type Socket } from 'socket.io-client';
import type { ClientToServerEvents, ServerToClientEvents } from '@mesa/shared';
import type { TestServer } from './server.js';
import type { TestPerson } from './people.js';

/** A typed Socket.IO client, as the web app has it. */
export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** How a test client connects; by default like the person's browser on the app's origin. */
export interface ConnectOptions {
  /** Origin header; the app's own by default, null for none. */
  origin?: string | null;
  /** Cookie header; the person's session by default. */
  cookie?: string | null;
}

/** Opens a websocket-only Socket.IO client (no reconnection) with a person's session. */
export function socketAs(
  server: TestServer,
  person: TestPerson | null,
  options: ConnectOptions = {},
): ClientSocket {
  const headers: Record<string, string> = {};
  const origin = options.origin === undefined ? server.origin : options.origin;
  const cookie = options.cookie === undefined ? person?.cookie : options.cookie;
  if (origin) headers.origin = origin;
  if (cookie) headers.cookie = cookie;
  return io(server.url, {
    transports: ['websocket'],
    extraHeaders: headers,
    reconnection: false,
    forceNew: true,
    timeout: 5000,
  });
}

/** Resolves once the client is connected, rejects with its connect_error. */
export function connected(socket: ClientSocket): Promise<ClientSocket> {
  return new Promise((resolve, reject) => {
    if (socket.connected) return resolve(socket);
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

/** Connects a person and waits for the connection. */
export function connectAs(
  server: TestServer,
  person: TestPerson,
  options: ConnectOptions = {},
): Promise<ClientSocket> {
  return connected(socketAs(server, person, options));
}

/** Polls until `check` passes (or throws its last error after `timeoutMs`). */
export async function waitFor<T>(check: () => T | Promise<T>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
}

/** Records every payload of one server event, for later assertions. */
export function record<E extends keyof ServerToClientEvents>(
  socket: ClientSocket,
  event: E,
): Parameters<ServerToClientEvents[E]>[0][] {
  const seen: Parameters<ServerToClientEvents[E]>[0][] = [];
  const listener = (payload: Parameters<ServerToClientEvents[E]>[0]) => void seen.push(payload);
  // socket.io-client's typed `on` cannot relate a generic event name to its listener.
  (socket.on as (e: string, l: (p: unknown) => void) => void)(
    event,
    listener as (p: unknown) => void,
  );
  return seen;
}
