import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ErrorCodes, type ErrorBody, type ErrorCode } from '@mesa/shared';

interface Answer {
  status: number;
  code: ErrorCode;
  message: string;
}

// Errors Fastify's router makes before any route or error handler runs.
const byFrameworkCode: Record<string, Answer> = {
  FST_ERR_BAD_URL: { status: 400, code: ErrorCodes.badRequest, message: 'The URL is malformed.' },
  FST_ERR_MAX_PARAM_LENGTH: {
    status: 414,
    code: ErrorCodes.badRequest,
    message: 'A part of the URL is too long.',
  },
};

function errorBody({ code, message }: Answer): ErrorBody {
  return { error: { code, message } };
}

/**
 * Fastify's `frameworkErrors`: a malformed URL or an over-long URL part answers in the one
 * error shape (Fastify's default is `{"error":"Bad Request",…}`); anything else is a 500.
 */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const known = byFrameworkCode[error.code];
  if (known) {
    void reply.code(known.status).send(errorBody(known));
    return;
  }
  request.log.error({ err: error }, 'request failed');
  const message = 'Something went wrong on the server; try again.';
  void reply.code(500).send(errorBody({ status: 500, code: ErrorCodes.internal, message }));
}

function clientErrorAnswer(code: string | undefined): Answer {
  if (code === 'ERR_HTTP_REQUEST_TIMEOUT') {
    const message = 'The request did not arrive in time; send it again.';
    return { status: 408, code: ErrorCodes.requestTimeout, message };
  }
  if (code === 'HPE_HEADER_OVERFLOW') {
    return {
      status: 431,
      code: ErrorCodes.badRequest,
      message: 'The request headers are too large.',
    };
  }
  return { status: 400, code: ErrorCodes.badRequest, message: 'The request is not valid HTTP.' };
}

/**
 * Fastify's `clientErrorHandler`, for what Node's HTTP parser refuses before Fastify sees a
 * request (a request timeout, oversized headers, malformed HTTP): the one error shape, then the
 * connection is ended — half-closed first, so the client can read the answer.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  if (socket.writable) {
    const answer = clientErrorAnswer(error.code);
    const payload = JSON.stringify(errorBody(answer));
    socket.write(
      `HTTP/1.1 ${answer.status} ${STATUS_CODES[answer.status] ?? ''}\r\n` +
        'Content-Type: application/json; charset=utf-8\r\n' +
        `Content-Length: ${Buffer.byteLength(payload)}\r\nConnection: close\r\n\r\n${payload}`,
    );
  }
  socket.end();
  setTimeout(() => socket.destroy(), 1_000).unref();
}
