// The messages between the bench and its health thread (health-thread.ts).

/** Start timing `url` every `intervalMs`, or stop and report. */
export type HealthCommand = { type: 'start'; url: string; intervalMs: number } | { type: 'stop' };

/** The thread's answers. */
export type HealthReply =
  | { type: 'started' }
  | {
      type: 'stopped';
      /** Each request's time from sending to the end of the answer, in ms. */
      latencies: number[];
      /** Requests that failed or did not answer 200 (timed all the same). */
      failures: number;
    }
  | { type: 'failed'; error: string };
