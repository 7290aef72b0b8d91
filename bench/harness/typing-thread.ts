// One thread of the propagation case's load generator (cases/propagation.ts). It hosts some of
// the clients, types for the typists among them, and records on the machine-wide monotonic
// clock when each edit was handed to its socket and when each of its clients received what.
// Clients live in several threads so that a receiver is not held up by the synchronous work a
// sender does after its `send` in the same event loop (see bench/README.md, "Clock").
import { parentPort } from 'node:worker_threads';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { COLLAB_ACK_PARAM } from '@mesa/shared';
import { ignoreAcks } from './ack-counter.js';
import {
  clock,
  sleep,
  waitUntil,
  type Command,
  type Reply,
  type Received,
  type Sent,
} from './typing-protocol.js';

const port = parentPort!;
// Every stock provider adds a process 'exit' listener in Node.
process.setMaxListeners(0);
/** The server and document of the current run. */
let target: Extract<Command, { type: 'connect' }> | null = null;

/** When the last socket of this thread started a `send` (read right after a local edit). */
let lastSendAt = 0;

/** The client socket: Mesa's headers when there are any, and a stamp before every send. */
class StampingWebSocket extends WebSocket {
  constructor(address: string | URL, protocols?: string | string[]) {
    super(address, protocols, { headers: target?.headers ?? {} });
    const send = this.send.bind(this);
    this.send = ((...args: Parameters<WebSocket['send']>) => {
      lastSendAt = clock();
      send(...args);
    }) as WebSocket['send'];
  }
}

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** What arrived since the last report: typist, its clock after the transaction, time. */
  received: Received[];
  stop: () => void;
}

let clients: Client[] = [];
/** The clientID of every typist of the run (in any thread), by typist number. */
let typistIds: number[] = [];
/** clientID → typist number, the other way round. */
let typistOf = new Map<number, number>();

function newClient(): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target!.serverUrl, target!.room, doc, {
    WebSocketPolyfill: StampingWebSocket as unknown as typeof globalThis.WebSocket,
    // As Mesa's editor connects; the reference ignores the query.
    params: { [COLLAB_ACK_PARAM]: '1' },
    disableBc: true,
    maxBackoffTime: 1000,
  });
  ignoreAcks(provider);
  const client: Client = { doc, provider, received: [], stop: () => undefined };
  // O(1) per transaction and typist: the clocks it advanced. Matching them to edits happens in
  // the main thread after the burst, off the measured path.
  const observer = (transaction: Y.Transaction) => {
    if (transaction.local) return;
    const now = clock();
    for (const [clientID, after] of transaction.afterState) {
      const typist = typistOf.get(clientID);
      if (typist === undefined || after === transaction.beforeState.get(clientID)) continue;
      client.received.push([typist, after, now]);
    }
  };
  doc.on('afterTransaction', observer);
  client.stop = () => doc.off('afterTransaction', observer);
  return client;
}

async function connect(command: Extract<Command, { type: 'connect' }>): Promise<Reply> {
  target = command;
  // The document's history holds earlier runs' edits: they are not this run's.
  typistIds = [];
  typistOf = new Map();
  const { count } = command;
  clients = Array.from({ length: count }, newClient);
  const ok = await waitUntil(() => clients.every((c) => c.provider.synced), 30_000, 20);
  if (!ok) return { type: 'failed', error: `${count} clients did not sync within 30 s` };
  return { type: 'connected', clientIds: clients.map((c) => c.doc.clientID) };
}

/** Types for this thread's typists from `start`, each every `period` ms from its phase. */
async function type(command: Extract<Command, { type: 'type' }>): Promise<Reply> {
  const { typists, edits, period, start } = command;
  const next = typists.map((t) => start + t.phase);
  const typed = typists.map(() => 0);
  const sent: Sent[] = [];
  let unsent = 0;
  const deadline = start + (edits / (1000 / period)) * 1000 + 10_000;
  while (typed.some((n) => n < edits) && clock() < deadline) {
    const now = clock();
    typists.forEach((t, i) => {
      if (typed[i]! >= edits || now < next[i]!) return;
      const doc = clients[t.local]!.doc;
      const first = Y.getState(doc.store, doc.clientID);
      lastSendAt = Number.NaN;
      doc.getText('bench').insert(0, `${t.typist}.${t.count + typed[i]!};`);
      // A provider that is not connected sends the edit when it is again: timed from now.
      if (Number.isNaN(lastSendAt)) unsent++;
      sent.push([t.typist, first, Number.isNaN(lastSendAt) ? clock() : lastSendAt]);
      typed[i]!++;
      next[i] = next[i]! + period;
    });
    await sleep(1);
  }
  return {
    type: 'typed',
    sent,
    finalClocks: typists.map((t) => {
      const doc = clients[t.local]!.doc;
      return [t.typist, Y.getState(doc.store, doc.clientID)];
    }),
    saturated: typed.some((n) => n < edits),
    unsent,
  };
}

/** Waits until every client here holds every typist's final clock, then reports. */
async function collect(finalClocks: [number, number][], timeoutMs: number): Promise<Reply> {
  const holds = (c: Client) =>
    finalClocks.every(([typist, at]) => Y.getState(c.doc.store, typistIds[typist]!) >= at);
  const complete = await waitUntil(() => clients.every(holds), timeoutMs, 2);
  const reply: Reply = {
    type: 'collected',
    complete,
    received: clients.map((c) => c.received),
    stateVectors: clients.map((c) => Y.encodeStateVector(c.doc)),
  };
  for (const c of clients) c.received = [];
  return reply;
}

async function close(): Promise<Reply> {
  for (const c of clients) {
    c.stop();
    c.provider.destroy();
    c.doc.destroy();
  }
  clients = [];
  // Let the close frames reach the server.
  await sleep(200);
  return { type: 'closed' };
}

async function handle(command: Command): Promise<Reply> {
  switch (command.type) {
    case 'connect':
      return connect(command);
    case 'typists':
      typistIds = command.clientIds;
      typistOf = new Map(typistIds.map((id, typist) => [id, typist]));
      return { type: 'ok' };
    case 'type':
      return type(command);
    case 'collect':
      return collect(command.finalClocks, command.timeoutMs);
    case 'close':
      return close();
  }
}

port.on('message', (command: Command) => {
  handle(command).then(
    (reply) => port.postMessage(reply),
    (error: unknown) =>
      port.postMessage({
        type: 'failed',
        error: error instanceof Error ? (error.stack ?? error.message) : String(error),
      } satisfies Reply),
  );
});
