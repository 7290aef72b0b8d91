// Benchmark of the live meeting room (issue 20): from a chair's command (give the floor, next
// item) until all 200 participants have the new state, next to a bare Socket.IO broadcast of
// the same payload in the same run; how long a reconnecting participant waits for the whole
// state; the same on two nodes sharing PostgreSQL and Redis. Run: pnpm bench:meetings
// [-- --rounds=60 --participants=200 --topologies=single,cluster]. Method: README.md,
// "Meetings benchmark". A script, not a test: it prints figures and says which targets they meet.
import { createServer } from 'node:http';
import { randomUUID } from 'node:crypto';
import { loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { Server } from 'socket.io';
import { io, type Socket } from 'socket.io-client';
import { SOCKET_IO_PATH, SOCKET_MAX_MESSAGE_BYTES } from '@mesa/shared';
import { emit, note } from './harness/output.js';
import { createDatabase } from './harness/postgres.js';
import { quantiles, ratio, round } from './harness/stats.js';
import { Thread } from './harness/threads.js';
import { startMeeting, type MeetingUnderTest } from './meetings/mesa.js';
import { stateKey, type Command, type Reply } from './meetings/protocol.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    participants: { type: 'string', default: '200' },
    rounds: { type: 'string', default: '60' },
    rejoins: { type: 'string', default: '30' },
    topologies: { type: 'string', default: 'single,cluster' },
  },
});
const PARTICIPANTS = Number(values.participants);
const ROUNDS = Number(values.rounds);
const REJOINS = Number(values.rejoins);
const LISTENER_THREADS = 2;
const TARGET_RATIO = 1.5;
const TARGET_REJOIN_MS = 100;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

type State = { sequence: number; queue: { id: string }[] };
type Ack = { ok: true; data: State } | { ok: false; error: { code: string; message: string } };

/** Listener threads holding `cookies.length` clients between them (client i in thread i % n). */
async function listeners(urls: string[], cookies: (string | null)[], meetingId: string | null) {
  const threads = Array.from(
    { length: LISTENER_THREADS },
    () => new Thread<Command, Reply>('../meetings/listeners-thread.ts'),
  );
  await Promise.all(
    threads.map((t, i) =>
      t.ask(
        {
          type: 'connect',
          // Client c goes to urls[c % urls.length] whichever thread holds it.
          urls: urls.length === 1 ? urls : [urls[i % urls.length]!],
          cookies: cookies.filter((_, c) => c % LISTENER_THREADS === i),
          meetingId,
        },
        'connected',
      ),
    ),
  );
  return {
    threads,
    async lastArrival(key: number): Promise<bigint> {
      const replies = await Promise.all(
        threads.map((t) => t.ask({ type: 'await', key, timeoutMs: 30_000 }, 'arrived')),
      );
      return replies.flatMap((r) => r.times.map(BigInt)).reduce((a, b) => (a > b ? a : b));
    },
    async close() {
      await Promise.all(threads.map((t) => t.ask({ type: 'close' }, 'closed')));
      await Promise.all(threads.map((t) => t.terminate()));
    },
  };
}

/** A Socket.IO server with Mesa's options and nothing else: no sign-in, rooms, policy or database. */
async function startBare() {
  const http = createServer();
  const bare = new Server(http, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    io: bare,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => void bare.close(() => resolve())),
  };
}

function client(url: string, cookie: string): Promise<Socket> {
  const socket = io(url, {
    path: SOCKET_IO_PATH,
    transports: ['websocket'],
    extraHeaders: { cookie },
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve(socket));
    socket.once('connect_error', reject);
  });
}

async function ask(socket: Socket, event: string, payload: object): Promise<State> {
  const reply = (await socket.emitWithAck(event, payload)) as Ack;
  if (!reply.ok) throw new Error(`${event}: ${reply.error.code} ${reply.error.message}`);
  return reply.data;
}

function roundAll<T extends Record<string, number | null>>(q: T): T {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, round(v)])) as T;
}

