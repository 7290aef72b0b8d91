// The targets of issue 17, each met or missed, with the figures that decide it.
import type { InARow } from './cases/ten-in-a-row.js';
import type { JoinTimes } from './cases/late-join.js';
import type { PropagationResults } from './cases/propagation.js';
import type { SavedResult } from './cases/saved.js';
import { emit } from './harness/output.js';
import { ratio, round } from './harness/stats.js';

/** One target's verdict: null when this invocation did not measure it. */
export interface Verdict {
  target: string;
  met: boolean | null;
  figures: string;
}

/** What the cases returned, by server name (side = Mesa, or its stand-in). */
export interface Results {
  side: string;
  reference: string;
  second: string;
  propagation?: PropagationResults;
  tenInARow?: Map<string, InARow>;
  saved?: Map<string, SavedResult>;
  lateJoin?: Map<string, JoinTimes>;
  loadedAfterIdle?: Map<string, number | null>;
}

const fmt = (n: number | null | undefined) => (n === null || n === undefined ? '–' : String(n));
const within = (value: number | null, limit: number) => (value === null ? null : value <= limit);

function propagationVerdicts(r: Results, p: PropagationResults): Verdict[] {
  const out: Verdict[] = [];
  for (const [size, by] of p.bySize) {
    const [side, ref, second] = [by.get(r.side), by.get(r.reference), by.get(r.second)];
    for (const [label, key, limit] of [
      ['p50', 'p50', 1.1],
      ['convergence', 'convergeMs', 1.2],
    ] as const) {
      const mesaRef = ratio(side?.[key], ref?.[key]);
      out.push({
        target: `${label} ≤ ${limit}× the reference at ${size} clients`,
        met: within(mesaRef, limit),
        figures: `${fmt(mesaRef)} (${fmt(round(side?.[key] ?? null))} / ${fmt(round(ref?.[key] ?? null))} ms; ref/ref ${fmt(ratio(second?.[key], ref?.[key]))})`,
      });
    }
  }
  const health = p.health.get(r.side);
  if (health && p.healthClients !== null) {
    const refP99 = p.health.get(r.reference)?.p99 ?? null;
    out.push({
      target: `/api/health p99 < 50 ms during ${p.healthClients} clients`,
      met: health.p99 === null || health.failures > 0 ? false : health.p99 < 50,
      figures: `${fmt(round(health.p99))} ms over ${health.requests} requests, ${health.failures} failed (reference ${fmt(round(refP99))} ms)`,
    });
  }
  return out;
}

function tenInARowVerdicts(r: Results, rows: Map<string, InARow>): Verdict[] {
  const side = rows.get(r.side);
  const ref = rows.get(r.reference);
  if (!side) return [];
  const pairs = [
    ['p50', (x: InARow['first']) => x.p50],
    ['server CPU', (x: InARow['first']) => x.cpuMs],
  ] as const;
  return pairs.map(([label, read]) => {
    const growth = ratio(read(side.last), read(side.first));
    return {
      target: `last of the runs in a row within 10 % of the first (${label})`,
      met: growth === null ? null : growth <= 1.1,
      figures: `${fmt(round(read(side.first)))} → ${fmt(round(read(side.last)))} (${fmt(growth)}×; reference ${fmt(ref ? ratio(read(ref.last), read(ref.first)) : null)}×)`,
    };
  });
}

function savedVerdicts(saved: Map<string, SavedResult>): Verdict[] {
  return [...saved].map(([database, s]) => ({
    target:
      database === 'sqlite' ? 'Saved p50 < 20 ms on SQLite' : `Saved on ${database} (no target)`,
    met: database === 'sqlite' ? (s.p50 === null || s.unsaved > 0 ? false : s.p50 < 20) : null,
    figures: `p50 ${fmt(round(s.p50))} ms, p99 ${fmt(round(s.p99))} ms, ${s.edits} edits, ${s.unsaved} never acknowledged`,
  }));
}

function lateJoinVerdicts(r: Results, joins: Map<string, JoinTimes>): Verdict[] {
  const side = joins.get(r.side);
  const refWarm = joins.get(r.reference)?.warm ?? null;
  const secondWarm = joins.get(r.second)?.warm ?? null;
  const cold = side?.cold ?? null;
  return [
    {
      target: 'cold late join ≤ 1.5× the reference’s warm join',
      met: cold === null ? null : within(ratio(cold, refWarm), 1.5),
      figures: `${fmt(round(cold))} / ${fmt(round(refWarm))} ms = ${fmt(ratio(cold, refWarm))} (warm ${fmt(round(side?.warm ?? null))} ms; ref/ref warm ${fmt(ratio(secondWarm, refWarm))})`,
    },
  ];
}

/** Builds, emits and prints the verdicts; true when none is missed. */
export function summarize(results: Results, machine: Record<string, unknown>): boolean {
  const verdicts: Verdict[] = [
    ...(results.propagation ? propagationVerdicts(results, results.propagation) : []),
    ...(results.tenInARow ? tenInARowVerdicts(results, results.tenInARow) : []),
    ...(results.saved ? savedVerdicts(results.saved) : []),
    ...(results.lateJoin ? lateJoinVerdicts(results, results.lateJoin) : []),
  ];
  const loaded = results.loadedAfterIdle?.get(results.side);
  if (loaded !== undefined)
    verdicts.push({
      target: 'no document loaded after the idle time',
      met: loaded === null ? null : loaded === 0,
      figures: `${fmt(loaded)} loaded`,
    });
  const pass = verdicts.every((v) => v.met !== false);
  emit({ case: 'summary', server: results.side, pass, verdicts, machine });
  const label = (met: boolean | null) => (met === null ? 'n/a   ' : met ? 'met   ' : 'MISSED');
  process.stdout.write(`\nSummary (${results.side} against ${results.reference}):\n`);
  for (const v of verdicts) process.stdout.write(`  ${label(v.met)} ${v.target}: ${v.figures}\n`);
  return pass;
}
