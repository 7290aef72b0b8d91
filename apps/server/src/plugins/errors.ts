import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { ErrorCodes, type ErrorBody, type ErrorCode } from '@mesa/shared';
import { AppError, ServiceUnavailableError, TooManyRequestsError } from '../lib/errors.js';
import { drainBody } from '../lib/drain.js';
import { RecentStorageFaults, storageFaultOf, type StorageFault } from '../db/storage-faults.js';

declare module 'fastify' {
  interface FastifyInstance {
    /** The storage faults requests met lately (read by health). */
    storageFaults: RecentStorageFaults;
  }
}

function body(code: ErrorCode, message: string, field?: string): ErrorBody {
  return { error: field === undefined ? { code, message } : { code, message, field } };
}

function appErrorBody(error: AppError): ErrorBody {
  const reply = body(error.code, error.message, error.field);
  return error.reasons ? { error: { ...reply.error, reasons: [...error.reasons] } } : reply;
}

const byFastifyCode: Record<string, { status: number; code: ErrorCode; message: string }> = {
  FST_ERR_CTP_BODY_TOO_LARGE: {
    status: 413,
    code: ErrorCodes.payloadTooLarge,
    message: 'The request body is too large.',
  },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: {
    status: 415,
    code: ErrorCodes.unsupportedMediaType,
    message: 'Send JSON (Content-Type: application/json).',
  },
  FST_ERR_CTP_INVALID_JSON_BODY: {
    status: 400,
    code: ErrorCodes.badRequest,
    message: 'The request body is not valid JSON.',
  },
  FST_ERR_CTP_EMPTY_JSON_BODY: {
    status: 400,
    code: ErrorCodes.badRequest,
    message: 'The request body is empty; send a JSON object.',
  },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: {
    status: 400,
    code: ErrorCodes.badRequest,
    message: 'The Content-Length does not match the body.',
  },
};

/** The first unknown key zod's `unrecognized_keys` issue names, if any. */
function unknownKey(params: Record<string, unknown>): string | null {
  const keys = params.keys;
  return Array.isArray(keys) && typeof keys[0] === 'string' ? keys[0] : null;
}

// A busy database frees up in moments; a full disk waits for an operator.
const byStorageFault: Record<
  StorageFault,
  { retryAfter: number; code: ErrorCode; message: string }
> = {
  busy: {
    retryAfter: 1,
    code: ErrorCodes.serviceUnavailable,
    message: 'The database is busy; nothing was changed. Try again in a moment.',
  },
  full: {
    retryAfter: 30,
    code: ErrorCodes.storageFull,
    message: 'The server has no storage space left; nothing was changed. Try again later.',
  },
};

// A refused upload is read (and dropped) up to this much before the connection closes, so its
// client reads the 413; past it the connection is cut while the client sends.
const DRAIN_LIMIT_BYTES = 8 * 1024 * 1024;

/**
 * One error shape for every failure: `{"error":{"code","message"}}`. Never HTML, never a
 * stack trace; unexpected errors are logged with their stack and answered as 500.
 */
export const errorsPlugin = fp(async (app) => {
  app.decorate('storageFaults', new RecentStorageFaults());
  // A state-changing request that succeeded wrote (or could have): storage is no longer full.
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode < 400 && !['GET', 'HEAD', 'OPTIONS'].includes(request.method)) {
      app.storageFaults.clear();
    }
  });
  app.setErrorHandler(async (error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issue = error.validation[0];
      const where = error.validationContext ?? 'body';
      const path = issue?.instancePath.replace(/^\//, '').replaceAll('/', '.') ?? '';
      // A field the request does not have (strict schemas refuse them) is named as the field.
      const unknown = issue?.keyword === 'unrecognized_keys' ? unknownKey(issue.params) : null;
      if (unknown !== null) {
        const field = path === '' ? unknown : `${path}.${unknown}`;
        const message = `Invalid ${where}: ${field} is not a field of this request`;
        return reply.code(400).send(body(ErrorCodes.validation, message, field));
      }
      const field = path === '' ? where : path;
      const message = `Invalid ${where}: ${field} ${issue?.message ?? 'is invalid'}`;
      return reply.code(400).send(body(ErrorCodes.validation, message, field));
    }
    if (error instanceof TooManyRequestsError || error instanceof ServiceUnavailableError) {
      reply.header('Retry-After', String(error.retryAfterSeconds));
    }
    if (error instanceof AppError) {
      return reply.code(error.statusCode).send(appErrorBody(error));
    }
    const fault = storageFaultOf(error);
    if (fault) {
      const answer = byStorageFault[fault];
      request.log.warn({ err: error }, `database ${fault}`);
      app.storageFaults.note(fault);
      reply.header('Retry-After', String(answer.retryAfter));
      return reply.code(503).send(body(answer.code, answer.message));
    }
    const known =
      typeof error === 'object' && error !== null && 'code' in error
        ? byFastifyCode[String(error.code)]
        : undefined;
    if (known) {
      if (known.status === 413) await drainBody(request.raw, DRAIN_LIMIT_BYTES);
      return reply.code(known.status).send(body(known.code, known.message));
    }
    const status =
      typeof error === 'object' && error !== null && 'statusCode' in error
        ? Number(error.statusCode)
        : 500;
    if (status >= 400 && status < 500) {
      const message = error instanceof Error ? error.message : 'Bad request.';
      return reply
        .code(status)
        .send(body(status === 429 ? ErrorCodes.tooManyRequests : ErrorCodes.badRequest, message));
    }
    request.log.error({ err: error }, 'request failed');
    return reply
      .code(500)
      .send(body(ErrorCodes.internal, 'Something went wrong on the server; try again.'));
  });

  // Fastify's own 503 while closing is `{"error":"Service Unavailable"}`; answer it here instead.
  let closing = false;
  app.addHook('preClose', async () => {
    closing = true;
  });
  app.addHook('onRequest', async (_request, reply) => {
    if (!closing) return;
    reply.header('Connection', 'close').header('Retry-After', '5');
    const message = 'The server is shutting down; try again in a moment.';
    return reply.code(503).send(body(ErrorCodes.serviceUnavailable, message));
  });

  app.setNotFoundHandler((request, reply) => {
    reply
      .code(404)
      .send(
        body(ErrorCodes.notFound, `No route ${request.method} ${request.url.split('?')[0] ?? ''}.`),
      );
  });
});
