import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { startServer, type TestServer } from '../helpers/server.js';
import { aProgramId, createPersonOn, type TestPerson } from '../helpers/people.js';
import {
  connectEditor,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
} from '../helpers/collab.js';

function rawSocket(server: TestServer, person: TestPerson, name: string) {
  const ws = new WebSocket(`${server.url.replace('http', 'ws')}/collab/${name}`, {
    headers: { cookie: person.cookie, origin: server.origin },
  });
  const closed = new Promise<number>((resolve) => ws.on('close', (code) => resolve(code)));
  ws.on('error', () => undefined);
  const opened = new Promise<void>((resolve) => ws.on('open', () => resolve()));
  return { ws, closed, opened };
}

describe('hostile input', () => {
  let server: TestServer;
  let name: string;
  let writer: TestPerson;
  let watcher: TestEditor;
  const editors: TestEditor[] = [];
  beforeAll(async () => {
    server = await startServer({
      env: { MESA_COLLAB_MAX_MESSAGE_BYTES: '65536', MESA_COLLAB_MAX_MESSAGES_PER_SECOND: '50' },
    });
    name = planDocumentName(await aProgramId(server));
    writer = await createPersonOn(server, {
      relation: 'lead',
      programId: await aProgramId(server),
    });
    watcher = connectEditor(server, writer, name);
    editors.push(watcher);
    await waitFor(() => watcher.provider.synced);
  });
  afterAll(async () => {
    for (const e of editors) e.destroy();
    await server?.close();
  });

  const cases: [string, Uint8Array, number][] = [
    ['random bytes', Uint8Array.from([0xff, 0x13, 0x99, 0x02, 0x77, 0x01]), 4400],
    ['an empty frame', new Uint8Array(0), 4400],
    ['a truncated varint', Uint8Array.from([0x80, 0x80]), 4400],
    ['a length longer than the message', Uint8Array.from([0, 2, 0x7f, 1, 2]), 4400],
    ['a valid header with a garbage update', Uint8Array.from([0, 2, 5, 9, 200, 7, 3, 1]), 4400],
    ['an unknown message type', Uint8Array.from([42]), 4400],
    ['an oversized message', new Uint8Array(70_000), 1009],
  ];

  it.each(cases)(
    'closes on %s and keeps the document and other clients intact',
    async (_label, bytes, code) => {
      const before = planText(watcher.doc);
      const { ws, closed, opened } = rawSocket(server, writer, name);
      await opened;
      ws.send(bytes);
      expect(await closed).toBe(code);
      typeParagraph(watcher.doc, `still alive after ${_label}`);
      const check = connectEditor(server, writer, name);
      editors.push(check);
      await waitFor(
        () => check.provider.synced && planText(check.doc).includes(`still alive after ${_label}`),
      );
      expect(planText(check.doc).startsWith(before.slice(0, 50))).toBe(true);
    },
  );

  it('closes a flooding connection with 4429', async () => {
    const { ws, closed, opened } = rawSocket(server, writer, name);
    await opened;
    const sv = Y.encodeStateVector(new Y.Doc());
    for (let i = 0; i < 200; i++) ws.send(Uint8Array.from([0, 0, sv.length, ...sv]));
    expect(await closed).toBe(4429);
    expect(watcher.provider.wsconnected).toBe(true);
  });
});