async function run(topology: 'single' | 'cluster'): Promise<Record<string, unknown>> {
  const half = Math.ceil(ROUNDS / 2);
  const pg = topology === 'cluster' ? await createDatabase() : null;
  let mesa: MeetingUnderTest | null = null;
  try {
    note(
      `${topology}: starting Mesa (${topology === 'cluster' ? 2 : 1} node(s)), ${PARTICIPANTS} participants`,
    );
    mesa = await startMeeting({
      nodes: topology === 'cluster' ? 2 : 1,
      participants: PARTICIPANTS,
      speakers: half + 1,
      items: ROUNDS - half + 2,
      ...(pg ? { databaseUrl: pg.url, redisUrl } : {}),
    });
    const { meetingId } = mesa;
    const urls = mesa.nodes.map((n) => n.url);
    const room = await listeners(
      urls,
      mesa.participants.map((p) => p.cookie),
      meetingId,
    );
    const bare = topology === 'single' ? await startBare() : null;
    const bareRoom = bare
      ? await listeners(
          [bare.url],
          mesa.participants.map(() => null),
          null,
        )
      : null;
    const chair = await client(urls[0]!, mesa.chair.cookie);
    let state = await ask(chair, 'meeting.join', { meetingId });
    const command = async (c: object) => {
      state = await ask(chair, 'meeting.command', {
        ...c,
        meetingId,
        commandId: randomUUID(),
        sequence: state.sequence,
      });
      return state;
    };
    await command({ type: 'start' });
    // The speakers ask for the floor, from every node, before anything is timed.
    const speakers: Socket[] = [];
    for (const [i, p] of mesa.speakers.entries()) {
      const s = await client(urls[i % urls.length]!, p.cookie);
      speakers.push(s);
      await ask(s, 'meeting.join', { meetingId });
      await ask(s, 'meeting.command', {
        type: 'requestFloor',
        meetingId,
        commandId: randomUUID(),
        kind: 'ordinary',
      });
    }
    state = await ask(chair, 'meeting.join', { meetingId });
    await room.lastArrival(state.sequence);
    await sleep(300); // presence broadcasts of the joins settle

    const eventAt = new Map<number, bigint>();
    mesa.nodes[0]!.app.events.prependListener('meeting.roomChanged', (s) =>
      eventAt.set(s.sequence, process.hrtime.bigint()),
    );
    const endToEnd: Record<string, number[]> = { giveFloor: [], next: [] };
    const fanOut: number[] = [];
    const bareFanOut: number[] = [];
    let payload: unknown = null;
    const mesaRound = async (i: number, count: boolean) => {
      const type = i < half ? 'giveFloor' : 'next';
      const sent = process.hrtime.bigint();
      const next =
        type === 'giveFloor'
          ? await command({ type, entryId: state.queue[0]!.id })
          : await command({ type });
      const last = await room.lastArrival(next.sequence);
      if (!count) return;
      endToEnd[type]!.push(ms(sent, last));
      fanOut.push(ms(eventAt.get(next.sequence)!, last));
    };
    const bareRound = async (i: number) => {
      // The same payload as Mesa's last state, its sequence swapped for a marker.
      const copy = { ...(payload as object), sequence: 1_000_000 + i };
      const key = stateKey(copy)!;
      const sent = process.hrtime.bigint();
      bare!.io.emit('meeting.state', copy);
      bareFanOut.push(ms(sent, await bareRoom!.lastArrival(key)));
    };
    await mesaRound(0, false); // warm-up, and the payload for the bare server
    payload = (await room.threads[0]!.ask({ type: 'capture' }, 'captured')).payload;
    for (let i = 1; i <= ROUNDS; i += 1) {
      // Turn the order each round so neither server always goes first.
      if (bare && i % 2 === 0) {
        await bareRound(i);
        await sleep(50);
      }
      await mesaRound(i, true);
      if (bare && i % 2 === 1) {
        await sleep(50);
        await bareRound(i);
      }
      await sleep(60); // the chair's commands stay under the per-connection rate
    }

    // A participant reconnects: new connection, join, the whole state in the ack.
    const rejoin: number[] = [];
    const returning = mesa.speakers.at(-1)!;
    for (let i = 0; i < REJOINS; i += 1) {
      const started = process.hrtime.bigint();
      const s = await client(urls[i % urls.length]!, returning.cookie);
      await ask(s, 'meeting.join', { meetingId });
      rejoin.push(ms(started, process.hrtime.bigint()));
      s.close();
      await sleep(250); // the room quiet again: the leave's presence broadcast has gone out
    }

    chair.close();
    for (const s of speakers) s.close();
    await room.close();
    await bareRoom?.close();
    await bare?.close();
    const g = roundAll(quantiles(endToEnd.giveFloor!));
    const n = roundAll(quantiles(endToEnd.next!));
    const f = roundAll(quantiles(fanOut));
    const b = roundAll(quantiles(bareFanOut));
    const r = roundAll(quantiles(rejoin));
    const line = {
      case: 'meeting-room',
      topology,
      clients: PARTICIPANTS,
      rounds: ROUNDS,
      payloadBytes: JSON.stringify(payload).length,
      giveFloorToAllP50: g.p50,
      giveFloorToAllP99: g.p99,
      nextToAllP50: n.p50,
      nextToAllP99: n.p99,
      fanOutP50: f.p50,
      fanOutP99: f.p99,
      bareP50: b.p50,
      bareP99: b.p99,
      ratioP50: ratio(f.p50, b.p50),
      ratioP99: ratio(f.p99, b.p99),
      rejoinP50: r.p50,
      rejoinP99: r.p99,
    };
    emit(line);
    return line;
  } finally {
    await mesa?.close();
    await pg?.drop();
  }
}

async function main(): Promise<boolean> {
  note(`load average at the start: ${loadavg()[0]!.toFixed(2)}`);
  const topologies = values.topologies.split(',').filter(Boolean) as ('single' | 'cluster')[];
  let ok = true;
  for (const topology of topologies) {
    const line = await run(topology);
    const rejoinMet = typeof line.rejoinP50 === 'number' && line.rejoinP50 < TARGET_REJOIN_MS;
    ok &&= rejoinMet;
    note(
      `${topology}: reconnect to the whole state p50 ${String(line.rejoinP50)} ms (target < ${TARGET_REJOIN_MS}) ${rejoinMet ? 'met' : 'NOT met'}`,
    );
    if (topology !== 'single') continue;
    const r = typeof line.ratioP50 === 'number' ? line.ratioP50 : null;
    const met = r !== null && r <= TARGET_RATIO;
    ok &&= met;
    note(
      `single: fan-out p50 ${String(line.fanOutP50)} ms, bare broadcast ${String(line.bareP50)} ms: ratio ${String(r)} (target ≤ ${TARGET_RATIO}) ${met ? 'met' : 'NOT met'}`,
    );
  }
  note(`load average at the end: ${loadavg()[0]!.toFixed(2)}`);
  return ok;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
