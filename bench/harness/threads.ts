// Worker threads of the load generator. Commands go out in order and each gets one reply.
import { Worker } from 'node:worker_threads';
import { withTimeout } from './util.js';

type Message = { type: string };
type Failed = { type: 'failed'; error: string };

/** A worker running one of the harness's TypeScript files (through tsx's API: a worker does not inherit the loader). */
export class Thread<C extends Message, R extends Message> {
  private readonly worker: Worker;
  private readonly waiting: ((reply: R | Failed) => void)[] = [];

  constructor(file: string) {
    const api = JSON.stringify(import.meta.resolve('tsx/esm/api'));
    const url = JSON.stringify(new URL(file, import.meta.url).href);
    const boot = `const { tsImport } = await import(${api});
await tsImport(${url}, ${JSON.stringify(import.meta.url)});`;
    this.worker = new Worker(new URL(`data:text/javascript,${encodeURIComponent(boot)}`));
    this.worker.on('message', (reply: R | Failed) => this.waiting.shift()?.(reply));
    this.worker.on('error', (error) => {
      for (const answer of this.waiting.splice(0)) answer({ type: 'failed', error: String(error) });
    });
  }

  /** Sends `command` and waits for its reply, which must be of type `expected`. */
  async ask<T extends R['type']>(
    command: C,
    expected: T,
    timeoutMs = 60_000,
  ): Promise<Extract<R, { type: T }>> {
    const reply = await withTimeout(
      new Promise<R | Failed>((resolve) => {
        this.waiting.push(resolve);
        this.worker.postMessage(command);
      }),
      timeoutMs,
      `thread: ${command.type}`,
    );
    if (reply.type === 'failed') throw new Error(`thread: ${(reply as Failed).error}`);
    if (reply.type !== expected) throw new Error(`thread: ${reply.type}, not ${expected}`);
    return reply as Extract<R, { type: T }>;
  }

  /** Stops the worker. */
  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}
