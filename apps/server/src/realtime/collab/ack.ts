import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';
import { COLLAB_ACK_PARAM, CollabMessageTypes } from '@mesa/shared';
import type { LiveDocument } from './document.js';

/** True when the upgrade's query asks for acknowledgements (`?ack=1`). */
export function wantsAck(query: URLSearchParams): boolean {
  return query.get(COLLAB_ACK_PARAM) === '1';
}

/** Mesa's acknowledgement: type 100 and how many of the client's update messages are durable. */
export function encodeAck(count: number): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, CollabMessageTypes.ack);
  encoding.writeVarUint(encoder, count);
  return encoding.toUint8Array(encoder);
}

/**
 * True when the document holds everything a decoded update brings: each struct's range and
 * each deleted range lies below the document's state for its client. A range that lies below
 * is integrated, and so are deletions on it (Yjs applies pending deletions as soon as their
 * items arrive). Equivalent to `Y.snapshotContainsUpdate` without building the document's
 * delete set, which costs a walk over every struct on each message.
 */
export function documentContains(doc: Y.Doc, update: ReturnType<typeof Y.decodeUpdate>): boolean {
  const covers = (client: number, end: number) => Y.getState(doc.store, client) >= end;
  for (const struct of update.structs)
    if (!(struct instanceof Y.Skip) && !covers(struct.id.client, struct.id.clock + struct.length))
      return false;
  for (const [client, items] of update.ds.clients)
    for (const item of items) if (!covers(client, item.clock + item.len)) return false;
  return true;
}

interface Unacked {
  /** The message's number on its connection. */
  n: number;
  /** Change number that must be stored first; null while the document lacks part of it. */
  needs: number | null;
  /** Kept only while `needs` is null, to check again. */
  update: Uint8Array | null;
}

/**
 * Counts one connection's update messages and acknowledges them in order once durable: the
 * document contains the message's update and everything it held when the message arrived is
 * stored. An update Yjs keeps pending for missing dependencies waits until what it depends on
 * arrives and is stored; a resend of what is already held waits for what was not yet stored.
 */
export class AckTracker {
  private received = 0;
  private acked = 0;
  private readonly queue: Unacked[] = [];

  constructor(
    private readonly doc: LiveDocument,
    private readonly send: (message: Uint8Array) => void,
  ) {}

  /** Records an update message that was applied (or refused as a no-op by a reader). */
  track(update: Uint8Array, contained: boolean): void {
    const n = ++this.received;
    this.queue.push(
      contained ? { n, needs: this.doc.changeSeq, update: null } : { n, needs: null, update },
    );
    this.flush();
  }

  /** Sends the count of messages now durable, if it grew. */
  flush(): void {
    let acked = this.acked;
    while (this.queue.length > 0) {
      const head = this.queue[0]!;
      if (head.needs === null) {
        if (!documentContains(this.doc.ydoc, Y.decodeUpdate(head.update!))) break;
        head.needs = this.doc.changeSeq;
        head.update = null;
      }
      if (this.doc.committedSeq < head.needs) break;
      acked = head.n;
      this.queue.shift();
    }
    if (acked === this.acked) return;
    this.acked = acked;
    this.send(encodeAck(acked));
  }
}
