import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

/** A new opaque id: 80 random bits as 16 lower-case base32 characters. */
export function newId(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(10)));
}
