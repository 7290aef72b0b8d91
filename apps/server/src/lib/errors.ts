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

  /** Machine codes saying why the field was refused (the reply's `reasons`), if any. */
  get reasons(): readonly string[] | undefined {
    return undefined;
  }

  /** What a socket command's refusal carries beside `error` (a room's `state`), if anything. */
  get ackDetails(): Record<string, unknown> | undefined {
    return undefined;
  }
}

/** 400 `weak_password` on a field, naming every password rule the value breaks. */
export class WeakPasswordError extends AppError {
  constructor(
    private readonly rules: readonly string[],
    message: string,
    field: string,
  ) {
    super(400, ErrorCodes.weakPassword, message, field);
  }

  override get reasons(): readonly string[] {
    return this.rules;
  }
}

/** 404 for a named kind of resource. */
export class NotFoundError extends AppError {
  constructor(resource: string) {
    super(404, ErrorCodes.notFound, `No such ${resource}.`);
  }
}

/** 429 with `Retry-After`: too many attempts (failed sign-ins, comments) in the window. */
export class TooManyRequestsError extends AppError {
  constructor(
    readonly retryAfterSeconds: number,
    message = `Too many failed attempts; try again in ${retryAfterSeconds} seconds.`,
  ) {
    super(429, ErrorCodes.tooManyRequests, message);
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
