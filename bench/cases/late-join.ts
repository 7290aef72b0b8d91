// A late joiner to a document with a long history: warm (the document is in memory), cold
// (the first join after a restart, loaded from the database; Mesa only) and reloaded (after
// an idle unload in the same process; Mesa only). Issue 17: cold within 1.5× of the
// reference's warm join.
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { closeClients, newClient, rawConnect, sendUpdate } from '../harness/clients.js';
import { options } from '../harness/options.js';
import { emit, note } from '../harness/output.js';
import { Rooms, type Target } from '../harness/servers.js';
import { median, round } from '../harness/stats.js';
import { sleep, waitUntil } from '../harness/typing-protocol.js';
import { buildHistory, hasHistory, type History } from './history.js';

/** Median join times by mode (ms); null where a mode does not apply or never completed. */
export interface JoinTimes {
  warm: number | null;
  cold: number | null;
  reloaded: number | null;
}

/** The history's state size, for the output lines. */
let stateBytes = 0;

/** Time from creating a stock provider until its document holds the whole history. */
async function joinOnce(target: Target, history: History, timeoutMs: number) {
  const t0 = performance.now();
  const client = newClient(target, target.room(Rooms.lateJoin));
  const ok = await waitUntil(
    () => client.provider.synced && hasHistory(client.doc, history),
    timeoutMs,
    1,
  );
  const ms = performance.now() - t0;
  await closeClients([client]);
  return ok ? ms : null;
}

/** Sends the history; the seeding connection stays open (the document stays loaded). */
async function seed(target: Target, history: History): Promise<WebSocket> {
  const seeder = await rawConnect(target, target.room(Rooms.lateJoin), 10_000);
  // 20 messages/s: far under the 200/s per-connection limit, each far under 2 MiB.
  for (const batch of history.batches) {
    if (seeder.readyState !== WebSocket.OPEN)
      throw new Error(`${target.name}: seeding connection closed`);
    sendUpdate(seeder, batch);
    await sleep(50);
  }
  // The first join doubles as the check that the server holds the whole history.
  const first = await joinOnce(target, history, 60_000);
  if (first === null) throw new Error(`${target.name}: late joiner never got the seeded history`);
  return seeder;
}

async function repeat(times: number, once: () => Promise<number | null>) {
  const out: (number | null)[] = [];
  for (let i = 0; i < times; i++) out.push(await once());
  return median(out);
}

function emitJoin(target: Target, mode: keyof JoinTimes, ms: number | null, note?: string): void {
  emit({
    case: 'late-join',
    server: target.name,
    mode,
    edits: options.historyEdits,
    history: options.historyModel,
    stateKB: round(stateBytes / 1024),
    ms: round(ms),
    runs: options.runs,
    ...(note ? { note } : {}),
  });
}

async function joinTimes(target: Target, history: History): Promise<JoinTimes> {
  const seeder = await seed(target, history);
  const times: JoinTimes = { warm: null, cold: null, reloaded: null };
  times.warm = await repeat(options.runs, () => joinOnce(target, history, 30_000));
  seeder.close();
  emitJoin(target, 'warm', times.warm);
  const restart = target.restart;
  if (!restart) {
    emitJoin(
      target,
      'cold',
      null,
      'no persistence: documents live in memory until the process ends',
    );
    return times;
  }
  // Cold: a new server process, so the document loads from the database.
  times.cold = await repeat(options.runs, async () => {
    await restart();
    return joinOnce(target, history, 30_000);
  });
  emitJoin(target, 'cold', times.cold);
  // Reloaded: same process, document unloaded after the idle time, loaded from the database.
  times.reloaded = await repeat(options.runs, async () => {
    await sleep(options.idleUnloadSeconds * 1000 + 1500);
    return joinOnce(target, history, 30_000);
  });
  emitJoin(target, 'reloaded', times.reloaded);
  return times;
}

/** Seeds the same history into every target, then times joiners. */
export async function lateJoinCase(targets: Target[]): Promise<Map<string, JoinTimes>> {
  const started = performance.now();
  const history = buildHistory(options.historyEdits, 1000, options.historyModel);
  stateBytes = history.stateBytes;
  const bytes = history.batches.reduce((a, b) => a + b.byteLength, 0);
  note(
    `history (${options.historyModel}): ${options.historyEdits} edits in ${history.batches.length} messages, ${(bytes / 1024).toFixed(0)} KiB sent, state ${(history.stateBytes / 1024).toFixed(0)} KiB, built in ${(performance.now() - started).toFixed(0)} ms`,
  );
  const out = new Map<string, JoinTimes>();
  for (const target of targets) out.set(target.name, await joinTimes(target, history));
  return out;
}
