// Propagation and convergence at each size, on every server in turn: Mesa (or a stand-in),
// the reference, and a second reference whose ratio to the first is the noise floor.
import { options, MAX_TYPISTS } from '../harness/options.js';
import { emit, note } from '../harness/output.js';
import { Rooms, type Target } from '../harness/servers.js';
import { median, quantiles, ratio, round, round3 } from '../harness/stats.js';
import { sleep } from '../harness/typing-protocol.js';
import {
  startTypingThreads,
  typingRun,
  type TypingRun,
  type TypingThread,
} from '../harness/typing-run.js';
import { timeHealthDuring, type HealthSamples } from './health.js';

/** One server's medians at one size. */
export interface SizeSummary {
  p50: number | null;
  convergeMs: number | null;
  cpuMsPerEdit: number | null;
}

/** Medians by server name, then by size; health p99 by server name. */
export interface PropagationResults {
  bySize: Map<number, Map<string, SizeSummary>>;
  health: Map<string, { p99: number | null; requests: number; failures: number }>;
  healthClients: number | null;
}

/** The order of the servers in run `run`: turned by one each run, so no server keeps a slot. */
export function turn<T>(items: readonly T[], run: number): T[] {
  const k = run % items.length;
  return [...items.slice(k), ...items.slice(0, k)];
}

function summarize(target: Target, size: number, runs: TypingRun[]): SizeSummary {
  const line = {
    case: 'propagation',
    server: target.name,
    clients: size,
    typists: Math.min(MAX_TYPISTS, size),
    p50: round(median(runs.map((x) => x.p50))),
    p95: round(median(runs.map((x) => x.p95))),
    p99: round(median(runs.map((x) => x.p99))),
    convergeMs: round(median(runs.map((x) => x.convergeMs))),
    serverCpuMsPerEdit: round3(median(runs.map((x) => x.cpuMsPerEdit))),
    runs: runs.length,
    samples: runs.reduce((a, x) => a + x.samples, 0),
    missing: runs.reduce((a, x) => a + Math.max(0, x.expected - x.samples), 0),
  };
  emit(line);
  return {
    p50: line.p50,
    convergeMs: line.convergeMs,
    // Unrounded, for the ratio: a fraction of a millisecond per edit at 2 clients.
    cpuMsPerEdit: median(runs.map((x) => x.cpuMsPerEdit)),
  };
}

/** The ratio line of a size: the side against the reference, and the two references. */
function emitRatios(size: number, by: Map<string, SizeSummary>, names: string[]): void {
  const [side, reference, second] = names.map((name) => by.get(name));
  emit({
    case: 'propagation-ratio',
    clients: size,
    p50MesaRef: ratio(side?.p50, reference?.p50),
    p50RefRef: ratio(second?.p50, reference?.p50),
    convergeMesaRef: ratio(side?.convergeMs, reference?.convergeMs),
    convergeRefRef: ratio(second?.convergeMs, reference?.convergeMs),
    // Not a target: how much server work an edit costs, less noisy than latency.
    cpuMesaRef: ratio(side?.cpuMsPerEdit, reference?.cpuMsPerEdit),
    cpuRefRef: ratio(second?.cpuMsPerEdit, reference?.cpuMsPerEdit),
  });
}

async function runSize(
  threads: TypingThread[],
  targets: Target[],
  size: number,
  health: Map<string, HealthSamples> | null,
): Promise<Map<string, TypingRun[]>> {
  const runs = new Map<string, TypingRun[]>(targets.map((t) => [t.name, []]));
  for (let run = 0; run < options.runs; run++) {
    for (const target of turn(targets, run)) {
      const once = () => typingRun(threads, target, target.room(Rooms.propagation), size);
      const samples = health?.get(target.name);
      const result = samples ? await timeHealthDuring(target, samples, once) : await once();
      if (result.samples < result.expected)
        note(`${target.name} ${size} clients: ${result.expected - result.samples} missing`);
      runs.get(target.name)!.push(result);
      await sleep(300);
    }
  }
  return runs;
}

/**
 * Every size, `options.runs` runs per server, the servers' order turning run by run. `targets`
 * is [side, reference, second reference]. With `withHealth`, `/api/health` is timed during
 * the largest size's runs.
 */
export async function propagationCase(
  targets: Target[],
  withHealth: boolean,
): Promise<PropagationResults> {
  const threads = startTypingThreads(options.threads);
  const bySize = new Map<number, Map<string, SizeSummary>>();
  const healthClients = withHealth ? Math.max(...options.sizes) : null;
  const health = new Map<string, HealthSamples>(
    targets.map((t) => [t.name, { latencies: [], failures: 0 }]),
  );
  try {
    // One discarded run per server first: JIT warm-up on both sides before anything counts.
    const warmUp = Math.min(20, Math.max(...options.sizes));
    for (const target of targets)
      await typingRun(threads, target, target.room(Rooms.propagation), warmUp);
    for (const size of options.sizes) {
      const runs = await runSize(threads, targets, size, size === healthClients ? health : null);
      const by = new Map(targets.map((t) => [t.name, summarize(t, size, runs.get(t.name)!)]));
      bySize.set(size, by);
      emitRatios(
        size,
        by,
        targets.map((t) => t.name),
      );
    }
  } finally {
    await Promise.all(threads.map((thread) => thread.terminate()));
  }
  return { bySize, health: summarizeHealth(targets, health, healthClients), healthClients };
}

function summarizeHealth(
  targets: Target[],
  health: Map<string, HealthSamples>,
  clients: number | null,
): PropagationResults['health'] {
  const out: PropagationResults['health'] = new Map();
  if (clients === null) return out;
  for (const target of targets) {
    const samples = health.get(target.name)!;
    const q = quantiles(samples.latencies);
    emit({
      case: 'health',
      server: target.name,
      clients,
      url: new URL(target.healthUrl).pathname,
      p50: round(q.p50),
      p99: round(q.p99),
      max: round(samples.latencies.length ? Math.max(...samples.latencies) : null),
      requests: samples.latencies.length,
      failures: samples.failures,
      ...(target.isMesa ? {} : { note: 'the reference answers any path with 200 "okay"' }),
    });
    out.set(target.name, {
      p99: q.p99,
      requests: samples.latencies.length,
      failures: samples.failures,
    });
  }
  return out;
}
