/**
 * Why the document endpoint closed a connection. The web app explains each one and treats
 * the `final` ones as final: it does not reconnect.
 */
export const CloseCodes = {
  /** No valid session (signed out, expired, or ended). */
  noSession: 4401,
  /** Signed in, but no right to this document. */
  forbidden: 4403,
  /** No such document. */
  notFound: 4404,
  /** Access changed while connected (relation revoked, role changed); reconnect to re-check. */
  accessChanged: 4409,
  /** A message could not be decoded or applied. */
  malformed: 4400,
  /** The document would grow past its size limit. */
  documentTooLarge: 4413,
  /** Too many messages per second. */
  tooManyMessages: 4429,
  /** Transport: frame larger than the message limit. */
  messageTooBig: 1009,
  /** Transport: protocol error. */
  protocolError: 1002,
  /** The server is going away (shutdown). */
  goingAway: 1001,
  /** The server is restarting. */
  serviceRestart: 1012,
} as const;

/** One close code. */
export type CloseCode = (typeof CloseCodes)[keyof typeof CloseCodes];

/** Close codes after which a client must not reconnect on its own. */
export const FinalCloseCodes: readonly number[] = [
  CloseCodes.noSession,
  CloseCodes.forbidden,
  CloseCodes.notFound,
];

/** True when a client should stop reconnecting after this close code. */
export function isFinalCloseCode(code: number): boolean {
  return FinalCloseCodes.includes(code);
}
