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
import { waitFor } from '../helpers/sockets.js';

// What a person starting Mesa for the first time reads: the built server as start.sh runs it,
// its stdout a pipe here. LOG_FORMAT=pretty stands for a terminal (what `auto` picks on one).
describe('what the server prints at its first start', () => {
  const dirs: string[] = [];
  const started: ServerProcess[] = [];
  afterAll(() => {
    started.forEach((s) => killServer(s));
    dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  });

  async function firstStart(env: Record<string, string>): Promise<ServerProcess> {
    const dataDir = mkdtempSync(join(tmpdir(), 'mesa-first-'));
    dirs.push(dataDir);
    const server = spawnServer({ DATA_DIR: dataDir, LOG_LEVEL: 'info', ...env }, await freePort());
    started.push(server);
    await waitForHealthy(server.url, 30_000);
    return server;
  }

  const tokenOf = (url: string) => url.split('/setup/')[1] ?? '';

  it('on a terminal: the setup link in a box, last, whole on its own line, requests not in the way', async () => {
    const server = await firstStart({ LOG_FORMAT: 'pretty' });
    const box = await waitFor(() => {
      const found = /\n(┌─+┐\n(?:│.*│\n)+└─+┘)\n/.exec(server.output());
      if (!found) throw new Error(`no box yet in:\n${server.output()}`);
      return found[1]!;
    });
    const lines = box.split('\n');
    expect(new Set(lines.map((line) => [...line].length)).size).toBe(1);
    const linkLine = lines.find((line) => line.includes('/setup/'))!;
    const url = /^│ {2}(http:\/\/\S+\/setup\/\S+) +│$/.exec(linkLine)?.[1] ?? '';
    expect(url.startsWith(`http://localhost:${new URL(server.url).port}/setup/`)).toBe(true);
    expect(lines.some((line) => line.includes('Mesa has no administrator yet.'))).toBe(true);
    // The link works: it is the one-time setup link, not a copy of something else.
    expect((await fetch(`${server.url}/api/setup/${tokenOf(url)}`)).status).toBe(200);

    const output = server.output();
    expect(output.indexOf('INFO: Mesa is running at http://localhost:')).toBeGreaterThanOrEqual(0);
    expect(output.indexOf('Mesa is running at')).toBeLessThan(output.indexOf('┌'));
    expect(output.match(/\/setup\//g)).toHaveLength(1);
    // Readable lines, not JSON; routine requests (the 200 above) wait for LOG_LEVEL=debug.
    expect(output.split('\n').filter((line) => line.startsWith('{'))).toEqual([]);
    expect(output).not.toContain('/api/setup');
  });

  it('elsewhere (a file, a supervisor, CI): JSON lines, the link in a setupUrl field', async () => {
    const server = await firstStart({});
    await fetch(`${server.url}/api/me`);
    const entries = await waitFor(() => {
      const lines = server.output().trim().split('\n');
      const parsed = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
      if (!parsed.some((entry) => entry.msg === 'request' && entry.path === '/api/me'))
        throw new Error('no request line yet');
      return parsed;
    });
    const announced = entries.filter((entry) => 'setupUrl' in entry);
    expect(announced).toHaveLength(1);
    const { setupUrl, level, msg } = announced[0]!;
    expect(level).toBe(30);
    expect(msg).toContain('Mesa has no administrator yet');
    expect(String(setupUrl)).toMatch(/^http:\/\/localhost:\d+\/setup\/[a-z0-9]+$/);
    expect((await fetch(`${server.url}/api/setup/${tokenOf(String(setupUrl))}`)).status).toBe(200);
    // Programs reading the log get every request at info, as before.
    expect(entries.find((entry) => entry.path === '/api/me')).toMatchObject({
      level: 30,
      status: 401,
    });
  });

  it('gives the link in JSON even when LOG_LEVEL hides info lines', async () => {
    const server = await firstStart({ LOG_LEVEL: 'error' });
    const entry = await waitFor(() => {
      const line = server.output().trim().split('\n')[0] ?? '';
      return JSON.parse(line) as Record<string, unknown>;
    });
    expect(String(entry.setupUrl)).toContain('/setup/');
  });
});
