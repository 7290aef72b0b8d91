// Idle connections and idle unload: memory per connection, and how many documents are still
// loaded once everyone left and the idle time passed (target 0). Memory is read as the
// process reports it; no collection is forced.

import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';
import { rawConnect } from '../harness/clients.js';
import { options } from '../harness/options.js';
import { emit } from '../harness/output.js';
import { memoryOf } from '../harness/processes.js';
import { Rooms, type Target } from '../harness/servers.js';
import { round } from '../harness/stats.js';
import { sleep, waitUntil } from '../harness/typing-protocol.js';

const MB = 1024 * 1024;

async function openMany(target: Target, room: string, count: number) {
  const sockets: WebSocket[] = [];
  const deadline = performance.now() + 120_000;
  let failed = 0;
  while (sockets.length < count && performance.now() < deadline) {
    const n = Math.min(50, count - sockets.length);
    const opened = await Promise.allSettled(
      Array.from({ length: n }, () => rawConnect(target, room, 15_000)),
    );
    for (const r of opened) {
      if (r.status === 'fulfilled') sockets.push(r.value);
      else failed++;
    }
    if (failed > count / 10) break;
  }
  return { sockets, failed };
}

async function measure(target: Target): Promise<number | null> {
  const room = target.room(Rooms.memory);
  const holder = await rawConnect(target, room, 10_000); // the document is loaded
  await sleep(300);
  const before = await memoryOf(target.child);
  const { sockets, failed } = await openMany(target, room, options.idleConnections);
  const connections = sockets.length;
  await sleep(1000);
  const open = await memoryOf(target.child);
  for (const s of [holder, ...sockets]) s.close();
  await waitUntil(() => sockets.every((s) => s.readyState === WebSocket.CLOSED), 10_000, 50);
  await sleep(options.idleUnloadSeconds * 1000 + 2000);
  const after = await memoryOf(target.child);
  const loaded = await target.loadedDocuments();
  const perConnection = (a: number, b: number) =>
    connections ? round((a - b) / connections / 1024) : null;
  emit({
    case: 'memory',
    server: target.name,
    connections,
    failedConnections: failed,
    rssPerConnectionKB: perConnection(open.rss, before.rss),
    heapPerConnectionKB: perConnection(open.heapUsed, before.heapUsed),
    rssBeforeMB: round(before.rss / MB),
    rssOpenMB: round(open.rss / MB),
    heapBeforeMB: round(before.heapUsed / MB),
    heapOpenMB: round(open.heapUsed / MB),
    heapAfterIdleMB: round(after.heapUsed / MB),
    rssAfterIdleMB: round(after.rss / MB),
    loadedDocumentsAfterIdle: loaded,
    ...(target.restart ? {} : { note: 'the reference never unloads documents' }),
  });
  return loaded;
}

/** Loaded documents after idle, by server (null when the server does not tell). */
export async function memoryCase(targets: Target[]): Promise<Map<string, number | null>> {
  const out = new Map<string, number | null>();
  for (const target of targets) out.set(target.name, await measure(target));
  return out;
}
