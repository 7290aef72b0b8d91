// The servers run as child processes, each in its own process group, killed on exit, error
// and Ctrl-C. A probe preloaded into each answers questions about its process on the IPC
// channel, so Mesa and the reference are read the same way without touching either's code.
import { spawn, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { note } from './output.js';
import { sleep } from './typing-protocol.js';
import { withTimeout } from './util.js';

/** The repository's root (servers start there). */
export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Every stock provider adds a process 'exit' listener in Node.
process.setMaxListeners(0);

const children = new Set<ChildProcess>();
const cleanups: (() => Promise<void>)[] = [];

/** Kills every server still running (their whole process groups). */
export function killAll(): void {
  for (const child of children) {
    if (child.exitCode !== null || !child.pid) continue;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  }
  children.clear();
}

/** Registers asynchronous clean-up (a database to drop) run by `cleanUp`. */
export function onCleanUp(cleanup: () => Promise<void>): void {
  cleanups.push(cleanup);
}

/** Kills the servers, then runs the registered clean-ups, each at most once. */
export async function cleanUp(): Promise<void> {
  killAll();
  for (const cleanup of cleanups.splice(0)) await cleanup().catch(() => undefined);
}

process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    note(`${signal}: stopping the servers`);
    void cleanUp().finally(() => process.exit(130));
  });
}
process.on('uncaughtException', (error) => {
  note(`uncaught: ${error.stack ?? String(error)}`);
  void cleanUp().finally(() => process.exit(1));
});

// Preloaded (node --import data:…): 'cpu' answers process.cpuUsage(); 'mem' answers
// process.memoryUsage() as it is. No collection is ever forced (no --expose-gc): a user's
// server gets none, so the memory figures include whatever garbage V8 has not collected yet.
const PROBE = `if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message === 'cpu') return void process.send({ cpu: process.cpuUsage() });
    if (message !== 'mem') return;
    process.send({ mem: process.memoryUsage() });
  });
  // The IPC channel must not keep a server alive that wants to exit.
  if (process.channel && typeof process.channel.unref === 'function') process.channel.unref();
}
`;

/** A server process and the last lines it printed. */
export interface Child {
  process: ChildProcess;
  logTail: string[];
}

/** Starts `node [probe] ...args` as a detached child with `env` added to ours. */
export function startChild(name: string, args: string[], env: Record<string, string>): Child {
  const child = spawn(
    process.execPath,
    [`--import=data:text/javascript,${encodeURIComponent(PROBE)}`, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    },
  );
  children.add(child);
  const logTail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      logTail.push(line);
      if (logTail.length > 200) logTail.shift();
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (process.env.BENCH_VERBOSE) note(`${name} exited (${code ?? signal})`);
  });
  return { process: child, logTail };
}

/** Stops a server gracefully, killing its group after 15 s. */
export function stopChild(child: Child, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  const p = child.process;
  if (p.exitCode !== null || p.signalCode !== null) return Promise.resolve();
  return withTimeout(
    new Promise<void>((resolve) => {
      p.once('exit', () => resolve());
      p.kill(signal);
    }),
    15_000,
    'server stop',
  ).catch(() => {
    if (p.pid) process.kill(-p.pid, 'SIGKILL');
  });
}

function askProbe<T>(child: Child, what: 'mem' | 'cpu'): Promise<T> {
  return withTimeout(
    new Promise<T>((resolve) => {
      const onMessage = (message: unknown) => {
        if (message && typeof message === 'object' && what in message) {
          child.process.off('message', onMessage);
          resolve((message as Record<string, T>)[what]!);
        }
      };
      child.process.on('message', onMessage);
      child.process.send(what);
    }),
    10_000,
    `${what} probe`,
  );
}

/** The server's memory after a full collection (the memory case only). */
export const memoryOf = (child: Child) => askProbe<NodeJS.MemoryUsage>(child, 'mem');

/** The server process's CPU time so far (user + system), in milliseconds. */
export async function cpuMsOf(child: Child): Promise<number> {
  const usage = await askProbe<NodeJS.CpuUsage>(child, 'cpu');
  return (usage.user + usage.system) / 1000;
}

/** Waits until `url` answers 2xx; throws with the server's last lines if it never does. */
export async function waitForHttp(url: string, child: Child, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.process.exitCode !== null) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  throw new Error(`server at ${url} did not come up:\n${child.logTail.slice(-20).join('\n')}`);
}
