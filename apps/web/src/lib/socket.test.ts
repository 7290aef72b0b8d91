import { describe, expect, it, vi } from 'vitest';
import { createLiveClient, type LiveSocket } from './socket';

type Listener = (...args: unknown[]) => void;

/** A tiny emitter with the parts of a Socket.IO client socket the live client uses. */
class FakeSocket {
  connected = false;
  readonly sent: { event: string; payload: unknown }[] = [];
  readonly disconnect = vi.fn(() => {
    this.connected = false;
  });
  readonly connect = vi.fn();
  private listeners = new Map<string, Set<Listener>>();
  private anyListeners = new Set<Listener>();
  private managerListeners = new Map<string, Set<Listener>>();
  readonly io = {
    on: (event: string, listener: Listener) => add(this.managerListeners, event, listener),
    removeAllListeners: () => this.managerListeners.clear(),
  };

  on(event: string, listener: Listener) {
    add(this.listeners, event, listener);
    return this;
  }
  onAny(listener: Listener) {
    this.anyListeners.add(listener);
  }
  offAny() {
    this.anyListeners.clear();
  }
  removeAllListeners() {
    this.listeners.clear();
  }
  emit(event: string, payload: unknown, ack?: (reply: unknown) => void) {
    this.sent.push({ event, payload });
    ack?.({ ok: true, data: payload });
  }
  /** The server (or the transport) says something. */
  fire(event: string, ...args: unknown[]) {
    if (!['connect', 'connect_error', 'disconnect'].includes(event)) {
      this.anyListeners.forEach((listener) => listener(event, ...args));
    }
    if (event === 'connect') this.connected = true;
    if (event === 'disconnect') this.connected = false;
    this.listeners.get(event)?.forEach((listener) => listener(...args));
  }
  fireManager(event: string, ...args: unknown[]) {
    this.managerListeners.get(event)?.forEach((listener) => listener(...args));
  }
  subscriptions() {
    return this.sent.filter((m) => m.event === 'program.subscribe').map((m) => m.payload);
  }
}

function add(map: Map<string, Set<Listener>>, event: string, listener: Listener) {
  const set = map.get(event) ?? new Set();
  set.add(listener);
  map.set(event, set);
}

function setUp(isSignedOut = () => Promise.resolve(false)) {
  const sockets: FakeSocket[] = [];
  const client = createLiveClient({
    connect: () => {
      const socket = new FakeSocket();
      sockets.push(socket);
      return socket as unknown as LiveSocket;
    },
    isSignedOut,
  });
  return { client, sockets };
}

describe('live client', () => {
  it('opens one connection however often it is started, and reads live once connected', () => {
    const { client, sockets } = setUp();
    client.start();
    client.start();
    expect(sockets).toHaveLength(1);
    expect(client.getState()).toBe('connecting');
    sockets[0]!.fire('connect');
    expect(client.getState()).toBe('live');
  });

  it('re-subscribes followed programs after every reconnect, and forgets unfollowed ones', () => {
    const { client, sockets } = setUp();
    client.start();
    const socket = sockets[0]!;
    const stopA = client.followProgram('p-a');
    client.followProgram('p-b');
    socket.fire('connect');
    expect(socket.subscriptions()).toEqual([{ programId: 'p-a' }, { programId: 'p-b' }]);
    stopA();
    socket.fire('disconnect', 'transport close');
    expect(client.getState()).toBe('reconnecting');
    socket.fire('connect');
    expect(socket.subscriptions().slice(2)).toEqual([{ programId: 'p-b' }]);
  });

  it('reads offline after several failed attempts and live again once back', () => {
    const { client, sockets } = setUp();
    client.start();
    const socket = sockets[0]!;
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    socket.fireManager('reconnect_attempt', 2);
    expect(client.getState()).toBe('reconnecting');
    socket.fireManager('reconnect_attempt', 4);
    expect(client.getState()).toBe('offline');
    socket.fire('connect');
    expect(client.getState()).toBe('live');
  });

  it('delivers parsed events and drops payloads that break the contract', () => {
    const { client, sockets } = setUp();
    const seen = vi.fn();
    client.on('access.changed', seen);
    client.start();
    sockets[0]!.fire('access.changed', { programId: null });
    sockets[0]!.fire('access.changed', { programId: 42 });
    expect(seen.mock.calls).toEqual([[{ programId: null }]]);
  });

  it('tells the app about session.ended, then closes for good until a new sign-in', () => {
    const { client, sockets } = setUp();
    const ended = vi.fn();
    client.on('session.ended', ended);
    client.start();
    sockets[0]!.fire('connect');
    sockets[0]!.fire('session.ended', { reason: 'session_ended' });
    expect(ended).toHaveBeenCalledOnce();
    expect(client.getState()).toBe('signedOut');
    expect(sockets[0]!.disconnect).toHaveBeenCalled();
    client.start();
    expect(sockets).toHaveLength(1);
    client.stop();
    client.start();
    expect(sockets).toHaveLength(2);
  });

  it('stops at a handshake the namespace refuses as unauthenticated', async () => {
    const { client, sockets } = setUp();
    client.start();
    sockets[0]!.fire('connect_error', new Error('unauthenticated'));
    await vi.waitFor(() => expect(client.getState()).toBe('signedOut'));
  });

  it('stops when a transport error turns out to be a 401, and keeps retrying otherwise', async () => {
    let signedOut = false;
    const { client, sockets } = setUp(() => Promise.resolve(signedOut));
    client.start();
    sockets[0]!.fire('connect_error', new Error('websocket error'));
    await vi.waitFor(() => expect(client.getState()).toBe('reconnecting'));
    signedOut = true;
    sockets[0]!.fire('connect_error', new Error('websocket error'));
    await vi.waitFor(() => expect(client.getState()).toBe('signedOut'));
    expect(sockets[0]!.disconnect).toHaveBeenCalled();
  });

  it('answers presence only while connected', async () => {
    const { client, sockets } = setUp();
    expect(await client.listPresence()).toBeNull();
    client.start();
    sockets[0]!.fire('connect');
    expect(await client.listPresence()).toEqual({});
  });

  it('joins a meeting room again after every reconnect and hands each join reply over', () => {
    const { client, sockets } = setUp();
    client.start();
    const replies: unknown[] = [];
    const stop = client.followMeeting('m-1', (reply) => replies.push(reply));
    const socket = sockets[0]!;
    socket.fire('connect');
    socket.fire('disconnect', 'transport close');
    socket.fire('connect');
    const joins = socket.sent.filter((m) => m.event === 'meeting.join');
    expect(joins.map((m) => m.payload)).toEqual([{ meetingId: 'm-1' }, { meetingId: 'm-1' }]);
    expect(replies).toHaveLength(2);
    stop();
    expect(socket.sent.at(-1)).toEqual({ event: 'meeting.leave', payload: { meetingId: 'm-1' } });
  });

  it('answers a room command with null when the connection drops before its ack', async () => {
    const { client, sockets } = setUp();
    const command = {
      type: 'withdraw' as const,
      meetingId: 'm-1',
      commandId: '6f1c2f0e-3b8a-4c59-9d51-2f4a8e1b7c10',
    };
    expect(await client.commandMeeting(command)).toBeNull();
    client.start();
    const socket = sockets[0]!;
    socket.fire('connect');
    socket.emit = (event: string, payload: unknown) => void socket.sent.push({ event, payload });
    const reply = client.commandMeeting(command);
    socket.fire('disconnect', 'transport close');
    expect(await reply).toBeNull();
    expect(socket.sent.at(-1)).toEqual({ event: 'meeting.command', payload: command });
  });
});
