import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { STALLED_AFTER_MS, openCollab, type CollabSession } from './collab';

// A stand-in for the browser's WebSocket: the test plays the server.
class FakeSocket {
  static readonly OPEN = 1;
  static sockets: FakeSocket[] = [];
  readonly OPEN = 1;
  readyState = 0;
  binaryType = 'blob';
  sent: Uint8Array[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  constructor(readonly url: string) {
    FakeSocket.sockets.push(this);
  }
  send(data: Uint8Array) {
    this.sent.push(data);
  }
  close() {
    this.readyState = 3;
  }
  open() {
    this.readyState = 1;
    this.onopen?.();
  }
  receive(bytes: Uint8Array) {
    this.onmessage?.({ data: bytes.slice().buffer });
  }
  serverClose(code: number) {
    this.readyState = 3;
    this.onclose?.({ code, reason: '' });
  }
}

function varUint(n: number): number[] {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n = Math.floor(n / 128);
  }
  out.push(n);
  return out;
}

function message(type: number[], payload: Uint8Array): Uint8Array {
  return new Uint8Array([...type, ...varUint(payload.length), ...payload]);
}

/** y-protocols sync step 2 carrying a whole document. */
const syncStep2 = (doc: Y.Doc) => message([0, 1], Y.encodeStateAsUpdate(doc));
/** Mesa's acknowledgement: type 100 and how many update messages are durable. */
const ack = (count: number) => new Uint8Array([100, ...varUint(count)]);
/** How many update messages (sync step 2 or update) a socket has sent. */
const updatesSent = (socket: FakeSocket) =>
  socket.sent.filter((m) => m[0] === 0 && (m[1] === 1 || m[1] === 2)).length;

const sessions: CollabSession[] = [];
let counter = 0;

function open(readOnly = false, onAccessChanged?: () => void) {
  FakeSocket.sockets = [];
  const session = openCollab({
    documentName: `plan:test${++counter}`,
    userId: 'u1',
    user: { id: 'u1', name: 'Ana', color: '#0b6e6e' },
    readOnly,
    onAccessChanged,
    serverUrl: 'ws://test/collab',
    persist: false,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
  });
  sessions.push(session);
  const socket = FakeSocket.sockets[0]!;
  return { session, socket };
}

/** Opens a session and plays a server whose stored document is `server`. */
function connected(server: Y.Doc, readOnly = false, onAccessChanged?: () => void) {
  const opened = open(readOnly, onAccessChanged);
  handshake(opened.socket, server);
  return opened;
}

/** Plays the server's side of the sync: its step 1 (answered with the client's step 2), then its step 2. */
function handshake(socket: FakeSocket, server: Y.Doc) {
  socket.open();
  socket.receive(message([0, 0], Y.encodeStateVector(server)));
  socket.receive(syncStep2(server));
}

afterEach(() => {
  for (const session of sessions.splice(0)) session.destroy();
  vi.useRealTimers();
});

