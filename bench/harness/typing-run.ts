// One typing run: `size` stock clients on one document, up to ten of them typing in bursts,
// timed from each edit's `send` to its application at every other client (bench/README.md,
// "How propagation is timed"). The propagation and ten-in-a-row cases are made of these.
import { BURST_PAUSE_MS, EDITS_PER_SECOND, MAX_TYPISTS, options } from './options.js';
import { note } from './output.js';
import { cpuMsOf } from './processes.js';
import type { Target } from './servers.js';
import { median, quantiles } from './stats.js';
import { Thread } from './threads.js';
import {
  clock,
  sleep,
  type Command,
  type LocalTypist,
  type Received,
  type Reply,
  type Sent,
} from './typing-protocol.js';

/** A thread hosting some of a run's clients (client i in thread i % threads). */
export type TypingThread = Thread<Command, Reply>;

/** Starts the load generator's threads. */
export function startTypingThreads(count: number): TypingThread[] {
  return Array.from({ length: count }, () => new Thread<Command, Reply>('./typing-thread.ts'));
}

/** What one run measured. */
export interface TypingRun {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  /** Median over the run's bursts of the time until every client held the burst's last edit. */
  convergeMs: number | null;
  samples: number;
  expected: number;
  /** The server's CPU time over the bursts (pauses included), in all and per edit typed. */
  cpuMs: number;
  cpuMsPerEdit: number;
}

/**
 * Latencies of one burst's edits at every client but their typist's (typist t is client t),
 * and when the last client held the last edit (null if one never did). An edit is known by the
 * Yjs id of its first character (typist's clientID, clock); a client received it with the
 * first of its transactions that took that typist's clock past the edit's.
 */
export function burstLatencies(
  sent: Sent[],
  finalClocks: Map<number, number>,
  received: Received[][],
): { latencies: number[]; allHeldAt: number | null } {
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

async function connectClients(
  used: TypingThread[],
  target: Target,
  room: string,
  size: number,
): Promise<number[]> {
  const n = used.length;
  const connected = await Promise.all(
    used.map((thread, k) =>
      thread.ask(
        {
          type: 'connect',
          serverUrl: target.serverUrl,
          room,
          headers: target.headers,
          count: Math.ceil((size - k) / n),
        },
        'connected',
      ),
    ),
  );
  const typists = Math.min(MAX_TYPISTS, size);
  const typistIds = Array.from(
    { length: typists },
    (_, t) => connected[t % n]!.clientIds[Math.floor(t / n)]!,
  );
  await Promise.all(
    used.map((thread) => thread.ask({ type: 'typists', clientIds: typistIds }, 'ok')),
  );
  return typistIds;
}

interface Burst {
  latencies: number[];
  convergeMs: number | null;
  typedBy: number[];
}

async function typeBurst(
  used: TypingThread[],
  context: { target: Target; size: number; burst: number; count: number[] },
): Promise<Burst> {
  const { target, size, burst, count } = context;
  const n = used.length;
  const typists = count.length;
  const period = 1000 / EDITS_PER_SECOND;
  const editsPerBurst = Math.max(
    1,
    Math.round((options.typingSeconds * EDITS_PER_SECOND) / options.bursts),
  );
  // Each typist types every 100 ms, phases spread evenly over the period. The order turns by
  // one typist a burst, so each burst's last edit (the one convergence is timed from) comes
  // from a different typist (bench/README.md, "Who types last").
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
  if (typed.some((r) => r.saturated))
    note(`${target.name} ${size} clients: the load generator fell behind (saturated)`);
  const unsent = typed.reduce((a, r) => a + r.unsent, 0);
  if (unsent > 0) note(`${target.name} ${size} clients: ${unsent} edits typed while disconnected`);
  // The burst stopped when its last edit was handed to the socket.
  const stoppedAt = Math.max(...sent.map(([, , at]) => at));
  const finalClocks = typed.flatMap((r) => r.finalClocks);
  const collected = await Promise.all(
    used.map((thread) =>
      thread.ask({ type: 'collect', finalClocks, timeoutMs: 30_000 }, 'collected', 40_000),
    ),
  );
  const received: Received[][] = [];
  const vectors: Buffer[] = [];
  for (let i = 0; i < size; i++) {
    received.push(collected[i % n]!.received[Math.floor(i / n)]!);
    vectors.push(Buffer.from(collected[i % n]!.stateVectors[Math.floor(i / n)]!));
  }
  const result = burstLatencies(sent, new Map(finalClocks), received);
  // Converged: every client holds every edit, confirmed by identical state vectors.
  const same = vectors.every((v) => v.equals(vectors[0]!));
  const complete = collected.every((c) => c.complete);
  const converged = complete && same && result.allHeldAt !== null;
  return {
    latencies: result.latencies,
    convergeMs: converged ? Math.max(result.allHeldAt!, stoppedAt) - stoppedAt : null,
    typedBy: sent.map(([typist]) => typist),
  };
}

/** One run of `size` clients on `room` of `target`. */
export async function typingRun(
  threads: TypingThread[],
  target: Target,
  room: string,
  size: number,
): Promise<TypingRun> {
  const used = threads.slice(0, Math.min(threads.length, size));
  await connectClients(used, target, room, size);
  const latencies: number[] = [];
  const converge: (number | null)[] = [];
  const count = new Array<number>(Math.min(MAX_TYPISTS, size)).fill(0);
  const cpuBefore = await cpuMsOf(target.child);
  for (let burst = 0; burst < options.bursts; burst++) {
    const result = await typeBurst(used, { target, size, burst, count });
    for (const typist of result.typedBy) count[typist]!++;
    latencies.push(...result.latencies);
    converge.push(result.convergeMs);
    await sleep(BURST_PAUSE_MS);
  }
  const cpuMs = (await cpuMsOf(target.child)) - cpuBefore;
  await Promise.all(used.map((thread) => thread.ask({ type: 'close' }, 'closed')));
  const edits = count.reduce((a, b) => a + b, 0);
  return {
    ...quantiles(latencies),
    convergeMs: median(converge),
    samples: latencies.length,
    expected: edits * (size - 1),
    cpuMs,
    cpuMsPerEdit: edits > 0 ? cpuMs / edits : 0,
  };
}
