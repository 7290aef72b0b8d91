import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  freePort,
  killServer,
  spawnServer,
  waitForHealthy,
  type ServerProcess,
} from '../helpers/process.js';

describe('the server process', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-proc-'));
  const started: ServerProcess[] = [];
  afterAll(() => {
    started.forEach((s) => killServer(s));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('stops a bad configuration with one clear line and exit code 1', async () => {
    const bad = spawnServer({ DATA_DIR: dataDir, PORT: 'abc' }, 0);
    started.push(bad);
    expect(await bad.exited).toBe(1);
    expect(bad.output()).toBe(
      'mesa: invalid configuration:\n  PORT: must be a port number (got "abc")\n',
    );
  });

  it('refuses an unreachable DATABASE_URL without a stack trace', async () => {
    const server = spawnServer(
      { DATA_DIR: dataDir, DATABASE_URL: 'postgres://postgres@127.0.0.1:1/none' },
      await freePort(),
    );
    started.push(server);
    expect(await server.exited).toBe(1);
    expect(server.output()).toMatch(
      /^mesa: cannot open the PostgreSQL database at DATABASE_URL: .+\n$/,
    );
  });

  it('shuts down gracefully on SIGTERM with exit code 0', async () => {
    const server = spawnServer({ DATA_DIR: dataDir }, await freePort());
    started.push(server);
    await waitForHealthy(server.url);
    killServer(server, 'SIGTERM');
    expect(await server.exited).toBe(0);
  });
});
