// Benchmark of Mesa's document endpoint against the reference Yjs server (issue 4).
// Run: pnpm bench:collab   (or: pnpm --filter @mesa/bench exec tsx collab.bench.ts [options])
// See bench/README.md for what each case measures and how to read the output.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import * as syncProtocol from 'y-protocols/sync';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import {
  clock,
  sleep,
  waitUntil,
  type Command,
  type LocalTypist,
  type Received,
  type Reply,
  type Sent,
} from './typing-protocol.js';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = join(here, '..');

// ---------------------------------------------------------------- options

const { values: opts } = parseArgs({
  // `pnpm bench:collab -- --runs=5` hands the `--` through; skip it.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    cases: { type: 'string', default: 'propagation,late-join,memory' },
    sizes: { type: 'string', default: '2,20,50,100' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    edits: { type: 'string', default: '100000' },
    connections: { type: 'string', default: '1000' },
    // `--mesa=reference` puts a second reference server in Mesa's slot: validates the harness.
    mesa: { type: 'string', default: 'mesa' },
    'idle-seconds': { type: 'string', default: '2' },
    history: { type: 'string', default: 'typing' },
    bursts: { type: 'string', default: '16' },
    // Threads hosting the propagation case's clients (client i in thread i % threads).
    threads: { type: 'string', default: '2' },
    // Another build of Mesa's server (default: this worktree's apps/server/dist/main.js).
    'mesa-bundle': { type: 'string' },
  },
});
const CASES = new Set(opts.cases.split(','));
const SIZES = opts.sizes.split(',').map(Number);
const RUNS = Number(opts.runs);
const TYPING_SECONDS = Number(opts.seconds);
const BURSTS = Math.max(1, Number(opts.bursts));
const THREADS = Math.max(1, Number(opts.threads));
/** Quiet time between two bursts of typing (not measured). */
const BURST_PAUSE_MS = 250;
/** Pause after the full GC that precedes each measured run (see `settle`). */
const SETTLE_MS = 100;
const HISTORY_EDITS = Number(opts.edits);
const IDLE_CONNECTIONS = Number(opts.connections);
const IDLE_UNLOAD_SECONDS = Number(opts['idle-seconds']);
const HISTORY_MODEL = opts.history;
const VALIDATE = opts.mesa === 'reference';
const MAX_TYPISTS = 10;
const EDITS_PER_SECOND = 10;
const ADMIN_EMAIL = 'bench-admin@example.org';
const ADMIN_PASSWORD = 'bench-password-1234567';

// ---------------------------------------------------------------- output

const resultsDir = join(here, 'results');
mkdirSync(resultsDir, { recursive: true });
const resultsFile = join(resultsDir, `${new Date().toISOString().replace(/[:.]/g, '-')}.jsonl`);
function emit(line: Record<string, unknown>): void {
  const text = JSON.stringify(line);
  process.stdout.write(text + '\n');
  appendFileSync(resultsFile, text + '\n');
}
function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

// ---------------------------------------------------------------- small helpers

const round = (n: number | null) => (n === null ? null : Math.round(n * 100) / 100);
const round3 = (n: number | null) => (n === null ? null : Math.round(n * 1000) / 1000);

function percentile(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)]!;
}
function median(values: (number | null)[]): number | null {
  const v = values.filter((x): x is number => x !== null).sort((a, b) => a - b);
  if (v.length === 0) return null;
  const mid = Math.floor(v.length / 2);
  return v.length % 2 ? v[mid]! : (v[mid - 1]! + v[mid]!) / 2;
}

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Deterministic PRNG (mulberry32) so both servers get byte-identical history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// ---------------------------------------------------------------- child processes

// Every stock provider adds a process 'exit' listener in Node.
process.setMaxListeners(0);

const children = new Set<ChildProcess>();
function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.pid) {
      try {
        process.kill(-child.pid, 'SIGKILL'); // its own process group (detached)
      } catch {
        /* already gone */
      }
    }
  }
  children.clear();
}
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    note(`${signal}: stopping the servers`);
    killAll();
    process.exit(130);
  });
}
process.on('uncaughtException', (error) => {
  note(`uncaught: ${error.stack ?? error}`);
  killAll();
  process.exit(1);
});

// Preloaded (node --import data:…) into both servers: answers 'mem' on the IPC channel with
// process.memoryUsage() after a full garbage collection (node --expose-gc), so heap and RSS are
// read the same way from Mesa and from the reference without touching either one's code, and
// 'cpu' with process.cpuUsage(). It does nothing in a process without an IPC channel.
const MEM_PROBE = `if (typeof process.send === 'function') {
  process.on('message', (message) => {
    if (message === 'cpu') return void process.send({ cpu: process.cpuUsage() });
    if (message !== 'mem') return;
    if (typeof globalThis.gc === 'function') {
      globalThis.gc();
      globalThis.gc();
    }
    process.send({ mem: process.memoryUsage() });
  });
  // The IPC channel must not keep a server alive that wants to exit.
  if (process.channel && typeof process.channel.unref === 'function') process.channel.unref();
}
`;

