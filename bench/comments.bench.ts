// Benchmark of comment threads (issue 19): listing a busy plan's threads, and a comment's
// fan-out to 200 people against a bare Socket.IO broadcast of the same payload in the same run.
// Run: pnpm bench:comments [-- --rounds=60 --databases=sqlite,postgres]. Method: README.md,
// "Comments". A script, not a test: it prints figures and says which targets they meet.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { loadavg } from 'node:os';
import { Server } from 'socket.io';
import { Limits, SOCKET_IO_PATH, SOCKET_MAX_MESSAGE_BYTES, planDocumentName } from '@mesa/shared';
import { emit, note } from './harness/output.js';
import { createDatabase } from './harness/postgres.js';
import { quantiles, ratio, round } from './harness/stats.js';
import { Thread } from './harness/threads.js';
import { startMesaInProcess, type MesaUnderTest } from './comments/mesa.js';
import { eventKey, type Command, type Reply } from './comments/protocol.js';
import { seedThreads } from './comments/seed.js';

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    people: { type: 'string', default: '200' },
    threads: { type: 'string', default: '500' },
    replies: { type: 'string', default: '9' },
    rounds: { type: 'string', default: '60' },
    listings: { type: 'string', default: '30' },
    databases: { type: 'string', default: 'sqlite,postgres' },
  },
});
const PEOPLE = Number(values.people);
const THREADS = Number(values.threads);
const REPLIES = Number(values.replies);
const ROUNDS = Number(values.rounds);
const LISTINGS = Number(values.listings);
const LISTENER_THREADS = 2;
const TARGET_LIST_MS = 50;
const TARGET_FANOUT_RATIO = 1.5;

const ms = (from: bigint, to: bigint) => Number(to - from) / 1e6;
const sleep = (n: number) => new Promise((resolve) => setTimeout(resolve, n));

