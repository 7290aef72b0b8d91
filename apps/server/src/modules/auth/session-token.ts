import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding, encodeHexLowerCase, decodeHex } from '@oslojs/encoding';

/** A session's public id and secret, and the cookie value `<id>.<secret>` that carries them. */
export interface SessionToken {
  id: string;
  secret: string;
  token: string;
}

function randomBase32(bytes: number): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(bytes)));
}

/** SHA-256 of a secret, hex-encoded: the only form in which secrets are stored. */
export function hashSecret(secret: string): string {
  return encodeHexLowerCase(sha256(new TextEncoder().encode(secret)));
}

/** A fresh token: 120-bit id, 160-bit secret (Lucia's model). */
export function generateSessionToken(): SessionToken {
  const id = randomBase32(15);
  const secret = randomBase32(20);
  return { id, secret, token: `${id}.${secret}` };
}

/** Splits a cookie value into id and secret; null when it is not shaped like a token. */
export function parseSessionToken(token: string): { id: string; secret: string } | null {
  if (token.length > 100) return null;
  const [id, secret, extra] = token.split('.');
  if (!id || !secret || extra !== undefined) return null;
  if (!/^[a-z2-7]+$/.test(id) || !/^[a-z2-7]+$/.test(secret)) return null;
  return { id, secret };
}

/** Compares a presented secret with a stored hash in constant time. */
export function secretMatches(secret: string, storedHash: string): boolean {
  const presented = sha256(new TextEncoder().encode(secret));
  return constantTimeEqual(presented, decodeHex(storedHash));
}

/** A random one-time token (setup, invitations) and its stored hash. */
export function generateOneTimeToken(): { token: string; hash: string } {
  const token = randomBase32(20);
  return { token, hash: hashSecret(token) };
}