function startChild(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(
    process.execPath,
    ['--expose-gc', `--import=data:text/javascript,${encodeURIComponent(MEM_PROBE)}`, ...args],
    {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', ...env },
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
      detached: true,
    },
  );
  children.add(child);
  const tail: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > 200) tail.shift();
      if (process.env.BENCH_VERBOSE) process.stderr.write(`[${name}] ${line}\n`);
    }
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  child.on('exit', (code, signal) => {
    children.delete(child);
    if (process.env.BENCH_VERBOSE) note(`${name} exited (${code ?? signal})`);
  });
  (child as ChildProcess & { logTail: string[] }).logTail = tail;
  return child;
}

function stopChild(child: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return withTimeout(
    new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill(signal);
    }),
    15_000,
    'server stop',
  ).catch(() => {
    if (child.pid) process.kill(-child.pid, 'SIGKILL');
  });
}

/** Asks a server's probe for `what` ('mem' or 'cpu') and waits for the answer. */
function askProbe<T>(child: ChildProcess, what: 'mem' | 'cpu'): Promise<T> {
  return withTimeout(
    new Promise<T>((resolve) => {
      const onMessage = (message: unknown) => {
        if (message && typeof message === 'object' && what in message) {
          child.off('message', onMessage);
          resolve((message as Record<string, T>)[what]!);
        }
      };
      child.on('message', onMessage);
      child.send(what);
    }),
    10_000,
    `${what} probe`,
  );
}

const memoryOf = (child: ChildProcess) => askProbe<NodeJS.MemoryUsage>(child, 'mem');

/** The server process's CPU time so far (user + system), in milliseconds. */
async function cpuMsOf(child: ChildProcess): Promise<number> {
  const usage = await askProbe<NodeJS.CpuUsage>(child, 'cpu');
  return (usage.user + usage.system) / 1000;
}

async function waitForHttp(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (child.exitCode !== null) break;
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      /* not yet */
    }
    await sleep(100);
  }
  const tail = (child as ChildProcess & { logTail?: string[] }).logTail ?? [];
  throw new Error(`server at ${url} did not come up:\n${tail.slice(-20).join('\n')}`);
}

// ---------------------------------------------------------------- the two servers

interface Target {
  /** `mesa`, `reference`, or `reference-b` (a second reference in Mesa's slot). */
  name: string;
  serverUrl: string;
  /** The room names this target offers: slot 0 propagation, 1 late join, 2 memory. */
  room(slot: number): string;
  /** The WebSocket class a provider uses (adds Cookie and Origin for Mesa). */
  WS: typeof WebSocket;
  headers: Record<string, string>;
  child: ChildProcess;
  /** Restarts the process on the same port and data; null when the server keeps nothing. */
  restart: (() => Promise<void>) | null;
  /** Documents loaded in the server, when it tells. */
  loadedDocuments: () => Promise<number | null>;
  stop: () => Promise<void>;
}

