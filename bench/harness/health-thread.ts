// A client apart from the typists (its own thread, so their work does not delay it) that asks
// a server for its health at a steady pace, as a load balancer or a monitor does.
import { Agent, get } from 'node:http';
import { parentPort } from 'node:worker_threads';
import type { HealthCommand, HealthReply } from './health-protocol.js';
import { clock, sleep } from './typing-protocol.js';

const port = parentPort!;
const REQUEST_TIMEOUT_MS = 10_000;

let running: Promise<void> | null = null;
let stopping = false;
let latencies: number[] = [];
let failures = 0;

/** One request; resolves with whether it answered 200. */
function ask(url: string, agent: Agent): Promise<boolean> {
  return new Promise((resolve) => {
    const request = get(url, { agent, timeout: REQUEST_TIMEOUT_MS }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode === 200));
      response.on('error', () => resolve(false));
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', () => resolve(false));
  });
}

async function loop(url: string, intervalMs: number): Promise<void> {
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  while (!stopping) {
    const start = clock();
    const ok = await ask(url, agent);
    const elapsed = clock() - start;
    latencies.push(elapsed);
    if (!ok) failures++;
    if (elapsed < intervalMs) await sleep(intervalMs - elapsed);
  }
  agent.destroy();
}

async function handle(command: HealthCommand): Promise<HealthReply> {
  if (command.type === 'start') {
    if (running) return { type: 'failed', error: 'already running' };
    stopping = false;
    latencies = [];
    failures = 0;
    running = loop(command.url, command.intervalMs);
    return { type: 'started' };
  }
  stopping = true;
  await running;
  running = null;
  return { type: 'stopped', latencies, failures };
}

port.on('message', (command: HealthCommand) => {
  handle(command).then(
    (reply) => port.postMessage(reply),
    (error: unknown) => port.postMessage({ type: 'failed', error: String(error) }),
  );
});
