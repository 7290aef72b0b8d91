import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { planDocumentName } from '@mesa/shared';
import { buildApp } from '@mesa/server/app';
import { loadConfig } from '@mesa/server/env';
import { createPerson, firstProgramId } from '@mesa/server/testing';
import type { TestServer } from '../helpers/server.js';
import {
  freePort,
  killServer,
  spawnSource,
  waitForHealthy,
  type ServerProcess,
} from '../helpers/process.js';
import { editorPool, waitFor } from '../helpers/collab.js';

// The real process, started as main.ts starts it; only this harness knows SIGUSR2, which makes
// the process fail from a timer, outside any request, as a bug would.
const crashes = {
  'an uncaught exception': "setTimeout(() => { throw new Error('crash on purpose'); })",
  'an unhandled rejection': "void Promise.reject(new Error('crash on purpose'))",
};
const script = (crash: string) => `
import { serve } from './src/serve.ts';
await serve(process.env);
process.on('SIGUSR2', () => ${crash});
`;

describe.each(Object.entries(crashes))('the server process after %s', (what, crash) => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-crash-'));
  const started: ServerProcess[] = [];
  const editors = editorPool();
  afterAll(() => {
    editors.destroyAll();
    started.forEach((s) => killServer(s));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('logs it, closes its connections with 1001 and exits 1', async () => {
    const app = await buildApp(loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }), {
      logger: false,
      announce: () => undefined,
    });
    const programId = await firstProgramId(app);
    const person = await createPerson(app, { programId, relation: 'lead' });
    await app.close();

    const port = await freePort();
    const mesa = spawnSource({ eval: script(crash) }, { DATA_DIR: dataDir }, port);
    started.push(mesa);
    await waitForHealthy(mesa.url, 30_000);
    const server = { url: mesa.url, origin: `http://localhost:${port}` } as TestServer;
    const editor = editors.open(server, person, planDocumentName(programId));
    await waitFor(() => editor.provider.synced, 10_000, 'sync');

    process.kill(mesa.child.pid!, 'SIGUSR2');
    expect(await mesa.exited).toBe(1);
    const fatal = mesa
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as { level: number; msg: string; err?: { message: string } })
      .find((entry) => entry.level === 60);
    expect(fatal?.msg).toBe(`${what.replace(/^an /, '')}; closing and exiting`);
    expect(fatal?.err?.message).toBe('crash on purpose');
    await waitFor(() => editor.closes.length > 0, 5000, 'close seen');
    expect(editor.closes[0]).toBe(1001);
  });
});
