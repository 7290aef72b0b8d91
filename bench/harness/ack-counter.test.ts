import { afterEach, describe, expect, it } from 'vitest';
import { WebSocketServer, type WebSocket as ServerSocket } from 'ws';
import type { AddressInfo } from 'node:net';
import * as Y from 'yjs';
import * as encoding from 'lib0/encoding';
import { WebsocketProvider } from 'y-websocket';
import {
  AckCounter,
  ackCountingWebSocket,
  handleAcks,
  isUpdateMessage,
  savedRecorder,
} from './ack-counter.js';
import { waitUntil } from './typing-protocol.js';

function ack(n: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 100);
  encoding.writeVarUint(encoder, n);
  return encoding.toUint8Array(encoder);
}

describe('AckCounter', () => {
  it('counts sync step 2 and update messages and nothing else', () => {
    expect(isUpdateMessage(new Uint8Array([0, 1, 0]))).toBe(true);
    expect(isUpdateMessage(new Uint8Array([0, 2, 0]))).toBe(true);
    expect(isUpdateMessage(new Uint8Array([0, 0, 0]))).toBe(false); // sync step 1
    expect(isUpdateMessage(new Uint8Array([1, 2, 0]))).toBe(false); // awareness
    expect(isUpdateMessage(new Uint8Array([0]))).toBe(false);
    expect(isUpdateMessage('0')).toBe(false);
  });

  it('times each measured message from its send to the first acknowledgement covering it', () => {
    const saved: number[] = [];
    const counter = new AckCounter((ms) => saved.push(ms));
    counter.sent(new Uint8Array([0, 1]), false, 0); // the handshake's step 2: not timed
    counter.sent(new Uint8Array([0, 2]), true, 10);
    counter.sent(new Uint8Array([1, 0]), true, 11); // awareness: not counted
    counter.sent(new Uint8Array([0, 2]), true, 12);
    counter.acknowledge(2, 15);
    expect(saved).toEqual([5]);
    expect(counter.unacknowledged()).toBe(1);
    counter.acknowledge(1, 16); // an older acknowledgement changes nothing
    counter.acknowledge(3, 20);
    expect(saved).toEqual([5, 8]);
    expect(counter.unacknowledged()).toBe(0);
  });

  it('counts an acknowledgement of more than was sent as an overclaim', () => {
    const counter = new AckCounter(() => undefined);
    counter.sent(new Uint8Array([0, 2]), true, 0);
    counter.acknowledge(5, 1);
    expect(counter.overclaims).toBe(1);
    expect(counter.unacknowledged()).toBe(0);
  });
});

describe('a stock provider with the counting socket', () => {
  let server: WebSocketServer | null = null;
  let provider: WebsocketProvider | null = null;
  afterEach(() => {
    provider?.destroy();
    server?.close();
  });

  it('reads a fake server’s acknowledgements into Saved times of the edits', async () => {
    server = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    const urls: string[] = [];
    // The fake acknowledges every update message as soon as it arrives.
    server.on('connection', (socket: ServerSocket, request) => {
      urls.push(request.url ?? '');
      let updates = 0;
      socket.on('message', (data: Buffer) => {
        if (data[0] === 0 && (data[1] === 1 || data[1] === 2)) socket.send(ack(++updates));
      });
    });
    await new Promise((resolve) => server!.once('listening', resolve));
    const { port } = server.address() as AddressInfo;
    const recorder = savedRecorder();
    const doc = new Y.Doc();
    provider = new WebsocketProvider(`ws://127.0.0.1:${port}`, 'room', doc, {
      WebSocketPolyfill: ackCountingWebSocket({}, recorder) as unknown as typeof WebSocket,
      params: { ack: '1' },
      disableBc: true,
    });
    handleAcks(provider);
    expect(await waitUntil(() => provider!.wsconnected, 5000)).toBe(true);
    recorder.measuring = true;
    for (let i = 0; i < 5; i++) doc.getText('t').insert(0, 'x');
    expect(await waitUntil(() => recorder.saved.length === 5, 5000)).toBe(true);
    expect(recorder.counters[0]!.unacknowledged()).toBe(0);
    expect(recorder.counters[0]!.overclaims).toBe(0);
    expect(urls[0]).toContain('ack=1');
  });
});
