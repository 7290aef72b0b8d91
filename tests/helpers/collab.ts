import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { isUpdateMessage } from '@mesa/shared';
import { afterAll, beforeAll } from 'vitest';
import type { TestDialect } from './databases.js';
import { startServer, type TestServer } from './server.js';
import { aProgramId, type TestPerson } from './people.js';

/** A stock y-websocket client connected to a Mesa document, with what it observed. */
export interface TestEditor {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** Close codes the server sent, in order. */
  closes: number[];
  /** Update messages sent on the current connection, and how many the server confirmed (`ack`). */
  count: { sent: number; acked: number };
  /** Acknowledgements received so far, over every connection. */
  acks: number;
  /** True when the server confirmed every update message of the current connection. */
  saved(): boolean;
  destroy(): void;
}

/**
 * A `ws` subclass that sends a Cookie and an Origin like a browser would; the provider
 * constructs it with (url, protocols) only. `onSocket` receives each new socket's count of
 * update messages sent (sync step 2 or update), numbered like the server numbers them.
 */
export function webSocketWith(
  headers: Record<string, string>,
  onSocket: (count: { sent: number; acked: number }) => void = () => undefined,
) {
  return class extends WebSocket {
    private readonly count = { sent: 0, acked: 0 };
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers });
      onSocket(this.count);
    }
    override send(data: Parameters<WebSocket['send']>[0], ...rest: unknown[]): void {
      if (data instanceof Uint8Array && isUpdateMessage(data)) this.count.sent++;
      (super.send as (...args: unknown[]) => void)(data, ...rest);
    }
  };
}

/** Options of a test editor. */
export interface EditorOptions {
  ack?: boolean;
  origin?: string | null;
  connect?: boolean;
}

/** Connects the stock WebsocketProvider (ws polyfill, no BroadcastChannel) to a document. */
export function connectEditor(
  server: TestServer,
  person: TestPerson | null,
  documentName: string,
  options: EditorOptions = {},
): TestEditor {
  const headers: Record<string, string> = {};
  if (person) headers.cookie = person.cookie;
  const origin = options.origin === undefined ? server.origin : options.origin;
  if (origin) headers.origin = origin;
  const doc = new Y.Doc();
  let count = { sent: 0, acked: 0 };
  let acks = 0;
  const provider = new WebsocketProvider(
    `${server.url.replace('http', 'ws')}/collab`,
    documentName,
    doc,
    {
      WebSocketPolyfill: webSocketWith(headers, (c) => {
        count = c;
      }) as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: options.connect ?? true,
      maxBackoffTime: 300,
      params: options.ack ? { ack: '1' } : {},
    },
  );
  const closes: number[] = [];
  provider.on('connection-close', (event) => {
    if (event) closes.push(event.code);
  });
  if (options.ack)
    provider.messageHandlers[100] = (_encoder, decoder) => {
      count.acked = Math.max(count.acked, decoding.readVarUint(decoder));
      acks++;
    };
  return {
    doc,
    provider,
    closes,
    get count() {
      return count;
    },
    get acks() {
      return acks;
    },
    saved: () => provider.wsconnected && provider.synced && count.acked >= count.sent,
    destroy() {
      provider.destroy();
      doc.destroy();
    },
  };
}

/** Polls until `check` passes (it may throw or return false) or the timeout expires. */
export async function waitFor(
  check: () => unknown,
  timeoutMs = 10_000,
  label = 'condition',
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const result: unknown = await check();
      if (result !== false) return;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline)
      throw new Error(
        `timed out waiting for ${label}${last instanceof Error ? `: ${last.message}` : ''}`,
      );
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The text of the plan fragment's plain content (for quick assertions). */
/**
 * A raw y-websocket awareness message (type 1) with the given entries, as a hostile client
 * would build it: [client id, clock, state as JSON ('null' removes the state)].
 */
export function awarenessMessage(entries: [number, number, string][]): Uint8Array {
  const update = encoding.createEncoder();
  encoding.writeVarUint(update, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(update, clientId);
    encoding.writeVarUint(update, clock);
    encoding.writeVarString(update, state);
  }
  const message = encoding.createEncoder();
  encoding.writeVarUint(message, 1);
  encoding.writeVarUint8Array(message, encoding.toUint8Array(update));
  return encoding.toUint8Array(message);
}

export function planText(doc: Y.Doc): string {
  return doc.getXmlFragment('default').toJSON();
}

/** Appends a paragraph with text to the plan, as an editor would. */
export function typeParagraph(doc: Y.Doc, text: string): void {
  const fragment = doc.getXmlFragment('default');
  const p = new Y.XmlElement('paragraph');
  p.insert(0, [new Y.XmlText(text)]);
  fragment.push([p]);
}

/** Test editors opened by one suite, destroyed together when it ends. */
export function editorPool() {
  const editors: TestEditor[] = [];
  return {
    /** Connects an editor (see connectEditor) and remembers it. */
    open(...args: Parameters<typeof connectEditor>): TestEditor {
      const editor = connectEditor(...args);
      editors.push(editor);
      return editor;
    },
    /** Destroys every editor opened so far. */
    destroyAll(): void {
      for (const editor of editors.splice(0)) editor.destroy();
    },
  };
}

/**
 * One server per suite on `dialect`, a program on it, and the editors the suite's tests open
 * (push them to `editors`); everything is closed after the suite. Read the fields inside a test.
 */
export function collabSuite(dialect: TestDialect) {
  const suite = {
    server: null as unknown as TestServer,
    programId: '',
    editors: [] as TestEditor[],
  };
  beforeAll(async () => {
    suite.server = await startServer({ dialect });
    suite.programId = await aProgramId(suite.server);
  });
  afterAll(async () => {
    for (const e of suite.editors.splice(0)) e.destroy();
    await suite.server?.close();
  });
  return suite;
}
