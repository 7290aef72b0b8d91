import type { TestServer } from './server.js';

/** A controllable clock for `startServer({ app: { now } })`. */
export function fakeClock(start = Date.parse('2030-01-01T00:00:00Z')) {
  let t = start;
  return {
    now: () => new Date(t),
    advance(seconds: number) {
      t += seconds * 1000;
    },
  };
}

/** Posts JSON with the app's own Origin and an optional cookie. */
export function postJson(
  server: TestServer,
  path: string,
  body: unknown,
  cookie?: string,
  method = 'POST',
): Promise<Response> {
  const headers: Record<string, string> = {
    origin: server.origin,
    'content-type': 'application/json',
  };
  if (cookie) headers.cookie = cookie;
  return fetch(`${server.url}${path}`, { method, headers, body: JSON.stringify(body) });
}

/** The `name=value` part of the session cookie a reply set, or null. */
export function sessionCookieOf(res: Response): string | null {
  const raw = res.headers.getSetCookie().find((c) => c.startsWith('mesa_session='));
  return raw ? (raw.split(';')[0] ?? null) : null;
}

/** Signs in and returns the session cookie; throws when the sign-in fails. */
export async function signInAs(
  server: TestServer,
  email: string,
  password: string,
): Promise<string> {
  const res = await postJson(server, '/api/auth/login', { email, password });
  const cookie = sessionCookieOf(res);
  if (res.status !== 200 || !cookie) throw new Error(`sign-in failed with ${res.status}`);
  return cookie;
}

/** GET with a cookie (or none). */
export function getWith(server: TestServer, path: string, cookie?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, { headers: cookie ? { cookie } : {} });
}
