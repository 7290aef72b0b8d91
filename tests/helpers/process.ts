import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** The built server bundle (`pnpm build` makes it). */
export const SERVER_BUNDLE = join(
  import.meta.dirname,
  '..',
  '..',
  'apps',
  'server',
  'dist',
  'main.js',
);

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** A server running as a child process in its own process group. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output(): string;
  exited: Promise<number | null>;
}

/** The server's folder: children run its sources from there with `node --import tsx`. */
export const SERVER_DIR = join(import.meta.dirname, '..', '..', 'apps', 'server');

function spawnNode(args: string[], env: Record<string, string>, port: number): ServerProcess {
  let output = '';
  const child = spawn(process.execPath, args, {
    cwd: SERVER_DIR,
    env: {
      PATH: process.env.PATH ?? '',
      HOST: '127.0.0.1',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      ...env,
    },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, url: `http://127.0.0.1:${port}`, output: () => output, exited };
}

/** Starts the built server as a detached child (killed by process group), with the given env. */
export function spawnServer(env: Record<string, string>, port: number): ServerProcess {
  return spawnNode([SERVER_BUNDLE], env, port);
}

/**
 * Runs the server's sources as a detached child: `script` is a file under apps/server
 * (`src/main.ts`, `src/demo.ts`) or, with `eval`, ES module code run there.
 */
export function spawnSource(
  script: { file: string } | { eval: string },
  env: Record<string, string>,
  port = 0,
): ServerProcess {
  const args =
    'file' in script
      ? ['--import', 'tsx', script.file]
      : ['--import', 'tsx', '--input-type=module', '--eval', script.eval];
  return spawnNode(args, env, port);
}

/** Polls `GET /api/health` until it answers 200, or throws after the timeout. */
export async function waitForHealthy(url: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`server at ${url} did not become healthy`);
}

/** Kills a spawned server's whole process group. */
export function killServer(server: ServerProcess, signal: NodeJS.Signals = 'SIGKILL'): void {
  if (server.child.pid !== undefined && server.child.exitCode === null) {
    try {
      process.kill(-server.child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}
