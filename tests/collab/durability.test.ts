import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { planDocumentName } from '@mesa/shared';
import { buildApp } from '@mesa/server/app';
import { loadConfig } from '@mesa/server/env';
import { createPerson, firstProgramId, type TestPerson } from '@mesa/server/testing';
import type { TestServer } from '../helpers/server.js';
import { freePort } from '../helpers/process.js';
import { holdWriteLock } from '../helpers/sqlite.js';
import {
  connectEditor,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
} from '../helpers/collab.js';

const serverDir = fileURLToPath(new URL('../../apps/server/', import.meta.url));

function startChild(dataDir: string, port: number): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: serverDir,
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
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

/** Three lead members, a viewer and an admin on a program, made before the server starts. */
async function makePeople(dataDir: string) {
  const app = await buildApp(loadConfig({ PORT: '0', DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
    logger: false,
  });
  const programId = await firstProgramId(app);
  const writers: TestPerson[] = [];
  for (let i = 0; i < 3; i++)
    writers.push(await createPerson(app, { programId, relation: 'lead' }));
  const viewer = await createPerson(app, { programId, relation: 'lead', role: 'viewer' });
  await app.close();
  return { name: planDocumentName(programId), writers, viewer };
}

/** A started child server on a free port. */
async function serve(dataDir: string) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = { url, origin: `http://localhost:${port}` } as TestServer;
  return { port, url, server, child: startChild(dataDir, port) };
}

async function kill(child: ChildProcess): Promise<void> {
  child.kill('SIGKILL');
  await new Promise((r) => child.once('exit', r));
}

describe('durability across SIGKILL', () => {
  const dataDirs: string[] = [];
  const children: ChildProcess[] = [];
  const editors: TestEditor[] = [];
  afterAll(() => {
    for (const e of editors) e.destroy();
    for (const c of children) c.kill('SIGKILL');
    for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
  });
  const newDataDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesa-durable-'));
    dataDirs.push(dir);
    return dir;
  };

  it('keeps every acknowledged edit exactly once across SIGKILL and restart, and merges the rest', async () => {
    const dataDir = newDataDir();
    const { name, writers } = await makePeople(dataDir);
    const { port, url, server, child } = await serve(dataDir);
    children.push(child);
    await healthy(url);
    const own = writers.map((p) => connectEditor(server, p, name, { ack: true }));
    editors.push(...own);
    await waitFor(() => own.every((e) => e.provider.synced), 10_000, 'sync');

    // Each edit with the number of its update message on its editor's connection.
    const typed: { editor: TestEditor; marker: string; n: number }[] = [];
    let round = 0;
    const burst = setInterval(() => {
      for (const [i, e] of own.entries()) {
        const marker = `e${i}-${round}`;
        typeParagraph(e.doc, marker);
        typed.push({ editor: e, marker, n: e.count.sent });
      }
      round++;
    }, 5);
    await waitFor(() => own.every((e) => e.acks > 5), 10_000, 'acks');
    await kill(child);
    for (const e of own) e.provider.disconnect();
    clearInterval(burst);
    for (const [i, e] of own.entries()) typeParagraph(e.doc, `offline-${i}`);
    const acked = typed.filter(({ editor, n }) => n <= editor.count.acked);
    expect(acked.length).toBeGreaterThan(0);

    const again = startChild(dataDir, port);
    children.push(again);
    await healthy(url);
    const fresh = connectEditor(server, writers[0]!, name);
    editors.push(fresh);
    await waitFor(() => fresh.provider.synced, 10_000, 'fresh sync');
    for (const { marker } of acked) expect(count(fresh.doc, marker), marker).toBe(1);
    expect(planText(fresh.doc).match(/Objectives/g)).toHaveLength(1);

    for (const e of own) e.provider.connect();
    await waitFor(
      () =>
        typed.every(({ marker }) => count(fresh.doc, marker) === 1) &&
        [0, 1, 2].every((i) => count(fresh.doc, `offline-${i}`) === 1),
      15_000,
      'every edit after resync',
    );
    expect(planText(fresh.doc).match(/Objectives/g)).toHaveLength(1);
  });

  it('relays to writers before storing, keeps readers and "Saved" waiting for the commit, and loses nothing killed in between', async () => {
    const dataDir = newDataDir();
    const { name, writers, viewer } = await makePeople(dataDir);
    const { port, url, server, child } = await serve(dataDir);
    children.push(child);
    await healthy(url);
    const [a, b] = [0, 1].map((i) => connectEditor(server, writers[i]!, name, { ack: true }));
    const reader = connectEditor(server, viewer, name);
    editors.push(a!, b!, reader);
    await waitFor(() => [a!, b!, reader].every((e) => e.provider.synced), 10_000, 'sync');
    typeParagraph(a!.doc, 'stored-before');
    await waitFor(() => a!.saved() && count(reader.doc, 'stored-before') === 1, 10_000, 'stored');

    // Another connection holds the database's write lock: nothing can be committed.
    const lock = holdWriteLock(dataDir);
    try {
      typeParagraph(a!.doc, 'held-by-writers');
      await waitFor(() => count(b!.doc, 'held-by-writers') === 1, 10_000, 'relayed to writer');
      expect(a!.saved()).toBe(false);
      expect(count(reader.doc, 'held-by-writers')).toBe(0);
      await kill(child);
    } finally {
      lock.release();
    }
    expect(a!.saved()).toBe(false);
    expect(count(reader.doc, 'held-by-writers')).toBe(0);

    const again = startChild(dataDir, port);
    children.push(again);
    await healthy(url);
    const fresh = connectEditor(server, writers[2]!, name);
    editors.push(fresh);
    await waitFor(() => fresh.provider.synced, 10_000, 'fresh sync');
    expect(count(fresh.doc, 'stored-before')).toBe(1);
    // The writers still hold the change and send it back when they reconnect.
    await waitFor(() => count(fresh.doc, 'held-by-writers') === 1, 15_000, 'sent back');
    await waitFor(() => a!.saved() && b!.saved(), 10_000, 'saved after reconnecting');
    await waitFor(() => count(reader.doc, 'held-by-writers') === 1, 10_000, 'reader, once stored');
    expect(planText(fresh.doc).match(/Objectives/g)).toHaveLength(1);
  });
});