/** Listener threads holding `cookies.length` clients between them (client i in thread i % n). */
async function listeners(url: string, cookies: (string | null)[], programId: string | null) {
  const threads = Array.from(
    { length: LISTENER_THREADS },
    () => new Thread<Command, Reply>('../comments/listeners-thread.ts'),
  );
  await Promise.all(
    threads.map((t, i) =>
      t.ask(
        {
          type: 'connect',
          url,
          cookies: cookies.filter((_, c) => c % LISTENER_THREADS === i),
          programId,
        },
        'connected',
      ),
    ),
  );
  return {
    threads,
    /** The latest arrival of `key` over every client. */
    async lastArrival(key: string): Promise<bigint> {
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

/** `LISTINGS` timings of one GET through the whole route (inject: no network), as one person. */
async function timeGet(
  mesa: MesaUnderTest,
  path: (cookie: string) => Promise<{ bytes: number; requests: number }>,
): Promise<{ samples: number[]; bytes: number; requests: number }> {
  const cookie = mesa.people[0]!.cookie;
  const samples: number[] = [];
  let last = { bytes: 0, requests: 0 };
  for (let i = 0; i < LISTINGS; i += 1) {
    const started = process.hrtime.bigint();
    last = await path(cookie);
    samples.push(ms(started, process.hrtime.bigint()));
  }
  return { samples, ...last };
}

async function get(mesa: MesaUnderTest, url: string, cookie: string) {
  const res = await mesa.app.inject({ method: 'GET', url, headers: { cookie } });
  if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
  return res;
}

/**
 * What the plan's comment panel and the editor's highlights ask, each `LISTINGS` times: the
 * first page of threads (the default 50), the anchors of every thread, and — for comparison
 * with the whole list the route answered before it paged — every page of 100 in turn.
 */
async function timeListing(
  mesa: MesaUnderTest,
  database: string,
): Promise<Record<string, number | null>> {
  const subject = `kind=document&documentName=${planDocumentName(mesa.programId)}`;
  const cases = {
    'list-threads-first-page': async (cookie: string) => {
      const res = await get(mesa, `/api/threads?${subject}&state=all`, cookie);
      return { bytes: res.rawPayload.length, requests: 1 };
    },
    'thread-anchors': async (cookie: string) => {
      const res = await get(mesa, `/api/threads/anchors?${subject}`, cookie);
      return { bytes: res.rawPayload.length, requests: 1 };
    },
    'list-threads-all-pages': async (cookie: string) => {
      let bytes = 0;
      let requests = 0;
      let cursor: string | null = null;
      do {
        const after: string = cursor === null ? '' : `&cursor=${encodeURIComponent(cursor)}`;
        const res = await get(mesa, `/api/threads?${subject}&state=all&limit=100${after}`, cookie);
        bytes += res.rawPayload.length;
        requests += 1;
        cursor = res.json<{ nextCursor: string | null }>().nextCursor;
      } while (cursor !== null);
      return { bytes, requests };
    },
  };
  const p50s: Record<string, number | null> = {};
  for (const [name, run] of Object.entries(cases)) {
    const { samples, bytes, requests } = await timeGet(mesa, run);
    const q = quantiles(samples);
    emit({
      case: name,
      database,
      threads: THREADS,
      comments: THREADS * (REPLIES + 1),
      requests,
      bytes,
      ...roundAll(q),
      samples: samples.length,
    });
    p50s[name] = q.p50;
  }
  return p50s;
}

function roundAll<T extends Record<string, number | null>>(q: T): T {
  return Object.fromEntries(Object.entries(q).map(([k, v]) => [k, round(v)])) as T;
}

/** A Socket.IO server with Mesa's options and nothing else: no sign-in, rooms, policy or database. */
async function startBare() {
  const http = createServer();
  const io = new Server(http, {
    path: SOCKET_IO_PATH,
    serveClient: false,
    maxHttpBufferSize: SOCKET_MAX_MESSAGE_BYTES,
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const address = http.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    io,
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => void io.close(() => resolve())),
  };
}

async function fanOut(mesa: MesaUnderTest): Promise<Record<string, unknown>> {
  const bare = await startBare();
  const mesaClients = await listeners(
    mesa.url,
    mesa.people.map((p) => p.cookie),
    mesa.programId,
  );
  const bareClients = await listeners(
    bare.url,
    mesa.people.map(() => null),
    null,
  );
  const threadIds = (
    await mesa.app.inject({
      method: 'GET',
      url: `/api/threads?kind=document&documentName=${planDocumentName(mesa.programId)}&state=open&limit=100`,
      headers: { cookie: mesa.people[0]!.cookie },
    })
  )
    .json<{ threads: { id: string }[] }>()
    .threads.map((t) => t.id);
  // When the threads service emitted the domain event of each commented thread (after commit).
  const eventAt = new Map<string, bigint>();
  mesa.app.events.prependListener('thread.changed', ({ threadId, change }) => {
    if (change === 'commented') eventAt.set(threadId, process.hrtime.bigint());
  });
  const endToEnd: number[] = [];
  const mesaFanOut: number[] = [];
  const bareFanOut: number[] = [];
  let payload: { thread: { comments: { id: string }[] } } | null = null;

  const mesaRound = async (i: number) => {
    const threadId = threadIds[i % threadIds.length]!;
    const poster = mesa.people[(i * 7 + 3) % mesa.people.length]!;
    const posted = process.hrtime.bigint();
    const res = await fetch(`${mesa.url}/api/threads/${threadId}/comments`, {
      method: 'POST',
      headers: { cookie: poster.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ body: `Round ${i}: agreed, with the 2025 figure as the baseline.` }),
    });
    if (res.status !== 201) throw new Error(`reply answered ${res.status}`);
    const key = ((await res.json()) as { comments: { id: string }[] }).comments.at(-1)!.id;
    const last = await mesaClients.lastArrival(key);
    endToEnd.push(ms(posted, last));
    mesaFanOut.push(ms(eventAt.get(threadId)!, last));
    payload ??= (await mesaClients.threads[0]!.ask({ type: 'capture' }, 'captured'))
      .payload as typeof payload;
  };
  const bareRound = async (i: number) => {
    // The same payload as Mesa's event, its newest comment id swapped for a marker of equal length.
    const copy = structuredClone(payload!);
    const last = copy.thread.comments.at(-1)!;
    last.id = `bare${i}`.padEnd(last.id.length, 'x').slice(0, last.id.length);
    const key = eventKey(copy)!;
    const sent = process.hrtime.bigint();
    bare.io.emit('thread.changed', copy);
    bareFanOut.push(ms(sent, await bareClients.lastArrival(key)));
  };

  await mesaRound(ROUNDS); // the payload for the bare server; not counted
  endToEnd.length = 0;
  mesaFanOut.length = 0;
  for (let i = 0; i < ROUNDS; i += 1) {
    // Turn the order each round so neither server always goes first.
    if (i % 2 === 0) {
      await mesaRound(i);
      await sleep(50);
      await bareRound(i);
    } else {
      await bareRound(i);
      await sleep(50);
      await mesaRound(i);
    }
    await sleep(50);
  }
  await mesaClients.close();
  await bareClients.close();
  await bare.close();
  const e = roundAll(quantiles(endToEnd));
  const m = roundAll(quantiles(mesaFanOut));
  const b = roundAll(quantiles(bareFanOut));
  const line = {
    case: 'comment-fan-out',
    clients: mesa.people.length,
    rounds: ROUNDS,
    payloadBytes: JSON.stringify(payload).length,
    postToAllP50: e.p50,
    postToAllP99: e.p99,
    fanOutP50: m.p50,
    fanOutP99: m.p99,
    bareP50: b.p50,
    bareP99: b.p99,
    ratioP50: ratio(m.p50, b.p50),
    ratioP99: ratio(m.p99, b.p99),
  };
  emit(line);
  return line;
}

async function main(): Promise<boolean> {
  const databases = values.databases.split(',').filter(Boolean);
  note(`load average at the start: ${loadavg()[0]!.toFixed(2)}`);
  const listed: Record<string, Record<string, number | null>> = {};
  let fan: Record<string, unknown> | null = null;
  for (const database of databases) {
    const pg = database === 'postgres' ? await createDatabase() : null;
    try {
      note(`${database}: starting Mesa with ${PEOPLE} people`);
      const mesa = await startMesaInProcess(PEOPLE, pg?.url);
      try {
        note(`${database}: seeding ${THREADS} threads with ${REPLIES} replies each`);
        const seeded = Date.now();
        await seedThreads(mesa, THREADS, REPLIES);
        note(`${database}: seeded in ${Math.round((Date.now() - seeded) / 1000)} s; listing`);
        listed[database] = await timeListing(mesa, database);
        if (database === databases[0]) {
          // People post again in the rounds: if that could pass the per-minute limit on top of
          // what they posted while seeding, let the seed's minute expire first.
          const perPerson = Math.ceil((THREADS * (REPLIES + 1) + ROUNDS + 1) / PEOPLE) + 1;
          if (perPerson > Limits.commentsPerMinute)
            await sleep(Math.max(0, 61_000 - (Date.now() - seeded)));
          note(`${database}: fan-out, ${ROUNDS} rounds against a bare broadcast`);
          fan = await fanOut(mesa);
        }
      } finally {
        await mesa.close();
      }
    } finally {
      await pg?.drop();
    }
  }
  return summarize(listed, fan);
}

/** The listings the panel and the highlights wait for; the whole list is printed, not judged. */
const JUDGED = ['list-threads-first-page', 'thread-anchors'];

function summarize(
  listed: Record<string, Record<string, number | null>>,
  fan: Record<string, unknown> | null,
): boolean {
  note(`load average at the end: ${loadavg()[0]!.toFixed(2)}`);
  let ok = true;
  for (const [database, cases] of Object.entries(listed)) {
    for (const [name, p50] of Object.entries(cases)) {
      if (!JUDGED.includes(name)) {
        note(`${name} on ${database}: p50 ${round(p50)} ms`);
        continue;
      }
      const met = p50 !== null && p50 < TARGET_LIST_MS;
      ok &&= met;
      note(
        `${name} on ${database}: p50 ${round(p50)} ms (target < ${TARGET_LIST_MS}) ${met ? 'met' : 'NOT met'}`,
      );
    }
  }
  const ratioP50 = typeof fan?.ratioP50 === 'number' ? fan.ratioP50 : null;
  const met = ratioP50 !== null && ratioP50 <= TARGET_FANOUT_RATIO;
  ok &&= met;
  note(
    `fan-out p50 ${String(fan?.fanOutP50)} ms, bare broadcast ${String(fan?.bareP50)} ms: ` +
      `ratio ${String(ratioP50)} (target ≤ ${TARGET_FANOUT_RATIO}) ${met ? 'met' : 'NOT met'}`,
  );
  return ok;
}

main().then(
  (ok) => process.exit(ok ? 0 : 1),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(2);
  },
);
