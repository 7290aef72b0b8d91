// Messages between the meetings benchmark's main thread and its listener threads.

/** Commands to a listener thread. */
export type Command =
  /**
   * Open `cookies.length` Socket.IO clients to `urls[i % urls.length]` (client i); with a
   * `meetingId`, each joins that meeting's room (Mesa); without, nothing more (bare).
   */
  | { type: 'connect'; urls: string[]; cookies: (string | null)[]; meetingId: string | null }
  /** Resolve when every client of the thread has a `meeting.state` of sequence `key`. */
  | { type: 'await'; key: number; timeoutMs: number }
  /** The last `meeting.state` the first client received. */
  | { type: 'capture' }
  | { type: 'close' };

/** Replies of a listener thread. */
export type Reply =
  | { type: 'connected' }
  /** When each client received it (monotonic clock, nanoseconds, as decimal strings). */
  | { type: 'arrived'; times: string[] }
  | { type: 'captured'; payload: unknown }
  | { type: 'closed' };

/** The key of a `meeting.state` payload: its sequence. */
export function stateKey(payload: unknown): number | null {
  const sequence = (payload as { sequence?: unknown }).sequence;
  return typeof sequence === 'number' ? sequence : null;
}
