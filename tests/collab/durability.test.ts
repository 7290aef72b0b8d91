import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { buildApp } from '@mesa/server/app';
import { loadConfig } from '@mesa/server/env';
import { createPerson, firstProgramId, type TestPerson } from '@mesa/server/testing';
import type { TestServer } from '../helpers/server.js';
import {
  connectEditor,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
} from '../helpers/collab.js';

const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const address = s.address();
      s.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

function startChild(dataDir: string, port: number, journal: string): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      MESA_COLLAB_JOURNAL: journal,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function healthy(url: string): Promise<void> {
  await waitFor(async () => (await fetch(`${url}/api/health`)).ok, 30_000, 'server start');
}

/** Counts paragraphs whose text is exactly `marker`. */
function count(doc: Y.Doc, marker: string): number {
  return planText(doc).split(`<paragraph>${marker}</paragraph>`).length - 1;
}

/** How the running server journals changes, from its metrics. */
async function journalKind(url: string, admin: TestPerson): Promise<unknown> {
  const res = await fetch(`${url}/api/admin/metrics`, { headers: { cookie: admin.cookie } });
  return ((await res.json()) as { journal?: unknown }).journal;
}

// The default journal is memory-mapped (the native binding is built by the install); `write`
// is what a server without it, or told so, uses.
describe.each(['mapped', 'write'])('durability with the %s journal', (journal) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-durable-'));
  let child: ChildProcess | null = null;
  const editors: TestEditor[] = [];
  afterAll(() => {
    for (const e of editors) e.destroy();
    child?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps every acknowledged edit exactly once across SIGKILL and restart, and merges the rest', async () => {
    const app = await buildApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
      logger: false,
    });
    const programId = await firstProgramId(app);
    const people: TestPerson[] = [];
    for (let i = 0; i < 3; i++)
      people.push(await createPerson(app, { programId, relation: 'lead' }));
    const admin = await createPerson(app, { role: 'admin' });
    await app.close();

    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const server = { url, origin: `http://localhost:${port}` } as TestServer;
    child = startChild(dataDir, port, journal);
    await healthy(url);
    expect(await journalKind(url, admin)).toBe(journal);
    const name = planDocumentName(programId);
    for (const p of people) editors.push(connectEditor(server, p, name, { ack: true }));
    await waitFor(() => editors.every((e) => e.provider.synced), 10_000, 'sync');

    const typed: { editor: TestEditor; marker: string; clock: number }[] = [];
    let n = 0;
    const burst = setInterval(() => {
      for (const [i, e] of editors.entries()) {
        const marker = `e${i}-${n}`;
        typeParagraph(e.doc, marker);
        typed.push({
          editor: e,
          marker,
          clock: Y.decodeStateVector(Y.encodeStateVector(e.doc)).get(e.doc.clientID)!,
        });
      }
      n++;
    }, 5);
    await waitFor(() => editors.every((e) => e.acks.length > 5), 10_000, 'acks');
    child.kill('SIGKILL');
    await new Promise((r) => child!.once('exit', r));
    for (const e of editors) e.provider.disconnect();
    clearInterval(burst);
    for (const [i, e] of editors.entries()) typeParagraph(e.doc, `offline-${i}`);

    const acked = typed.filter(({ editor, clock }) => {
      const last = editor.acks.at(-1)!;
      return (Y.decodeStateVector(last).get(editor.doc.clientID) ?? 0) >= clock;
    });
    expect(acked.length).toBeGreaterThan(0);

    child = startChild(dataDir, port, journal);
    await healthy(url);
    const fresh = connectEditor(server, people[0]!, name);
    editors.push(fresh);
    await waitFor(() => fresh.provider.synced, 10_000, 'fresh sync');
    for (const { marker } of acked) expect(count(fresh.doc, marker), marker).toBe(1);
    expect(planText(fresh.doc).match(/Objectives/g)).toHaveLength(1);

    for (const e of editors) e.provider.connect();
    await waitFor(
      () =>
        typed.every(({ marker }) => count(fresh.doc, marker) === 1) &&
        [0, 1, 2].every((i) => count(fresh.doc, `offline-${i}`) === 1),
      15_000,
      'every edit after resync',
    );
    expect(planText(fresh.doc).match(/Objectives/g)).toHaveLength(1);
  });
});
