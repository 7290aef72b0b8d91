import { hash, verify } from '@node-rs/argon2';
import { Limits } from '@mesa/shared';

// Argon2id, OWASP's second recommended profile (19 MiB, t=2, p=1): ~45 ms here.
const OPTIONS = { memoryCost: 19456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

// At most two hashes at once on this 2-core machine: forty sign-ins at once queue here instead
// of starving the libuv pool that file and DNS work share, so other requests keep flowing.
const MAX_CONCURRENT = 2;
let running = 0;
const waiting: (() => void)[] = [];

async function withSlot<T>(work: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running += 1;
  try {
    return await work();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}

/** Hashes a password with Argon2id. */
export function hashPassword(password: string): Promise<string> {
  return withSlot(() => hash(password, OPTIONS));
}

/** Checks a password against a stored hash; false for inputs too long to be ours. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  if (password.length > Limits.passwordMaxLength) return false;
  return withSlot(() => verify(storedHash, password).catch(() => false));
}

// Verified against when the email is unknown, so a wrong email costs what a wrong password does.
let dummyHash: Promise<string> | null = null;

/** A valid hash of a random password, computed once. */
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(crypto.randomUUID());
  return dummyHash;
}