async function startReference(name: string): Promise<Target> {
  const port = await freePort();
  const script = join(here, 'node_modules/@y/websocket-server/src/server.js');
  // BENCH_REFERENCE_NODE_ARGS: the same for the reference (e.g. `--trace-gc` to compare both).
  const extra = (process.env.BENCH_REFERENCE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = startChild(name, [...extra, script], { HOST: '127.0.0.1', PORT: String(port) });
  await waitForHttp(`http://127.0.0.1:${port}/`, child);
  const target: Target = {
    name,
    serverUrl: `ws://127.0.0.1:${port}`,
    room: (slot) => `bench-${slot}`,
    WS: WebSocket,
    headers: {},
    child,
    restart: null,
    // The reference keeps every document in memory for the life of the process.
    loadedDocuments: async () => null,
    stop: () => stopChild(target.child),
  };
  return target;
}

function cookieWebSocket(headers: Record<string, string>): typeof WebSocket {
  return class CookieWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as unknown as typeof WebSocket;
}

async function startMesa(): Promise<Target> {
  const bundle = opts['mesa-bundle'] ?? join(repoRoot, 'apps/server/dist/main.js');
  if (!existsSync(bundle)) {
    if (opts['mesa-bundle']) throw new Error(`no Mesa bundle at ${bundle}`);
    note('building apps/server (dist/main.js missing)');
    await new Promise<void>((resolve, reject) => {
      const build = spawn('pnpm', ['--filter', '@mesa/server', 'build'], {
        cwd: repoRoot,
        stdio: ['ignore', 'inherit', 'inherit'],
      });
      build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('build failed'))));
    });
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-bench-'));
  const origin = `http://127.0.0.1:${port}`;
  const env = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: origin,
    DATA_DIR: dataDir,
    MESA_ADMIN_EMAIL: ADMIN_EMAIL,
    MESA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    MESA_COLLAB_IDLE_UNLOAD_SECONDS: String(IDLE_UNLOAD_SECONDS),
    LOG_LEVEL: 'warn',
  };
  const launch = async () => {
    // BENCH_MESA_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) to diagnose the server.
    const extra = (process.env.BENCH_MESA_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = startChild('mesa', [...extra, bundle], env);
    await waitForHttp(`${origin}/api/health`, child);
    return child;
  };
  const child = await launch();
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));

  const login = await fetch(`${origin}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: ADMIN_EMAIL, password: ADMIN_PASSWORD }),
  });
  if (!login.ok) throw new Error(`Mesa sign-in failed: ${login.status} ${await login.text()}`);
  const session = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .find((c) => c.startsWith('mesa_session='));
  if (!session) throw new Error('Mesa sign-in set no mesa_session cookie');
  const headers = { Cookie: session, Origin: origin };

  const programsReply = await fetch(`${origin}/api/programs`, { headers });
  if (!programsReply.ok) throw new Error(`GET /api/programs: ${programsReply.status}`);
  const body = await programsReply.json();
  const list = (Array.isArray(body) ? body : ((body as { data?: unknown[] }).data ?? [])) as {
    id: string | number;
  }[];
  if (list.length === 0) throw new Error('Mesa has no programs to benchmark');
  const ids = list.map((p) => String(p.id));

  const target: Target = {
    name: 'mesa',
    serverUrl: `ws://127.0.0.1:${port}/collab`,
    // Distinct plans per case when the seed has them, so the 100 000-edit history does not
    // slow the propagation case down.
    room: (slot) => `plan:${ids[slot % ids.length]}`,
    WS: cookieWebSocket(headers),
    headers,
    child,
    restart: async () => {
      await stopChild(target.child);
      target.child = await launch();
    },
    loadedDocuments: async () => {
      const reply = await fetch(`${origin}/api/admin/metrics`, { headers }).catch(() => null);
      if (!reply?.ok) return null;
      const metrics = (await reply.json()) as { loadedDocuments?: number };
      return typeof metrics.loadedDocuments === 'number' ? metrics.loadedDocuments : null;
    },
    stop: () => stopChild(target.child),
  };
  // Fail early and clearly when the endpoint is not there (yet).
  await probeEndpoint(target);
  return target;
}

/** Opens one raw connection to slot 0 and waits for the server's first sync message. */
async function probeEndpoint(target: Target): Promise<void> {
  const socket = await rawConnect(target, target.room(0), 10_000);
  socket.close();
}

// ---------------------------------------------------------------- clients

interface Client {
  doc: Y.Doc;
  provider: WebsocketProvider;
}

function newClient(target: Target, room: string): Client {
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(target.serverUrl, room, doc, {
    WebSocketPolyfill: target.WS as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 1000,
  });
  return { doc, provider };
}

async function closeClients(clients: Client[]): Promise<void> {
  for (const c of clients) {
    c.provider.destroy();
    c.doc.destroy();
  }
  // Let the close frames reach the server.
  await sleep(200);
}

const MESSAGE_SYNC = 0;

/** A raw `ws` client that sends sync step 1 and resolves at the server's first sync reply. */
function rawConnect(target: Target, room: string, timeoutMs: number): Promise<WebSocket> {
  return withTimeout(
    new Promise<WebSocket>((resolve, reject) => {
      const socket = new WebSocket(`${target.serverUrl}/${room}`, { headers: target.headers });
      socket.binaryType = 'nodebuffer';
      let done = false;
      socket.on('open', () => {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MESSAGE_SYNC);
        syncProtocol.writeSyncStep1(encoder, new Y.Doc());
        socket.send(encoding.toUint8Array(encoder));
      });
      socket.on('message', (data: Buffer) => {
        if (done) return;
        const decoder = decoding.createDecoder(new Uint8Array(data));
        if (decoding.readVarUint(decoder) === MESSAGE_SYNC) {
          done = true;
          resolve(socket);
        }
      });
      socket.on('close', (code) => {
        if (!done) reject(new Error(`${target.name}: connection closed with ${code}`));
      });
      socket.on('error', (error) => {
        if (!done) reject(error);
      });
    }),
    timeoutMs,
    `${target.name} raw connect`,
  );
}

