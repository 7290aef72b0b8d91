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
