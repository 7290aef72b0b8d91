import { ErrorCodes, type ErrorCode } from '@mesa/shared';

/** A failure a service reports on purpose; the errors plugin turns it into the error shape. */
export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** 404 for a named kind of resource. */
export class NotFoundError extends AppError {
  constructor(resource: string) {
    super(404, ErrorCodes.notFound, `No such ${resource}.`);
  }
}

/** 429 with `Retry-After`: too many failed attempts in the window. */
export class TooManyRequestsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      ErrorCodes.tooManyRequests,
      `Too many failed attempts; try again in ${retryAfterSeconds} seconds.`,
    );
  }
}

/** 409 for a conflict with what is stored (a unique code, the last administrator). */
export class ConflictError extends AppError {
  constructor(message: string, field?: string) {
    super(409, ErrorCodes.conflict, message, field);
  }
}

/** 503 with `Retry-After`: the server cannot do it now (storage not accepting writes). */
export class ServiceUnavailableError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(503, ErrorCodes.serviceUnavailable, message);
  }
}
