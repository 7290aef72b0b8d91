// Messages between the comments benchmark's main thread and its listener threads.

/** Commands to a listener thread. */
export type Command =
  /** Open `cookies.length` Socket.IO clients (one per cookie; `null` cookies: anonymous). */
  | {
      type: 'connect';
      url: string;
      cookies: (string | null)[];
      /** Subscribe each client to this program's room (Mesa), or nothing (bare). */
      programId: string | null;
    }
  /** Resolve when every client of the thread has received the event whose key is `key`. */
  | { type: 'await'; key: string; timeoutMs: number }
  /** The payload of the last `thread.changed` the first client received. */
  | { type: 'capture' }
  | { type: 'close' };

/** Replies of a listener thread. */
export type Reply =
  | { type: 'connected' }
  /** When each client received the event (monotonic clock, nanoseconds, as decimal strings). */
  | { type: 'arrived'; times: string[] }
  | { type: 'captured'; payload: unknown }
  | { type: 'closed' };

/** The key of a `thread.changed` payload: its newest comment's id. */
export function eventKey(payload: unknown): string | null {
  const thread = (payload as { thread?: { comments?: { id?: unknown }[] } }).thread;
  const last = thread?.comments?.at(-1)?.id;
  return typeof last === 'string' ? last : null;
}
