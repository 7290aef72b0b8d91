import { z } from 'zod';

/** Every error code the API can answer with; the web app translates each one. */
export const ErrorCodes = {
  badRequest: 'bad_request',
  validation: 'validation_failed',
  unauthenticated: 'unauthenticated',
  invalidCredentials: 'invalid_credentials',
  forbidden: 'forbidden',
  foreignOrigin: 'foreign_origin',
  notFound: 'not_found',
  conflict: 'conflict',
  payloadTooLarge: 'payload_too_large',
  unsupportedMediaType: 'unsupported_media_type',
  requestTimeout: 'request_timeout',
  tooManyRequests: 'too_many_requests',
  weakPassword: 'weak_password',
  invitationInvalid: 'invitation_invalid',
  setupUnavailable: 'setup_unavailable',
  serviceUnavailable: 'service_unavailable',
  storageFull: 'storage_full',
  internal: 'internal_error',
} as const;

/** One of the error codes above. */
export type ErrorCode = (typeof ErrorCodes)[keyof typeof ErrorCodes];

/** The one shape of every error reply: `{"error":{"code","message"}}`. */
export const ErrorBodySchema = z.object({
  error: z.object({
    /** Machine-readable code, stable across versions. */
    code: z.string(),
    /** Human-readable English explanation; for a bad field it names the field. */
    message: z.string(),
    /** The request field at fault, when there is one. */
    field: z.string().optional(),
    /**
     * Why the field was refused, as stable machine codes the web app translates: for
     * `weak_password`, every password rule it breaks (`PasswordRules`).
     */
    reasons: z.array(z.string()).optional(),
  }),
});

/** The parsed body of an error reply. */
export type ErrorBody = z.infer<typeof ErrorBodySchema>;
