/**
 * The offline copies of collaborative documents this browser keeps in IndexedDB, and their
 * clean-up. Free of Yjs so the sign-out listener can live in the first page's bundle; the
 * IndexedDB helper is imported only when there is something to delete.
 */

export { SIGNED_OUT_EVENT } from './signedOut';
import { SIGNED_OUT_EVENT } from './signedOut';

const INDEX_KEY = 'mesa:collab-copies';

/** One stored copy: whose it is and the IndexedDB database holding it. */
export interface StoredCopy {
  /** The person who opened the document on this device. */
  userId: string;
  /** The IndexedDB database name. */
  db: string;
}

/**
 * IndexedDB name of one person's copy of one document, so that people sharing a computer
 * never open each other's copies.
 */
export function copyName(userId: string, documentName: string): string {
  return `mesa:${userId}:${documentName}`;
}

function isStoredCopy(value: unknown): value is StoredCopy {
  if (typeof value !== 'object' || value === null) return false;
  const entry = value as Record<string, unknown>;
  return typeof entry.userId === 'string' && typeof entry.db === 'string';
}

/** The copies recorded on this device (an unreadable index counts as empty). */
export function listCopies(storage: Storage = localStorage): StoredCopy[] {
  try {
    const parsed: unknown = JSON.parse(storage.getItem(INDEX_KEY) ?? '[]');
    return Array.isArray(parsed) ? parsed.filter(isStoredCopy) : [];
  } catch {
    return [];
  }
}

function writeCopies(copies: StoredCopy[], storage: Storage): void {
  try {
    storage.setItem(INDEX_KEY, JSON.stringify(copies));
  } catch {
    // A full or disabled storage only means a copy may outlive sign-out; editing goes on.
  }
}

/** Records a copy so sign-out can find and delete it later. */
export function rememberCopy(copy: StoredCopy, storage: Storage = localStorage): void {
  const copies = listCopies(storage);
  if (copies.some((c) => c.db === copy.db)) return;
  writeCopies([...copies, copy], storage);
}

/** Forgets copies matching a test, returning them. */
export function forgetCopies(
  match: (copy: StoredCopy) => boolean,
  storage: Storage = localStorage,
): StoredCopy[] {
  const copies = listCopies(storage);
  writeCopies(
    copies.filter((c) => !match(c)),
    storage,
  );
  return copies.filter(match);
}

/** Deletes IndexedDB copies by database name. */
export async function deleteCopies(dbs: readonly string[]): Promise<void> {
  if (dbs.length === 0) return;
  const { clearDocument } = await import('y-indexeddb');
  await Promise.all(dbs.map((db) => clearDocument(db)));
}

/**
 * Deletes the copies of the person who signed out (all copies when the event does not say
 * who), so the next person at this computer finds none of them.
 */
export function installSignOutCleanup(target: Window = window): () => void {
  const onSignedOut = (event: Event) => {
    const userId = signedOutUserId(event);
    const gone = forgetCopies((c) => userId === null || c.userId === userId);
    void deleteCopies(gone.map((c) => c.db));
  };
  target.addEventListener(SIGNED_OUT_EVENT, onSignedOut);
  return () => target.removeEventListener(SIGNED_OUT_EVENT, onSignedOut);
}

function signedOutUserId(event: Event): string | null {
  if (!(event instanceof CustomEvent)) return null;
  const detail: unknown = event.detail;
  if (typeof detail !== 'object' || detail === null) return null;
  const userId = (detail as Record<string, unknown>).userId;
  return typeof userId === 'string' ? userId : null;
}
