import { ServerResponse, type IncomingMessage } from 'node:http';
import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { ErrorCodes, type ErrorBody } from '@mesa/shared';
import type { FastifyInstance } from 'fastify';
import { authenticateCookieHeader } from '../modules/auth/index.js';
import { isAllowedOrigin } from '../plugins/security.js';

type Refusal = { status: 401 | 403; body: ErrorBody };

const foreignOrigin: Refusal = {
  status: 403,
  body: {
    error: { code: ErrorCodes.foreignOrigin, message: 'Connections from this origin are refused.' },
  },
};
const noSession: Refusal = {
  status: 401,
  body: { error: { code: ErrorCodes.unauthenticated, message: 'Sign in to continue.' } },
};

function isHandshake(req: IncomingMessage): boolean {
  return !new URL(req.url ?? '/', 'http://x').searchParams.has('sid');
}

function refuse(res: ServerResponse | { socket: Duplex }, refusal: Refusal): void {
  const json = JSON.stringify(refusal.body);
  if (res instanceof ServerResponse) {
    res.writeHead(refusal.status, { 'content-type': 'application/json' }).end(json);
    return;
  }
  // An upgrade: engine.io would answer any refusal with a bare 400, so write the status here.
  res.socket.end(
    `HTTP/1.1 ${refusal.status} ${STATUS_CODES[refusal.status]}\r\n` +
      'Connection: close\r\nContent-Type: application/json\r\n' +
      `Content-Length: ${Buffer.byteLength(json)}\r\n\r\n${json}`,
  );
}

/**
 * Engine.io middleware run on every HTTP request and upgrade under /socket.io/, before
 * engine.io answers: a foreign Origin gets 403; a handshake (no `sid` yet) without a valid
 * session gets 401. Both in the REST error shape. engine.io's own `allowRequest` can only
 * answer 403 (and 400 on upgrades), which is why this is a middleware.
 */
export function handshakeGate(app: FastifyInstance) {
  return (req: IncomingMessage, res: unknown, next: (err?: Error) => void): void => {
    const response = res as ServerResponse | { socket: Duplex };
    // A refusal writes its own answer and does not call `next`: engine.io would overwrite the
    // status (or, on upgrades, destroy the socket before the answer is flushed).
    if (!isAllowedOrigin(req.headers.origin, app.config.allowedOrigins))
      return refuse(response, foreignOrigin);
    // Later requests of an established connection carry its unguessable sid; the namespace
    // middleware and the periodic re-check keep the session honest after the handshake.
    if (!isHandshake(req)) return next();
    authenticateCookieHeader(app, req.headers.cookie).then(
      (actor) => (actor ? next() : refuse(response, noSession)),
      (error: unknown) => {
        app.log.error({ err: error }, 'socket handshake authentication failed');
        next(error instanceof Error ? error : new Error('handshake failed'));
      },
    );
  };
}
