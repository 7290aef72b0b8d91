// "Saved": the time from an edit to the server's acknowledgement that it is durable, on
// SQLite and on PostgreSQL (issue 17: p50 under 20 ms on SQLite). Mesa only: the reference
// stores nothing and acknowledges nothing.
import {
  ackCountingWebSocket,
  handleAcks,
  savedRecorder,
  type SavedRecorder,
} from '../harness/ack-counter.js';
import { closeClients, newClient, type Client } from '../harness/clients.js';
import { EDITS_PER_SECOND, options } from '../harness/options.js';
import { emit, note } from '../harness/output.js';
import { onCleanUp } from '../harness/processes.js';
import { createDatabase } from '../harness/postgres.js';
import { Rooms, startMesa, type Target } from '../harness/servers.js';
import { quantiles, round } from '../harness/stats.js';
import { clock, sleep, waitUntil } from '../harness/typing-protocol.js';

/** Saved times of one database. */
export interface SavedResult {
  p50: number | null;
  p99: number | null;
  edits: number;
  unsaved: number;
}

const WARM_UP_EDITS = 20;

/** Every typist types `edits` edits at 10 a second, phases spread over the period. */
async function type(clients: Client[], edits: number): Promise<void> {
  const period = 1000 / EDITS_PER_SECOND;
  const start = clock() + 20;
  const next = clients.map((_, i) => start + (i * period) / clients.length);
  const typed = clients.map(() => 0);
  while (typed.some((n) => n < edits)) {
    const now = clock();
    clients.forEach((client, i) => {
      if (typed[i]! >= edits || now < next[i]!) return;
      client.doc.getText('bench').insert(0, `${i}.${typed[i]};`);
      typed[i]!++;
      next[i]! += period;
    });
    await sleep(1);
  }
}

async function measure(target: Target, database: string): Promise<SavedResult> {
  const recorder: SavedRecorder = savedRecorder();
  const socket = ackCountingWebSocket(target.headers, recorder);
  const clients = Array.from({ length: options.savedTypists }, () => {
    const client = newClient(target, target.room(Rooms.saved), socket);
    handleAcks(client.provider);
    return client;
  });
  try {
    if (!(await waitUntil(() => clients.every((c) => c.provider.synced), 30_000, 20)))
      throw new Error(`${target.name}: Saved clients did not sync`);
    await type(clients, WARM_UP_EDITS);
    recorder.measuring = true;
    await type(clients, Math.round(options.typingSeconds * EDITS_PER_SECOND));
    recorder.measuring = false;
    const pending = () => recorder.counters.reduce((a, c) => a + c.unacknowledged(), 0);
    await waitUntil(() => pending() === 0, 10_000, 5);
    const q = quantiles(recorder.saved);
    const overclaims = recorder.counters.reduce((a, c) => a + c.overclaims, 0);
    const result = { p50: q.p50, p99: q.p99, edits: recorder.saved.length, unsaved: pending() };
    emit({
      case: 'saved',
      server: target.name,
      database,
      typists: options.savedTypists,
      p50: round(q.p50),
      p95: round(q.p95),
      p99: round(q.p99),
      saved: result.edits,
      // Edits without an acknowledgement 10 s after typing stopped (should be 0).
      unsaved: result.unsaved,
      ...(overclaims ? { overclaims } : {}),
    });
    return result;
  } finally {
    await closeClients(clients);
  }
}

async function onPostgres(): Promise<SavedResult> {
  const database = await createDatabase();
  onCleanUp(database.drop);
  let target: Target | null = null;
  try {
    target = await startMesa({
      name: 'mesa-postgres',
      databaseUrl: database.url,
      bundle: options.mesaBundle,
      idleUnloadSeconds: options.idleUnloadSeconds,
    });
    return await measure(target, 'postgres');
  } finally {
    await target?.stop();
    await database.drop();
  }
}

/** Saved times on the SQLite server `mesa` and on a Mesa started on a fresh PostgreSQL database. */
export async function savedCase(mesa: Target): Promise<Map<string, SavedResult>> {
  const out = new Map<string, SavedResult>();
  for (const database of options.savedDatabases) {
    if (database === 'sqlite') out.set(database, await measure(mesa, 'sqlite'));
    else if (database === 'postgres') out.set(database, await onPostgres());
    else note(`--saved-databases: unknown database ${database}, skipped`);
  }
  return out;
}
