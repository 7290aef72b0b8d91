import { vi } from 'vitest';

/** A canned reply: status and JSON body. */
export interface StubReply {
  /** HTTP status. */
  status: number;
  /** Parsed JSON body. */
  body: unknown;
  /** Extra response headers, e.g. Retry-After. */
  headers?: Record<string, string>;
}

function pathOf(input: RequestInfo | URL): string {
  if (typeof input === 'string') return input;
  if (input instanceof URL) return input.href;
  return input.url;
}

/**
 * Replaces global fetch with one that answers by path from the table, 404 for anything else.
 * A table value may be a function, to answer differently as a test goes on (signed in later)
 * or by method (it gets the request's init).
 */
export function stubFetch(
  replies: Record<string, StubReply | ((init?: RequestInit) => StubReply)>,
) {
  const fetchMock = vi.fn((input: RequestInfo | URL, init?: RequestInit) => {
    const path = pathOf(input);
    const entry = replies[path];
    const reply = (typeof entry === 'function' ? entry(init) : entry) ?? {
      status: 404,
      body: { error: { code: 'not_found', message: 'No route' } },
    };
    return Promise.resolve(
      new Response(JSON.stringify(reply.body), {
        status: reply.status,
        headers: { 'Content-Type': 'application/json', ...reply.headers },
      }),
    );
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

/** A 200 reply with the given body. */
export function ok(body: unknown): StubReply {
  return { status: 200, body };
}
