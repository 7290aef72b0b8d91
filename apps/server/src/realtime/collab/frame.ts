import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';

/**
 * One binary WebSocket message framed once, to be written to many connections (a relay or an
 * awareness change goes to every other client of a document). `ws` frames each `send` again:
 * an options object, a header buffer and two corked writes per connection. Framed once, each
 * connection costs one write of the same bytes. ws made `Sender.frame` public for this use
 * (websockets/ws#1016) but has no public way to write a framed message; see `sendFramed`.
 */
export class FramedMessage {
  /** The frame: header and payload in one buffer. */
  readonly bytes: Buffer;

  constructor(readonly payload: Uint8Array) {
    this.bytes = frameBinary(payload);
  }
}

/**
 * A final, unmasked binary frame (RFC 6455 §5.2: FIN and opcode 2, then the payload length in
 * 7 bits, or 126 and 16 bits, or 127 and 64 bits; a server's frames are never masked).
 */
export function frameBinary(payload: Uint8Array): Buffer {
  const length = payload.length;
  const headerLength = length < 126 ? 2 : length < 0x10000 ? 4 : 10;
  const frame = Buffer.allocUnsafe(headerLength + length);
  frame[0] = 0x82;
  if (headerLength === 2) {
    frame[1] = length;
  } else if (headerLength === 4) {
    frame[1] = 126;
    frame.writeUInt16BE(length, 2);
  } else {
    frame[1] = 127;
    frame.writeBigUInt64BE(BigInt(length), 2);
  }
  frame.set(payload, headerLength);
  return frame;
}

/** The parts of a `ws` 8 WebSocket that writing a framed message relies on. */
interface WsInternals {
  _socket?: Duplex | null;
  /** ws's Sender: state 0 (DEFAULT) means nothing is queued behind a compression or a Blob. */
  _sender?: { _state?: unknown } | null;
}

/**
 * Writes a framed message to an open connection: the bytes `ws.send(payload)` would write.
 * Written straight to the socket only while ws's sender has nothing queued (Mesa turns
 * per-message compression off, so it never queues), so messages keep their order; otherwise,
 * or if ws's internals are not as expected, it falls back to `ws.send`.
 */
export function sendFramed(ws: WebSocket, message: FramedMessage): void {
  const { _socket: socket, _sender: sender } = ws as unknown as WsInternals;
  if (socket && sender?._state === 0 && !socket.destroyed) socket.write(message.bytes);
  else ws.send(message.payload);
}
