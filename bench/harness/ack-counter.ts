// Mesa's acknowledgement, as its editor reads it (issue 17): a client that connects with
// `?ack=1` numbers the update messages it sends on a connection (1, 2, 3…) — sync messages
// (first byte 0) of type sync step 2 (second byte 1) or update (2) — and the server answers
// type 100 followed by a varuint N: "your first N update messages are durable". An edit's
// Saved time runs from the send of its update message to the first acknowledgement that
// covers it.
import WebSocket from 'ws';
import * as decoding from 'lib0/decoding';
import type { WebsocketProvider } from 'y-websocket';
import { CollabMessageTypes, isUpdateMessage as isUpdate } from '@mesa/shared';
import { clock } from './typing-protocol.js';

/** True for an update message (shared's rule, the one Mesa counts by) in any form `ws` sends. */
export function isUpdateMessage(data: unknown): boolean {
  if (data instanceof Uint8Array) return isUpdate(data);
  return data instanceof ArrayBuffer && isUpdate(new Uint8Array(data));
}

/** One connection's count of update messages and what was acknowledged of them. */
export class AckCounter {
  /** When each update message went out (by number − 1); NaN when not measured. */
  private readonly sentAt: number[] = [];
  private acked = 0;
  /** Acknowledgements that claimed more messages than were sent (a server's fault). */
  overclaims = 0;

  constructor(private readonly onSaved: (ms: number) => void) {}

  /** Counts `data` if it is an update message, stamped when `measured`. */
  sent(data: unknown, measured: boolean, at = clock()): void {
    if (isUpdateMessage(data)) this.sentAt.push(measured ? at : Number.NaN);
  }

  /** The server says the first `n` update messages are durable. */
  acknowledge(n: number, at = clock()): void {
    if (n > this.sentAt.length) this.overclaims++;
    const upTo = Math.min(n, this.sentAt.length);
    for (let k = this.acked; k < upTo; k++) {
      const sentAt = this.sentAt[k]!;
      if (!Number.isNaN(sentAt)) this.onSaved(at - sentAt);
    }
    this.acked = Math.max(this.acked, upTo);
  }

  /** Measured update messages sent and not acknowledged yet. */
  unacknowledged(): number {
    return this.sentAt.slice(this.acked).filter((t) => !Number.isNaN(t)).length;
  }
}

/** What every connection of an `ackCountingWebSocket` class reports to. */
export interface SavedRecorder {
  /** Whether update messages sent now are timed. */
  measuring: boolean;
  /** Saved times (ms) of the measured messages, in the order acknowledged. */
  readonly saved: number[];
  /** Every connection's counter (a reconnection starts a new one). */
  readonly counters: AckCounter[];
}

/** A fresh recorder, not measuring. */
export function savedRecorder(): SavedRecorder {
  return { measuring: false, saved: [], counters: [] };
}

/** A `ws` subclass for a provider's `WebSocketPolyfill` that counts what it sends. */
export function ackCountingWebSocket(
  headers: Record<string, string>,
  recorder: SavedRecorder,
): typeof WebSocket {
  return class AckCountingWebSocket extends WebSocket {
    readonly counter = new AckCounter((ms) => recorder.saved.push(ms));

    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
      recorder.counters.push(this.counter);
      // Wrapped rather than overridden: `ws` declares `send` with overloads.
      const send = this.send.bind(this);
      this.send = ((...args: Parameters<WebSocket['send']>) => {
        this.counter.sent(args[0], recorder.measuring);
        send(...args);
      }) as WebSocket['send'];
    }
  } as unknown as typeof WebSocket;
}

/** Reads type-100 messages on `provider` into the counter of its current connection. */
export function handleAcks(provider: WebsocketProvider): void {
  provider.messageHandlers[CollabMessageTypes.ack] = (_encoder, decoder, p) => {
    const n = decoding.readVarUint(decoder);
    const socket = p.ws as unknown as { counter?: AckCounter } | null;
    socket?.counter?.acknowledge(n);
  };
}

/** Ignores type-100 messages (a client that asks for acknowledgements but does not time them). */
export function ignoreAcks(provider: WebsocketProvider): void {
  provider.messageHandlers[CollabMessageTypes.ack] = () => undefined;
}
