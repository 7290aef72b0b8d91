// Clients in the bench's main thread: stock providers (late join, Saved) and raw sockets
// (seeding a history, holding idle connections).
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import { COLLAB_ACK_PARAM } from '@mesa/shared';
import { ignoreAcks } from './ack-counter.js';
import { headerWebSocket, type Target } from './servers.js';
import { sleep } from './typing-protocol.js';
import { withTimeout } from './util.js';

/** A stock provider and its document. */
export interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

/**
 * A stock provider as Mesa's editor opens one: asking for acknowledgements (`?ack=1`; the
 * reference ignores the query). `socketClass` replaces the default header-adding socket.
 */
export function newClient(
  target: Target,
  room: string,
  socketClass: typeof WebSocket = headerWebSocket(target.headers),
): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.serverUrl, room, doc, {
    WebSocketPolyfill: socketClass as unknown as typeof globalThis.WebSocket,
    params: { [COLLAB_ACK_PARAM]: '1' },
    disableBc: true,
    maxBackoffTime: 1000,
  });
  ignoreAcks(provider);
  return { doc, provider };
}

/** Destroys providers and documents, then lets the close frames reach the server. */
export async function closeClients(clients: Client[]): Promise<void> {
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  await sleep(200);
}

const MESSAGE_SYNC = 0;

/** A raw `ws` client that sends sync step 1 and resolves at the server's first sync reply. */
export function rawConnect(target: Target, room: string, timeoutMs: number): Promise<WebSocket> {
  return withTimeout(
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${target.serverUrl}/${room}`, { headers: target.headers });
      socket.binaryType = 'nodebuffer';
      let done = false;
      socket.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, new Y.Doc());
        socket.send(encoding.toUint8Array(encoder));
      });
      socket.on('message', (data: Buffer) => {
        if (done) return;
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === MESSAGE_SYNC) {
          done = true;
          resolve(socket);
        }
      });
      socket.on('close', (code) => {
        if (!done) reject(new Error(`${target.name}: connection closed with ${code}`));
      });
      socket.on('error', (error) => {
        if (!done) reject(error);
      });
    }),
    timeoutMs,
    `${target.name} raw connect`,
  );
}

/** Sends one Yjs update as a sync update message. */
export function sendUpdate(socket: WebSocket, update: Uint8Array): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  socket.send(encoding.toUint8Array(encoder));
}
