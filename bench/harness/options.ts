// The command line of `pnpm bench:collab` (bench/README.md, "Run", lists every flag).
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  // `pnpm bench:collab -- --runs=5` hands the `--` through; skip it.
  args: process.argv.slice(2).filter((a) => a !== '--'),
  options: {
    cases: {
      type: 'string',
      default: 'propagation,health,ten-in-a-row,saved,late-join,memory',
    },
    sizes: { type: 'string', default: '2,20,50,100' },
    runs: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '8' },
    bursts: { type: 'string', default: '16' },
    // Threads hosting the propagation case's clients (client i in thread i % threads).
    threads: { type: 'string', default: '2' },
    'repeat-size': { type: 'string', default: '100' },
    'repeat-runs': { type: 'string', default: '10' },
    'saved-typists': { type: 'string', default: '10' },
    'saved-databases': { type: 'string', default: 'sqlite,postgres' },
    edits: { type: 'string', default: '100000' },
    history: { type: 'string', default: 'random' },
    connections: { type: 'string', default: '1000' },
    'idle-seconds': { type: 'string', default: '2' },
    // `--mesa=reference` puts a third reference server in Mesa's slot: checks the harness.
    mesa: { type: 'string', default: 'mesa' },
    // Another build of Mesa's server (default: this worktree's apps/server/dist/main.js).
    'mesa-bundle': { type: 'string' },
  },
});

const count = (text: string, least = 1) => Math.max(least, Math.floor(Number(text)) || least);

/** Every option, parsed once. */
export const options = {
  cases: new Set(values.cases.split(',')),
  sizes: values.sizes.split(',').map((s) => count(s, 2)),
  runs: count(values.runs),
  typingSeconds: Math.max(0.5, Number(values.seconds) || 8),
  bursts: count(values.bursts),
  threads: count(values.threads),
  repeatSize: count(values['repeat-size'], 2),
  repeatRuns: count(values['repeat-runs'], 2),
  savedTypists: count(values['saved-typists']),
  savedDatabases: values['saved-databases'].split(',').filter(Boolean),
  historyEdits: count(values.edits),
  /** `random` (inserts and deletes at random places) or `typing` (mostly at a cursor). */
  historyModel: values.history === 'typing' ? 'typing' : 'random',
  idleConnections: count(values.connections),
  idleUnloadSeconds: Math.max(0, Number(values['idle-seconds']) || 0),
  /** True when a reference server stands in Mesa's slot (a check of the harness). */
  validate: values.mesa === 'reference',
  mesaBundle: values['mesa-bundle'] ?? null,
} as const;

/** Quiet time between two bursts of typing (not measured). */
export const BURST_PAUSE_MS = 250;
/** At most this many clients of a document type at once. */
export const MAX_TYPISTS = 10;
/** Each typist's pace. */
export const EDITS_PER_SECOND = 10;
/** The propagation size during which `/api/health` is timed. */
export const HEALTH_SIZE = 100;
/** One health request every this many milliseconds. */
export const HEALTH_INTERVAL_MS = 20;