function sendUpdate(socket: WebSocket, update: Uint8Array): void {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MESSAGE_SYNC);
  syncProtocol.writeUpdate(encoder, update);
  socket.send(encoding.toUint8Array(encoder));
}

// ---------------------------------------------------------------- case 1: propagation

interface PropagationRun {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  convergeMs: number | null;
  samples: number;
  expected: number;
  /** The server's CPU time over the bursts (pauses included) per edit typed. */
  cpuMsPerEdit: number;
}

/**
 * A thread of the load generator (typing-thread.ts): commands go out in order and each gets
 * one reply. Its TypeScript is loaded through tsx's API: a worker does not inherit the loader.
 */
class TypingThread {
  private readonly worker: Worker;
  private readonly waiting: ((reply: Reply) => void)[] = [];

  constructor() {
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const file = JSON.stringify(new URL('./typing-thread.ts', import.meta.url).href);
    const boot = `const { tsImport } = await import(${api});
await tsImport(${file}, ${JSON.stringify(import.meta.url)});`;
    this.worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
    this.worker.on('message', (reply: Reply) => this.waiting.shift()?.(reply));
    this.worker.on('error', (error) => {
      for (const answer of this.waiting.splice(0)) answer({ type: 'failed', error: String(error) });
    });
  }

  async ask<T extends Reply['type']>(
    command: Command,
    expected: T,
    timeoutMs = 60_000,
  ): Promise<Extract<Reply, { type: T }>> {
    const reply = await withTimeout(
      new Promise<Reply>((resolve) => {
        this.waiting.push(resolve);
        this.worker.postMessage(command);
      }),
      timeoutMs,
      `typing thread: ${command.type}`,
    );
    if (reply.type === 'failed') throw new Error(`typing thread: ${reply.error}`);
    if (reply.type !== expected) throw new Error(`typing thread: ${reply.type}, not ${expected}`);
    return reply as Extract<Reply, { type: T }>;
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

/**
 * Latencies of one burst's edits at every client but their typist's (typist t is client t),
 * and when the last client held the last edit (null if one never did). An edit is known by the
 * Yjs id of its first character (typist's clientID, clock); a client received it with the
 * first of its transactions that took that typist's clock past the edit's.
 */
function burstLatencies(
  sent: Sent[],
  finalClocks: Map<number, number>,
  received: Received[][],
): { latencies: number[]; allHeldAt: number | null } {
  // Each typist's edits in the order typed (so by clock); typists are numbered from 0.
  const byTypist: Sent[][] = [];
  for (const edit of sent) (byTypist[edit[0]] ??= []).push(edit);
  const latencies: number[] = [];
  let allHeldAt: number | null = 0;
  received.forEach((events, client) => {
    const next = new Map<number, number>();
    const heldAt = new Map<number, number>();
    for (const [typist, after, at] of events) {
      const edits = byTypist[typist] ?? [];
      let k = next.get(typist) ?? 0;
      for (; k < edits.length && edits[k]![1] < after; k++) latencies.push(at - edits[k]![2]);
      next.set(typist, k);
      if (after >= finalClocks.get(typist)! && !heldAt.has(typist)) heldAt.set(typist, at);
    }
    byTypist.forEach((_, typist) => {
      if (typist === client || allHeldAt === null) return;
      const at = heldAt.get(typist);
      allHeldAt = at === undefined ? null : Math.max(allHeldAt, at);
    });
  });
  return { latencies, allHeldAt };
}

async function propagationRun(
  threads: TypingThread[],
  target: Target,
  size: number,
): Promise<PropagationRun> {
  // Client i lives in thread i % n; typists are clients 0..typists-1, so they alternate too.
  const used = threads.slice(0, Math.min(threads.length, size));
  const n = used.length;
  const connected = await Promise.all(
    used.map((thread, k) =>
      thread.ask(
        {
          type: 'connect',
          serverUrl: target.serverUrl,
          room: target.room(0),
          headers: target.headers,
          count: Math.ceil((size - k) / n),
        },
        'connected',
      ),
    ),
  );
  const clientId = (i: number) => connected[i % n]!.clientIds[Math.floor(i / n)]!;
  const typists = Math.min(MAX_TYPISTS, size);
  const editsPerBurst = Math.max(1, Math.round((TYPING_SECONDS * EDITS_PER_SECOND) / BURSTS));
  const typistIds = Array.from({ length: typists }, (_, t) => clientId(t));
  await Promise.all(
    used.map((thread) => thread.ask({ type: 'typists', clientIds: typistIds }, 'ok')),
  );

  const latencies: number[] = [];
  const converge: (number | null)[] = [];
  const count = new Array<number>(typists).fill(0);
  const period = 1000 / EDITS_PER_SECOND;
  const cpuBefore = await cpuMsOf(target.child);
  for (let burst = 0; burst < BURSTS; burst++) {
    // Each typist types every 100 ms, phases spread evenly over the period. The order turns by
    // one typist a burst, so each burst's last edit (the one convergence is timed from) comes
    // from a different typist: at 2 clients both directions count alike. The reference relays
    // in connection order and echoes to the sender, so one direction is 0.15–0.6 ms faster than
    // the other, and which one depends on which client's connection the server saw first.
    const start = clock() + 50;
    const typed = await Promise.all(
      used.map((thread, k) => {
        const mine: LocalTypist[] = [];
        for (let t = k; t < typists; t += n)
          mine.push({
            local: Math.floor(t / n),
            typist: t,
            phase: (((t + burst) % typists) * period) / typists,
            count: count[t]!,
          });
        const timeoutMs = 50 + (editsPerBurst / EDITS_PER_SECOND) * 1000 + 20_000;
        return thread.ask(
          { type: 'type', typists: mine, edits: editsPerBurst, period, start },
          'typed',
          timeoutMs,
        );
      }),
    );
    const sent = typed.flatMap((r) => r.sent);
    for (const [typist] of sent) count[typist]!++;
    if (typed.some((r) => r.saturated))
      note(`${target.name} ${size} clients: the load generator fell behind (saturated)`);
    const unsent = typed.reduce((a, r) => a + r.unsent, 0);
    if (unsent > 0)
      note(`${target.name} ${size} clients: ${unsent} edits typed while disconnected`);
    // The burst stopped when its last edit was handed to the socket.
    const stoppedAt = Math.max(...sent.map(([, , at]) => at));
    const finalClocks = typed.flatMap((r) => r.finalClocks);
    const collected = await Promise.all(
      used.map((thread) =>
        thread.ask({ type: 'collect', finalClocks, timeoutMs: 30_000 }, 'collected', 40_000),
      ),
    );
    // Back in the clients' order (client i is the thread's i / n-th).
    const received: Received[][] = [];
    const vectors: Buffer[] = [];
    for (let i = 0; i < size; i++) {
      received.push(collected[i % n]!.received[Math.floor(i / n)]!);
      vectors.push(Buffer.from(collected[i % n]!.stateVectors[Math.floor(i / n)]!));
    }
    const burstResult = burstLatencies(sent, new Map(finalClocks), received);
    latencies.push(...burstResult.latencies);
    // Converged: every client holds every edit, confirmed by identical state vectors.
    const same = vectors.every((v) => v.equals(vectors[0]!));
    const complete = collected.every((c) => c.complete);
    converge.push(
      complete && same && burstResult.allHeldAt !== null
        ? Math.max(burstResult.allHeldAt, stoppedAt) - stoppedAt
        : null,
    );
    await sleep(BURST_PAUSE_MS);
  }
  const cpuMs = (await cpuMsOf(target.child)) - cpuBefore;
  await Promise.all(used.map((thread) => thread.ask({ type: 'close' }, 'closed')));

  latencies.sort((a, b) => a - b);
  const edits = count.reduce((a, b) => a + b, 0);
  return {
    cpuMsPerEdit: edits > 0 ? cpuMs / edits : 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    convergeMs: median(converge),
    samples: latencies.length,
    expected: count.reduce((a, b) => a + b, 0) * (size - 1),
  };
}

interface PropagationSummary {
  p50: number | null;
  convergeMs: number | null;
  serverCpuMsPerEdit: number | null;
}

async function propagationCase(
  targets: Target[],
): Promise<Map<string, Map<number, PropagationSummary>>> {
  const threads = Array.from({ length: THREADS }, () => new TypingThread());
  try {
    return await propagationSizes(threads, targets);
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
}

/**
 * Before every measured run: a full garbage collection in both servers (the probe's memory
 * reading collects first; its answer is not needed here), then a pause for V8's concurrent
 * sweeping (a precaution, not measured on its own). Otherwise a server's first collections
 * after start (V8's memory reducer) fall inside whichever measured runs are under way, which
 * two identical reference servers showed as a bias of the slot: p50 ratio 1.08-1.10 at 2
 * clients, CPU ratio 1.23-1.56 (bench/README.md, "Settling before each run, and sixteen
 * bursts"). Both servers get the same treatment, every run.
 */
async function settle(targets: Target[]): Promise<void> {
  await Promise.all(targets.map((t) => memoryOf(t.child)));
  await sleep(SETTLE_MS);
}

async function propagationSizes(
  threads: TypingThread[],
  targets: Target[],
): Promise<Map<string, Map<number, PropagationSummary>>> {
  const results = new Map<string, Map<number, PropagationSummary>>();
  // One discarded run per server first: JIT warm-up on both sides before anything counts.
  for (const target of targets)
    await propagationRun(threads, target, Math.min(20, Math.max(...SIZES)));
  for (const size of SIZES) {
    const runs = new Map<string, PropagationRun[]>(targets.map((t) => [t.name, []]));
    // Alternate the servers run by run so drift on the machine hits both alike.
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? targets : [...targets].reverse();
      for (const target of order) {
        await settle(targets);
        const result = await propagationRun(threads, target, size);
        if (result.samples < result.expected)
          note(
            `${target.name} ${size} clients: ${result.expected - result.samples} observations missing`,
          );
        runs.get(target.name)!.push(result);
        await sleep(300);
      }
    }
    for (const target of targets) {
      const r = runs.get(target.name)!;
      const line = {
        case: 'propagation',
        server: target.name,
        clients: size,
        typists: Math.min(MAX_TYPISTS, size),
        p50: round(median(r.map((x) => x.p50))),
        p95: round(median(r.map((x) => x.p95))),
        p99: round(median(r.map((x) => x.p99))),
        convergeMs: round(median(r.map((x) => x.convergeMs))),
        serverCpuMsPerEdit: round3(median(r.map((x) => x.cpuMsPerEdit))),
        runs: r.length,
        samples: r.reduce((a, x) => a + x.samples, 0),
        missing: r.reduce((a, x) => a + Math.max(0, x.expected - x.samples), 0),
      };
      emit(line);
      const perSize = results.get(target.name) ?? new Map<number, PropagationSummary>();
      perSize.set(size, {
        p50: line.p50,
        convergeMs: line.convergeMs,
        // Unrounded, for the ratio: a fraction of a millisecond per edit at 2 clients.
        serverCpuMsPerEdit: median(r.map((x) => x.cpuMsPerEdit)),
      });
      results.set(target.name, perSize);
    }
    const [side, reference] = targets;
    const a = results.get(side!.name)!.get(size)!;
    const b = results.get(reference!.name)!.get(size)!;
    emit({
      case: 'propagation-ratio',
      clients: size,
      // Three decimals, so that a ratio the summary counts as above 1.2 never prints as 1.20.
      p50Ratio: a.p50 !== null && b.p50 ? round3(a.p50 / b.p50) : null,
      convergeRatio:
        a.convergeMs !== null && b.convergeMs ? round3(a.convergeMs / b.convergeMs) : null,
      // Not a target: how much server work an edit costs, less noisy than latency.
      serverCpuRatio:
        a.serverCpuMsPerEdit !== null && b.serverCpuMsPerEdit
          ? round3(a.serverCpuMsPerEdit / b.serverCpuMsPerEdit)
          : null,
    });
  }
  return results;
}

// ---------------------------------------------------------------- case 2: late join

interface History {
  batches: Uint8Array[];
  length: number;
  sv: Map<number, number>;
}

/**
 * `edits` edits, each its own Yjs transaction, merged `perMessage` to a message. Deterministic,
 * so both servers get the same bytes. `typing` (default): five authors taking turns every 2 000
 * edits; 90 % type a character at the cursor, 7 % backspace, 3 % move the cursor to a random
 * place — how a plan is written. `random`: every edit inserts 1–4 characters or deletes 1–3 at a
 * random place, so nothing merges: the worst case for load and sync.
 */
function buildHistory(edits: number, perMessage: number, model: string): History {
  const random = prng(4);
  const doc = new Y.Doc();
  const text = doc.getText('bench');
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const alphabet = 'abcdefghijklmnopqrstuvwxyz     ';
  const char = () => alphabet[Math.floor(random() * alphabet.length)]!;
  let cursor = 0;
  for (let i = 0; i < edits; i++) {
    if (i % 2000 === 0) doc.clientID = 4_000_000 + ((i / 2000) % 5);
    const length = text.length;
    if (model === 'random') {
      if (length > 20 && random() < 0.2)
        text.delete(Math.floor(random() * (length - 3)), 1 + Math.floor(random() * 3));
      else {
        let s = '';
        for (let k = 1 + Math.floor(random() * 4); k > 0; k--) s += char();
        text.insert(Math.floor(random() * (length + 1)), s);
      }
      continue;
    }
    const r = random();
    if (r < 0.03) cursor = Math.floor(random() * (length + 1)); // then types there
    if (r >= 0.03 && r < 0.1 && cursor > 0) text.delete(--cursor, 1);
    else text.insert(cursor++, char());
  }
  const batches: Uint8Array[] = [];
  for (let i = 0; i < updates.length; i += perMessage)
    batches.push(Y.mergeUpdates(updates.slice(i, i + perMessage)));
  const result = {
    batches,
    length: text.length,
    sv: Y.decodeStateVector(Y.encodeStateVector(doc)),
  };
  doc.destroy();
  return result;
}

function hasHistory(doc: Y.Doc, sv: Map<number, number>, length: number): boolean {
  const have = Y.decodeStateVector(Y.encodeStateVector(doc));
  for (const [client, clock] of sv) if ((have.get(client) ?? 0) < clock) return false;
  return doc.getText('bench').length === length;
}

/** Time from creating a stock provider until its document holds the whole history. */
async function joinOnce(
  target: Target,
  room: string,
  history: History,
  timeoutMs: number,
): Promise<number | null> {
  const t0 = performance.now();
  const client = newClient(target, room);
  const ok = await waitUntil(
    () => client.provider.synced && hasHistory(client.doc, history.sv, history.length),
    timeoutMs,
    1,
  );
  const ms = performance.now() - t0;
  await closeClients([client]);
  return ok ? ms : null;
}

async function lateJoinCase(
  targets: Target[],
): Promise<Map<string, Record<string, number | null>>> {
  const started = performance.now();
  const history = buildHistory(HISTORY_EDITS, 1000, HISTORY_MODEL);
  const bytes = history.batches.reduce((a, b) => a + b.byteLength, 0);
  note(
    `history (${HISTORY_MODEL}): ${HISTORY_EDITS} edits in ${history.batches.length} messages, ${(bytes / 1024).toFixed(0)} KiB, built in ${(performance.now() - started).toFixed(0)} ms`,
  );
  const out = new Map<string, Record<string, number | null>>();
  for (const target of targets) {
    const room = target.room(1);
    const seeder = await rawConnect(target, room, 10_000);
    // 20 messages/s: far under the 200/s per-connection limit, each far under 2 MiB.
    for (const batch of history.batches) {
      if (seeder.readyState !== WebSocket.OPEN)
        throw new Error(`${target.name}: seeding connection closed`);
      sendUpdate(seeder, batch);
      await sleep(50);
    }
    // First join doubles as the check that the server holds the whole history.
    const first = await joinOnce(target, room, history, 60_000);
    if (first === null) throw new Error(`${target.name}: late joiner never got the seeded history`);
    const warm: (number | null)[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await joinOnce(target, room, history, 30_000));
    seeder.close();
    const record: Record<string, number | null> = { warm: median(warm) };
    emit({
      case: 'late-join',
      server: target.name,
      mode: 'warm',
      edits: HISTORY_EDITS,
      history: HISTORY_MODEL,
      ms: round(record.warm!),
      runs: warm.length,
    });

    if (target.restart) {
      // Cold: a new server process, so the document loads from the database.
      await sleep(500);
      const cold: (number | null)[] = [];
      for (let i = 0; i < RUNS; i++) {
        await target.restart();
        cold.push(await joinOnce(target, room, history, 30_000));
      }
      record.cold = median(cold);
      emit({
        case: 'late-join',
        server: target.name,
        mode: 'cold',
        edits: HISTORY_EDITS,
        history: HISTORY_MODEL,
        ms: round(record.cold),
        runs: cold.length,
      });
      // Reloaded: same (warm) process, document unloaded after idle, loaded from the database.
      const reloaded: (number | null)[] = [];
      for (let i = 0; i < RUNS; i++) {
        await sleep(IDLE_UNLOAD_SECONDS * 1000 + 1500);
        reloaded.push(await joinOnce(target, room, history, 30_000));
      }
      record.reloaded = median(reloaded);
      emit({
        case: 'late-join',
        server: target.name,
        mode: 'reloaded',
        edits: HISTORY_EDITS,
        history: HISTORY_MODEL,
        ms: round(record.reloaded),
        runs: reloaded.length,
      });
    } else {
      emit({
        case: 'late-join',
        server: target.name,
        mode: 'cold',
        edits: HISTORY_EDITS,
        history: HISTORY_MODEL,
        ms: null,
        note: 'no persistence: every document lives in memory until the process ends; warm only',
      });
    }
    out.set(target.name, record);
  }
  return out;
}

// ---------------------------------------------------------------- case 3: memory

async function memoryCase(targets: Target[]): Promise<Map<string, number | null>> {
  const loadedAfterIdle = new Map<string, number | null>();
  for (const target of targets) {
    const room = target.room(2);
    const holder = await rawConnect(target, room, 10_000); // the document is loaded
    await sleep(300);
    const before = await memoryOf(target.child);
    const sockets: WebSocket[] = [holder];
    const batch = 50;
    const deadline = performance.now() + 120_000;
    let failed = 0;
    while (sockets.length - 1 < IDLE_CONNECTIONS && performance.now() < deadline) {
      const n = Math.min(batch, IDLE_CONNECTIONS - (sockets.length - 1));
      const opened = await Promise.allSettled(
        Array.from({ length: n }, () => rawConnect(target, room, 15_000)),
      );
      for (const r of opened) {
        if (r.status === 'fulfilled') sockets.push(r.value);
        else failed++;
      }
      if (failed > IDLE_CONNECTIONS / 10) break;
    }
    const connections = sockets.length - 1;
    await sleep(1000);
    const open = await memoryOf(target.child);
    for (const s of sockets) s.close();
    await waitUntil(() => sockets.every((s) => s.readyState === WebSocket.CLOSED), 10_000, 50);
    await sleep(IDLE_UNLOAD_SECONDS * 1000 + 2000);
    const after = await memoryOf(target.child);
    const loaded = await target.loadedDocuments();
    loadedAfterIdle.set(target.name, loaded);
    const MB = 1024 * 1024;
    emit({
      case: 'memory',
      server: target.name,
      connections,
      failedConnections: failed,
      rssPerConnectionKB: connections ? round((open.rss - before.rss) / connections / 1024) : null,
      heapPerConnectionKB: connections
        ? round((open.heapUsed - before.heapUsed) / connections / 1024)
        : null,
      rssBeforeMB: round(before.rss / MB),
      rssOpenMB: round(open.rss / MB),
      heapBeforeMB: round(before.heapUsed / MB),
      heapOpenMB: round(open.heapUsed / MB),
      heapAfterIdleMB: round(after.heapUsed / MB),
      rssAfterIdleMB: round(after.rss / MB),
      loadedDocumentsAfterIdle: loaded,
      ...(target.restart ? {} : { note: 'reference never unloads documents' }),
    });
  }
  return loadedAfterIdle;
}

// ---------------------------------------------------------------- main

async function main(): Promise<void> {
  note(`results also in ${resultsFile}`);
  const reference = await startReference('reference');
  const side = VALIDATE ? await startReference('reference-b') : await startMesa();
  if (VALIDATE) note('validation run: a second reference server stands in for Mesa');
  const targets = [side, reference];

  const loadAtStart = loadavg()[0]!;
  const summary: Record<string, unknown> = { case: 'summary', server: side.name };
  if (CASES.has('propagation')) {
    const results = await propagationCase(targets);
    const within: Record<string, boolean> = {};
    for (const size of SIZES) {
      const a = results.get(side.name)!.get(size)!;
      const b = results.get(reference.name)!.get(size)!;
      within[size] =
        a.p50 !== null &&
        b.p50 !== null &&
        a.convergeMs !== null &&
        b.convergeMs !== null &&
        a.p50 <= b.p50 * 1.2 &&
        a.convergeMs <= b.convergeMs * 1.2;
    }
    summary.propagationWithin1_2x = within;
  }
  if (CASES.has('late-join')) {
    const results = await lateJoinCase(targets);
    const cold = results.get(side.name)?.cold ?? null;
    summary.coldLateJoinMs = round(cold ?? null);
    summary.coldLateJoinUnder500ms = cold === null ? null : cold < 500;
  }
  if (CASES.has('memory')) {
    const loaded = (await memoryCase(targets)).get(side.name) ?? null;
    summary.loadedDocumentsAfterIdle = loaded;
    summary.zeroLoadedAfterIdle = loaded === null ? null : loaded === 0;
  }
  const verdicts = [
    ...Object.values((summary.propagationWithin1_2x as Record<string, boolean>) ?? {}),
    summary.coldLateJoinUnder500ms,
    summary.zeroLoadedAfterIdle,
  ].filter((v) => v !== undefined);
  summary.pass = verdicts.every((v) => v === true);
  // Other work on the machine moves the numbers: the load average tells how quiet it was.
  summary.machine = {
    cpus: cpus().length,
    node: process.version,
    loadAverageAtStart: round(loadAtStart),
    loadAverageAtEnd: round(loadavg()[0]!),
  };
  emit(summary);

  for (const t of targets) await t.stop();
}

main().then(
  () => {
    killAll();
    process.exit(0);
  },
  (error: unknown) => {
    note(`failed: ${error instanceof Error ? error.stack : String(error)}`);
    killAll();
    process.exit(1);
  },
);
