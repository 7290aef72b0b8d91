import { afterEach, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { isStored, openCollab, readVarBytes, requireClocks, type CollabSession } from './collab';

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
/** Mesa's acknowledgement: type 100 and a stored state vector. */
const ack = (doc: Y.Doc) => message([100], Y.encodeStateVector(doc));

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
  opened.socket.open();
  opened.socket.receive(syncStep2(server));
  return opened;
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

  it('is saving until the stored state covers the document, then saved', () => {
    const server = new Y.Doc();
    server.getText('t').insert(0, 'hello');
    const { session, socket } = connected(server);
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(server));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
    session.doc.getText('t').insert(5, ' world');
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(server));
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    socket.receive(ack(session.doc));
    expect(session.getStatus()).toEqual({ kind: 'saved' });
  });

  it('stays saved when changes arrive from the server (already stored there)', () => {
    const server = new Y.Doc();
    const { session, socket } = connected(server);
    socket.receive(ack(server));
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
    socket.receive(ack(server));
    socket.serverClose(1006);
    expect(session.getStatus()).toEqual({ kind: 'offline' });
    session.doc.getText('t').insert(0, 'typed offline');
    expect(session.getStatus()).toEqual({ kind: 'offline' });
    vi.advanceTimersByTime(6000);
    const again = FakeSocket.sockets.at(-1)!;
    expect(again).not.toBe(socket);
    again.open();
    again.receive(syncStep2(server));
    expect(session.getStatus()).toEqual({ kind: 'saving' });
    again.receive(ack(session.doc));
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
    socket.receive(ack(server));
    socket.receive(ack(server));
    expect(listener).toHaveBeenCalledTimes(1);
  });
});

describe('acknowledgement helpers', () => {
  it('reads the stored state vector of an acknowledgement', () => {
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'abc');
    const bytes = ack(doc);
    const decoder = { arr: bytes, pos: 1 };
    expect(readVarBytes(decoder)).toEqual(Y.encodeStateVector(doc));
    expect(decoder.pos).toBe(bytes.length);
  });

  it('refuses a truncated acknowledgement', () => {
    expect(() => readVarBytes({ arr: new Uint8Array([100, 5, 1]), pos: 1 })).toThrow(RangeError);
  });

  it('counts changes as stored only when every clock they bring is covered', () => {
    const a = new Y.Doc();
    const required = new Map<number, number>();
    a.on('update', (update: Uint8Array) => requireClocks(required, update));
    a.getText('t').insert(0, 'a');
    const stored = Y.encodeStateVector(a);
    expect(isStored(required, stored)).toBe(true);
    a.getText('t').insert(1, 'b');
    expect(isStored(required, stored)).toBe(false);
  });
});
