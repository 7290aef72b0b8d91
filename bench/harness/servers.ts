// The servers under test: Mesa (SQLite or PostgreSQL) and the reference Yjs server
// `@y/websocket-server`, started the same way and offered to the cases as one `Target` shape.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { note } from './output.js';
import { repoRoot, startChild, stopChild, waitForHttp, type Child } from './processes.js';
import { freePort } from './util.js';

const ADMIN_EMAIL = 'bench-admin@example.org';
const ADMIN_PASSWORD = 'bench-password-1234567';

/** Which document a case uses: each case its own, so one case's history never slows another. */
export const Rooms = {
  propagation: 0,
  lateJoin: 1,
  memory: 2,
  tenInARow: 3,
  saved: 4,
} as const;

/** A running server as the cases see it. */
export interface Target {
  /** `mesa`, `mesa-postgres`, `reference`, `reference-b`, or `reference-c` (in Mesa's slot). */
  name: string;
  /** Whether this is Mesa (a reference has no persistence and no acknowledgements). */
  isMesa: boolean;
  serverUrl: string;
  /** A URL answered over HTTP: Mesa's `/api/health`; the reference answers any path. */
  healthUrl: string;
  room(slot: number): string;
  /** Headers every WebSocket to this server carries (Mesa's session cookie and Origin). */
  headers: Record<string, string>;
  child: Child;
  /** Restarts the process on the same port and data; null when the server keeps nothing. */
  restart: (() => Promise<void>) | null;
  /** Documents loaded in the server, when it tells. */
  loadedDocuments: () => Promise<number | null>;
  stop: () => Promise<void>;
}

/** Starts a reference server (`name` tells copies apart). */
export async function startReference(name: string): Promise<Target> {
  const port = await freePort();
  const script = join(repoRoot, 'bench/node_modules/@y/websocket-server/src/server.js');
  const extra = (process.env.BENCH_REFERENCE_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const child = startChild(name, [...extra, script], { HOST: '127.0.0.1', PORT: String(port) });
  await waitForHttp(`http://127.0.0.1:${port}/`, child);
  const target: Target = {
    name,
    isMesa: false,
    serverUrl: `ws://127.0.0.1:${port}`,
    healthUrl: `http://127.0.0.1:${port}/api/health`,
    room: (slot) => `bench-${slot}`,
    headers: {},
    child,
    restart: null,
    // The reference keeps every document in memory for the life of the process.
    loadedDocuments: async () => null,
    stop: () => stopChild(target.child),
  };
  return target;
}

async function buildMesaIfMissing(bundle: string, explicit: boolean): Promise<void> {
  if (existsSync(bundle)) return;
  if (explicit) throw new Error(`no Mesa bundle at ${bundle}`);
  note('building apps/server (dist/main.js missing)');
  await new Promise<void>((resolve, reject) => {
    const build = spawn('pnpm', ['--filter', '@mesa/server', 'build'], {
      cwd: repoRoot,
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    build.on('exit', (code) => (code === 0 ? resolve() : reject(new Error('build failed'))));
  });
}

async function signIn(origin: string): Promise<Record<string, string>> {
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
  return { Cookie: session, Origin: origin };
}

async function programIds(origin: string, headers: Record<string, string>): Promise<string[]> {
  const reply = await fetch(`${origin}/api/programs`, { headers });
  if (!reply.ok) throw new Error(`GET /api/programs: ${reply.status}`);
  const body: unknown = await reply.json();
  const list = (Array.isArray(body) ? body : ((body as { data?: unknown[] }).data ?? [])) as {
    id: string | number;
  }[];
  if (list.length === 0) throw new Error('Mesa has no programs to benchmark');
  return list.map((p) => String(p.id));
}

/** What differs between Mesa servers: a name, and PostgreSQL instead of SQLite. */
export interface MesaOptions {
  name: string;
  databaseUrl?: string;
  bundle: string | null;
  idleUnloadSeconds: number;
}

/** Starts Mesa with a fresh `DATA_DIR` (and database), signed in as its admin. */
export async function startMesa(options: MesaOptions): Promise<Target> {
  const bundle = options.bundle ?? join(repoRoot, 'apps/server/dist/main.js');
  await buildMesaIfMissing(bundle, options.bundle !== null);
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mesa-bench-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  const origin = `http://127.0.0.1:${port}`;
  const env: Record<string, string> = {
    PORT: String(port),
    HOST: '127.0.0.1',
    PUBLIC_URL: origin,
    DATA_DIR: dataDir,
    MESA_ADMIN_EMAIL: ADMIN_EMAIL,
    MESA_ADMIN_PASSWORD: ADMIN_PASSWORD,
    MESA_COLLAB_IDLE_UNLOAD_SECONDS: String(options.idleUnloadSeconds),
    LOG_LEVEL: 'warn',
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
  };
  const launch = async () => {
    // BENCH_MESA_NODE_ARGS (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`) to diagnose the server.
    const extra = (process.env.BENCH_MESA_NODE_ARGS ?? '').split(' ').filter(Boolean);
    const child = startChild(options.name, [...extra, bundle], env);
    await waitForHttp(`${origin}/api/health`, child);
    return child;
  };
  const child = await launch();
  const headers = await signIn(origin);
  const ids = await programIds(origin, headers);
  const target: Target = {
    name: options.name,
    isMesa: true,
    serverUrl: `ws://127.0.0.1:${port}/collab`,
    healthUrl: `${origin}/api/health`,
    room: (slot) => `plan:${ids[slot % ids.length]}`,
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
  return target;
}

/** A `ws` class that adds the target's headers, for a stock provider's `WebSocketPolyfill`. */
export function headerWebSocket(headers: Record<string, string>): typeof WebSocket {
  return class HeaderWebSocket extends WebSocket {
    constructor(address: string | URL, protocols?: string | string[]) {
      super(address, protocols, { headers });
    }
  } as unknown as typeof WebSocket;
}