describe('collab session', () => {
  it('asks for acknowledgements and starts as connecting', () => {
    const { session, socket } = open();
    expect(socket.url).toContain('?ack=1');
    expect(session.getStatus()).toEqual({ kind: 'connecting' });
  });

  it('is saving until the server confirms every update message sent, then saved', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'hello');
    const { session, socket } = connected(server);
    expect(updatesSent(socket)).toBe(1);
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(1));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
    session.doc.getText('t').insert(5, ' world');
    expect(updatesSent(socket)).toBe(2);
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(1));
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(2));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
  });

  it('waits for confirmation of a deletion and of formatting like of an insertion', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'hello');
    const { session, socket } = connected(server);
    socket.receive(ack(1));
    session.doc.getText('t').delete(0, 2);
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(2));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
    session.doc.getText('t').format(0, 3, { bold: true });
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(3));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
  });

  it('says so when the server leaves changes unconfirmed for long', () => {
    vi.useFakeTimers();
    const server = new Y.Doc();
    const { session, socket } = connected(server);
    socket.receive(ack(1));
    session.doc.getText('t').insert(0, 'stuck');
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    vi.advanceTimersByTime(STALLED_AFTER_MS);
    expect(session.getStatus()).toEqual({ kind: 'stalled' });
    socket.receive(ack(2));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
  });

  it('stays saved when changes arrive from the server (already stored there)', () => {
    const server = new Y.Doc();
    const { session, socket } = connected(server);
    socket.receive(ack(1));
    const other = new Y.Doc();
    other.getText('t').insert(0, 'from someone else');
    socket.receive(message([0, 2], Y.encodeStateAsUpdate(other)));
    expect(session.doc.getText('t').toJSON()).toBe('from someone else');
    expect(session.getStatus()).toEqual({ kind: 'saved' });
  });

  it('says read-only to a reader once synced', () => {
    const { session } = connected(new Y.Doc(), true);
    expect(session.getStatus()).toEqual({ kind: 'read-only' });
  });

  it('goes offline when the network drops, keeps typing, and saves after reconnecting', () => {
    vi.useFakeTimers();
    const server = new Y.Doc();
    const { session, socket } = connected(server);
    socket.receive(ack(1));
    socket.serverClose(1006);
    expect(session.getStatus()).toEqual({ kind: 'offline' });
    session.doc.getText('t').insert(0, 'typed offline');
    expect(session.getStatus()).toEqual({ kind: 'offline' });
    vi.advanceTimersByTime(6000);
    const again = FakeSocket.sockets.at(-1)!;
    expect(again).not.toBe(socket);
    handshake(again, server);
    // A new connection counts from one: its step 2 carries what was typed offline.
    expect(updatesSent(again)).toBe(1);
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    again.receive(ack(1));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
  });

  it('stops reconnecting after 4403 and says access is lost', () => {
    vi.useFakeTimers();
    const { session, socket } = connected(new Y.Doc());
    socket.serverClose(4403);
    expect(session.getStatus()).toEqual({ kind: 'access-lost' });
    vi.advanceTimersByTime(30_000);
    expect(FakeSocket.sockets).toHaveLength(1);
  });

  it('reconnects once after 4409 and stops when the re-check says 4403', () => {
    vi.useFakeTimers();
    const onAccessChanged = vi.fn();
    const { session, socket } = connected(new Y.Doc(), false, onAccessChanged);
    socket.serverClose(4409);
    expect(onAccessChanged).toHaveBeenCalledTimes(1);
    expect(session.getStatus()).toEqual({ kind: 'reconnecting' });
    vi.advanceTimersByTime(6000);
    const again = FakeSocket.sockets.at(-1)!;
    expect(again).not.toBe(socket);
    again.open();
    again.serverClose(4403);
    expect(session.getStatus()).toEqual({ kind: 'access-lost' });
    vi.advanceTimersByTime(30_000);
    expect(FakeSocket.sockets).toHaveLength(2);
  });

  it('stops on 4401 and says the person is signed out', () => {
    const { session, socket } = connected(new Y.Doc());
    socket.serverClose(4401);
    expect(session.getStatus()).toEqual({ kind: 'signed-out' });
  });

  it('stops when the app signs the person out', () => {
    const { session } = connected(new Y.Doc());
    window.dispatchEvent(new CustomEvent('mesa:signed-out'));
    expect(session.getStatus()).toEqual({ kind: 'signed-out' });
  });

  it('explains a refused message and reconnects when asked to retry', () => {
    vi.useFakeTimers();
    const { session, socket } = connected(new Y.Doc());
    socket.serverClose(4413);
    expect(session.getStatus()).toEqual({ kind: 'error', code: 4413 });
    vi.advanceTimersByTime(30_000);
    expect(FakeSocket.sockets).toHaveLength(1);
    session.retry();
    vi.advanceTimersByTime(6000);
    expect(FakeSocket.sockets).toHaveLength(2);
    expect(session.getStatus()).toEqual({ kind: 'connecting' });
  });

  it('notifies subscribers only when the status changes', () => {
    const server = new Y.Doc();
    const { session, socket } = connected(server);
    const listener = vi.fn();
    session.subscribe(listener);
    socket.receive(ack(1));
    socket.receive(ack(1));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
