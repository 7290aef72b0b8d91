// What the benchmark and its typing threads (typing-thread.ts) share: the clock, waiting
// helpers, and the messages between them.

/**
 * Milliseconds on the machine's monotonic clock (CLOCK_MONOTONIC), which every thread and
 * process shares — unlike `performance.now()`, whose origin is per thread.
 */
export const clock = (): number => Number(process.hrtime.bigint()) / 1e6;

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` every `every` ms until it returns true; false after `timeoutMs`. */
export async function waitUntil(
  check: () => boolean,
  timeoutMs: number,
  every = 5,
): Promise<boolean> {
  const deadline = clock() + timeoutMs;
  while (clock() < deadline) {
    if (check()) return true;
    await sleep(every);
  }
  return check();
}

/** An edit as sent: typist, the Yjs clock of its first character, when `send` began. */
export type Sent = [typist: number, clock: number, at: number];

/** A remote transaction's effect for one typist: its clock after it, when it was applied. */
export type Received = [typist: number, clock: number, at: number];

/** A typist hosted by the thread: its client there, number, phase and edits so far. */
export interface LocalTypist {
  local: number;
  typist: number;
  phase: number;
  count: number;
}

export type Command =
  | {
      type: 'connect';
      serverUrl: string;
      room: string;
      headers: Record<string, string>;
      count: number;
    }
  /** The Yjs clientID of every typist of the run, by typist number. */
  | { type: 'typists'; clientIds: number[] }
  | { type: 'type'; typists: LocalTypist[]; edits: number; period: number; start: number }
  /** Wait until every client holds these clocks (typist, clock), then report. */
  | { type: 'collect'; finalClocks: [number, number][]; timeoutMs: number }
  | { type: 'close' };

export type Reply =
  | { type: 'connected'; clientIds: number[] }
  | { type: 'ok' }
  | {
      type: 'typed';
      sent: Sent[];
      /** Each of the thread's typists: its number and its clock after its last edit. */
      finalClocks: [number, number][];
      saturated: boolean;
      /** Edits made while the typist's provider was disconnected (sent on reconnection). */
      unsent: number;
    }
  | {
      type: 'collected';
      complete: boolean;
      /** Per client of the thread, in order. */
      received: Received[][];
      stateVectors: Uint8Array[];
    }
  | { type: 'closed' }
  | { type: 'failed'; error: string };
