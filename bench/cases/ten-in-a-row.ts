// One size typed many times in a row on the same servers and document: a server that slows
// down as it runs (its CPU per run growing with the history or with what it keeps) shows as a
// last run slower than the first (issue 17: the tenth within 10 % of the first).
import { options } from '../harness/options.js';
import { emit } from '../harness/output.js';
import { Rooms, type Target } from '../harness/servers.js';
import { ratio, round } from '../harness/stats.js';
import { sleep } from '../harness/typing-protocol.js';
import { startTypingThreads, typingRun, type TypingRun } from '../harness/typing-run.js';
import { turn } from './propagation.js';

/** The first and last run of one server. */
export interface InARow {
  first: TypingRun;
  last: TypingRun;
}

/** `options.repeatRuns` runs of `options.repeatSize` clients on each target, alternating. */
export async function tenInARowCase(targets: Target[]): Promise<Map<string, InARow>> {
  const threads = startTypingThreads(options.threads);
  const runs = new Map<string, TypingRun[]>(targets.map((t) => [t.name, []]));
  try {
    // Warm-up elsewhere, so the first counted run is not the JIT's first either.
    for (const target of targets)
      await typingRun(
        threads,
        target,
        target.room(Rooms.propagation),
        Math.min(20, options.repeatSize),
      );
    for (let run = 0; run < options.repeatRuns; run++) {
      for (const target of turn(targets, run)) {
        const room = target.room(Rooms.tenInARow);
        runs.get(target.name)!.push(await typingRun(threads, target, room, options.repeatSize));
        await sleep(300);
      }
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  const out = new Map<string, InARow>();
  for (const target of targets) {
    const r = runs.get(target.name)!;
    const first = r[0]!;
    const last = r[r.length - 1]!;
    emit({
      case: 'ten-in-a-row',
      server: target.name,
      clients: options.repeatSize,
      runs: r.length,
      p50First: round(first.p50),
      p50Last: round(last.p50),
      p50LastOverFirst: ratio(last.p50, first.p50),
      cpuMsFirst: round(first.cpuMs),
      cpuMsLast: round(last.cpuMs),
      cpuLastOverFirst: ratio(last.cpuMs, first.cpuMs),
      p50ByRun: r.map((x) => round(x.p50)),
      cpuMsByRun: r.map((x) => round(x.cpuMs)),
    });
    out.set(target.name, { first, last });
  }
  return out;
}
