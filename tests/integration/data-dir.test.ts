import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planDocumentName } from '@mesa/shared';
import { buildApp } from '@mesa/server/app';
import { loadConfig } from '@mesa/server/env';
import { createPerson, firstProgramId, type TestPerson } from '@mesa/server/testing';
import type { TestServer } from '../helpers/server.js';
import { getWith, signInAs } from '../helpers/auth.js';
import {
  freePort,
  killServer,
  spawnSource,
  waitForHealthy,
  type ServerProcess,
} from '../helpers/process.js';
import {
  editorPool,
  planText,
  typeParagraph,
  waitFor,
  type TestEditor,
} from '../helpers/collab.js';

const seesText = (editor: TestEditor, text: string) => planText(editor.doc).includes(text);

describe('one SQLite DATA_DIR, one server, and other processes beside it', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-datadir-'));
  const started: ServerProcess[] = [];
  const editors = editorPool();
  let port = 0;
  let server: TestServer;
  let programId = '';
  let writer: TestPerson;
  let reader: TestPerson;
  let mesa: ServerProcess;
  const startMesa = () => {
    mesa = spawnSource({ file: 'src/main.ts' }, { DATA_DIR: dataDir }, port);
    started.push(mesa);
    return mesa;
  };

  beforeAll(async () => {
    // People are made before the server process starts; it reads them from the database.
    const app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
      logger: false,
      announce: () => undefined,
    });
    programId = await firstProgramId(app);
    writer = await createPerson(app, { programId, relation: 'lead' });
    reader = await createPerson(app, { programId, relation: 'observer' });
    await app.close();
    port = await freePort();
    server = { url: `http://127.0.0.1:${port}`, origin: `http://localhost:${port}` } as TestServer;
  });
  afterAll(() => {
    editors.destroyAll();
    started.forEach((s) => killServer(s));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('keeps storing and serving edits while `pnpm demo` runs against the same database', async () => {
    startMesa();
    await waitForHealthy(mesa.url, 30_000);
    const name = planDocumentName(programId);
    const typist = editors.open(server, writer, name);
    // A read-only connection receives a change only once the server has stored it.
    const viewer = editors.open(server, reader, name);
    await waitFor(() => typist.provider.synced && viewer.provider.synced, 10_000, 'sync');
    typeParagraph(typist.doc, 'typed before the demo');
    await waitFor(() => seesText(viewer, 'typed before the demo'), 10_000, 'first edit');

    const demo = spawnSource(
      { file: 'src/demo.ts' },
      { DATA_DIR: dataDir, MESA_DEMO_PASSWORD: 'a-demo-passphrase-for-tests' },
    );
    started.push(demo);
    typeParagraph(typist.doc, 'typed while the demo runs');
    expect(await demo.exited, demo.output()).toBe(0);
    expect(demo.output()).toContain('coordinator@demo.mesa.test');

    for (let i = 0; i < 20; i++) typeParagraph(typist.doc, `typed after the demo ${i}`);
    await waitFor(() => seesText(viewer, 'typed after the demo 19'), 10_000, 'edits after demo');
    expect(seesText(viewer, 'typed while the demo runs')).toBe(true);
    expect(mesa.child.exitCode).toBeNull();
    expect(typist.closes).toEqual([]);
    expect((await fetch(`${mesa.url}/api/health`)).status).toBe(200);
  });

  it('schedules the demo meeting once however often `pnpm demo` runs, for its coordinator to chair', async () => {
    const again = spawnSource(
      { file: 'src/demo.ts' },
      { DATA_DIR: dataDir, MESA_DEMO_PASSWORD: 'a-demo-passphrase-for-tests' },
    );
    started.push(again);
    expect(await again.exited, again.output()).toBe(0);
    const cookie = await signInAs(
      server,
      'coordinator@demo.mesa.test',
      'a-demo-passphrase-for-tests',
    );
    const res = await getWith(server, '/api/meetings', cookie);
    const list = (await res.json()) as {
      data: { id: string; title: { en: string }; state: string }[];
    };
    const demos = list.data.filter((m) => m.title.en === 'Demo: coordination meeting');
    expect(demos).toHaveLength(1);
    const meeting = (await (
      await getWith(server, `/api/meetings/${demos[0]!.id}`, cookie)
    ).json()) as {
      meeting: { state: string; agenda: unknown[]; abilities: { chairRoom: boolean } };
    };
    expect(meeting.meeting.state).toBe('scheduled');
    expect(meeting.meeting.agenda).toHaveLength(3);
    expect(meeting.meeting.abilities.chairRoom).toBe(true);
  });

  it('stops a second server on the same DATA_DIR with one line naming the holder', async () => {
    const second = spawnSource({ file: 'src/main.ts' }, { DATA_DIR: dataDir }, await freePort());
    started.push(second);
    expect(await second.exited).toBe(1);
    expect(second.output()).toBe(
      `mesa: ${dataDir} is in use by another Mesa server (process ${mesa.child.pid}); stop it or choose another DATA_DIR\n`,
    );
    expect((await fetch(`${mesa.url}/api/health`)).status).toBe(200);
  });

  it('starts again on the same DATA_DIR after the server was killed with SIGKILL, with the edits', async () => {
    for (const s of started) killServer(s);
    await Promise.all(started.map((s) => s.exited));
    startMesa();
    await waitForHealthy(mesa.url, 30_000);
    const fresh = editors.open(server, reader, planDocumentName(programId));
    await waitFor(() => fresh.provider.synced, 10_000, 'fresh sync');
    expect(planText(fresh.doc)).toContain('typed after the demo 19');
  });
});
